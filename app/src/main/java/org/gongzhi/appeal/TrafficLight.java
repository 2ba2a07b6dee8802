package org.gongzhi.appeal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * 红黄绿灯 of a resolution clock (DOMAIN.md §4, Clocks): under 80 % of the limit used is green, 80 % to 100 % yellow, more
 * than 100 % red.
 */
public enum TrafficLight {
    GREEN,
    YELLOW,
    RED;

    /**
     * The light of a clock started at {@code start}, due at {@code due}, read at {@code at}: exactly 80 % used is
     * yellow, exactly 100 % still yellow, a nanosecond later red.
     */
    public static TrafficLight of(Instant start, Instant due, Instant at) {
        Duration limit = Duration.between(start, due);
        Duration used = Duration.between(start, at);
        if (used.compareTo(limit) > 0) {
            return RED;
        }
        // used / limit >= 0.8, in exact arithmetic: 5 × used >= 4 × limit.
        return used.multipliedBy(5).compareTo(limit.multipliedBy(4)) >= 0 ? YELLOW : GREEN;
    }

    /**
     * The first whole microsecond (the precision the database keeps times in) whose light is yellow or later: for any
     * {@code at} in whole microseconds, {@code of(start, due, at)} is green exactly when {@code at} is before this
     * instant. Red begins strictly after {@code due}. Stored with each appeal so the list can filter by light
     * through an index.
     */
    public static Instant yellowFrom(Instant start, Instant due) {
        long limit = Duration.between(start, due).toNanos();
        Instant exact = start.plusNanos(-Math.floorDiv(-limit * 4, 5));
        Instant micros = exact.truncatedTo(ChronoUnit.MICROS);
        return micros.equals(exact) ? exact : micros.plus(1, ChronoUnit.MICROS);
    }
}
