package org.gongzhi.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongzhi.identity.SmsSender;
import org.gongzhi.shared.PhoneNumber;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** An SMS gateway for tests: keeps the last message to each number so a test can read the code a resident got. */
public class TestSms implements SmsSender {

    private static final Map<String, String> last = new ConcurrentHashMap<>();
    private static final Map<String, java.util.concurrent.atomic.AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public void send(PhoneNumber to, String text) {
        last.put(to.value(), text);
        counts.computeIfAbsent(to.value(), k -> new java.util.concurrent.atomic.AtomicInteger())
                .incrementAndGet();
    }

    /** The six-digit code in the last message to {@code phone}. */
    public static String lastCode(String phone) {
        Matcher m = Pattern.compile("(\\d{6})").matcher(last.getOrDefault(phone, ""));
        if (!m.find()) {
            throw new AssertionError("No code was sent to that number");
        }
        return m.group(1);
    }

    /** The last message to {@code phone}, or null. */
    public static String last(String phone) {
        return last.get(phone);
    }

    /** How many messages were sent to {@code phone} since the test run began. */
    public static int sentTo(String phone) {
        var count = counts.get(phone);
        return count == null ? 0 : count.get();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        SmsSender testSms() {
            return new TestSms();
        }
    }
}
