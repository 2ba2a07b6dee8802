package org.gongzhi.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The platform clock in tests: the real time plus an offset a test may move forward (and must put back), so that
 * timeouts are tested without waiting; or a frozen instant, for deadlines computed to the second.
 */
public class TestClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;
    private static volatile Instant frozen;
    private final Clock system = Clock.system(ZoneId.of("Asia/Shanghai"));

    public static void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Stops the clock at {@code at} until {@link #reset}: deadlines computed meanwhile are exact. */
    public static void freeze(Instant at) {
        frozen = at;
    }

    public static void reset() {
        offset = Duration.ZERO;
        frozen = null;
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return system.withZone(zone);
    }

    @Override
    public Instant instant() {
        Instant at = frozen;
        return at != null ? at : system.instant().plus(offset);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        Clock testClock() {
            return new TestClock();
        }
    }
}
