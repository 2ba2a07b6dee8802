package org.gongzhi.identity.domain;

import org.gongzhi.identity.SmsSender;
import org.gongzhi.shared.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For development and the demo: writes the message to the log with the number masked, so the one-time code can be read
 * from the console. Never used when an SMS gateway bean is present, and refused in production.
 */
public class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

    @Override
    public void send(PhoneNumber to, String text) {
        log.info("SMS to {}: {}", to.masked(), text);
    }
}
