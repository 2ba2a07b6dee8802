package org.gongzhi.shared;

import java.time.LocalDate;

/**
 * The dates a governance record can carry. Nothing the platform keeps happened before the People's Republic was
 * founded ({@link #FIRST_DAY}, 1949-10-01), and nothing is planned beyond {@link #LAST_DAY} (2199-12-31): a date
 * outside that span is a typing or an attack, and the database would refuse some of them only with an error.
 */
public final class Dates {

    public static final LocalDate FIRST_DAY = LocalDate.of(1949, 10, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2199, 12, 31);

    private Dates() {}

    /** Whether {@code date} lies within {@link #FIRST_DAY} … {@link #LAST_DAY}. */
    public static boolean plausible(LocalDate date) {
        return date != null && !date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY);
    }

    /**
     * Checks a day something was done: from {@link #FIRST_DAY} to {@code today}. Adds {@code date.past-range} with the
     * two ends at {@code location}; {@code null} passes (the caller decides whether the date is required).
     */
    public static void checkPast(LocalDate date, LocalDate today, String location, Violations violations) {
        if (date != null && (date.isBefore(FIRST_DAY) || date.isAfter(today))) {
            violations.add(location, "date.past-range", FIRST_DAY, today);
        }
    }
}
