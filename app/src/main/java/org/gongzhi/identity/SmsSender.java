package org.gongzhi.identity;

import org.gongzhi.shared.PhoneNumber;

/**
 * Sends a text message. The default run logs instead of sending; an SMS gateway implements this interface and replaces
 * the logging bean.
 */
public interface SmsSender {

    void send(PhoneNumber to, String text);
}
