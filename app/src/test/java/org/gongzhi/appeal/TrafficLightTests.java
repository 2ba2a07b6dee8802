package org.gongzhi.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** 红黄绿灯 at its exact boundaries (DOMAIN.md §4: < 80 % green, 80–100 % yellow, > 100 % red). */
class TrafficLightTests {

    static final Instant START = Instant.parse("2026-03-02T01:00:00Z");
    static final Instant DUE = START.plus(Duration.ofDays(10));

    static TrafficLight after(Duration used) {
        return TrafficLight.of(START, DUE, START.plus(used));
    }

    @Test
    void eighty_percent_is_the_first_yellow_instant() {
        assertThat(after(Duration.ofDays(8).minusNanos(1))).isEqualTo(TrafficLight.GREEN);
        assertThat(after(Duration.ofDays(8))).isEqualTo(TrafficLight.YELLOW);
    }

    @Test
    void the_deadline_itself_is_still_yellow_and_a_nanosecond_later_red() {
        assertThat(after(Duration.ofDays(10))).isEqualTo(TrafficLight.YELLOW);
        assertThat(after(Duration.ofDays(10).plusNanos(1))).isEqualTo(TrafficLight.RED);
    }

    @Test
    void the_start_is_green() {
        assertThat(after(Duration.ZERO)).isEqualTo(TrafficLight.GREEN);
    }

    @Test
    void the_stored_yellow_instant_agrees_with_the_light_at_every_microsecond_around_it() {
        var random = new java.util.Random(278);
        for (int i = 0; i < 2_000; i++) {
            Instant start = START.plus(random.nextInt(1_000_000), java.time.temporal.ChronoUnit.MICROS);
            Instant due = start.plus(
                    1 + random.nextInt(i < 1_000 ? 50 : 2_000_000_000), java.time.temporal.ChronoUnit.MICROS);
            Instant yellow = TrafficLight.yellowFrom(start, due);
            assertThat(yellow.getNano() % 1_000).isZero();
            assertThat(TrafficLight.of(start, due, yellow.minusNanos(1_000))).isEqualTo(TrafficLight.GREEN);
            assertThat(TrafficLight.of(start, due, yellow)).isNotEqualTo(TrafficLight.GREEN);
        }
        assertThat(TrafficLight.yellowFrom(START, DUE)).isEqualTo(START.plus(Duration.ofDays(8)));
    }
}
