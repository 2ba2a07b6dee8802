package org.gongzhi.shared;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * China's work calendar: which days are 工作日 and how 工作日 and 工作时 add up (DOMAIN.md §4, Clocks; ADR 0005). A year
 * entered from the State Council's notice ({@link Year}) has its public holidays off and its 调休 make-up days (working
 * Saturdays and Sundays) on; a year not entered treats Saturdays and Sundays as days off and every other day as a
 * working day, and {@link #entered(int)} says so. Immutable and safe to share.
 */
public final class WorkCalendar {

    /**
     * One year as the State Council published it: {@code holidays} are days off (whatever their weekday),
     * {@code workdays} the 调休 make-up days worked (Saturdays or Sundays). Every day must lie in {@code year}, and no day
     * may be both.
     */
    public record Year(int year, Set<LocalDate> holidays, Set<LocalDate> workdays) {

        public Year {
            holidays = Set.copyOf(holidays);
            workdays = Set.copyOf(workdays);
            for (LocalDate d : holidays) {
                if (d.getYear() != year) {
                    throw new IllegalArgumentException("holiday " + d + " is not in " + year);
                }
                if (workdays.contains(d)) {
                    throw new IllegalArgumentException(d + " is both a holiday and a make-up workday");
                }
            }
            for (LocalDate d : workdays) {
                if (d.getYear() != year) {
                    throw new IllegalArgumentException("make-up workday " + d + " is not in " + year);
                }
            }
        }
    }

    /**
     * The office hours a 工作时 counts in: from {@code opens} to {@code closes} on a working day (for example 09:00 to
     * 17:00: eight 工作时 a day).
     */
    public record OfficeHours(LocalTime opens, LocalTime closes) {

        public OfficeHours {
            if (!opens.isBefore(closes)) {
                throw new IllegalArgumentException("office hours must open before they close: " + opens + "–" + closes);
            }
        }
    }

    private final Map<Integer, Year> years;

    public WorkCalendar(Iterable<Year> entered) {
        Map<Integer, Year> byYear = new TreeMap<>();
        for (Year y : entered) {
            if (byYear.put(y.year(), y) != null) {
                throw new IllegalArgumentException("year " + y.year() + " entered twice");
            }
        }
        this.years = Map.copyOf(byYear);
    }

    /** Whether {@code year}'s holidays and make-up days are entered; if not, only weekends are days off that year. */
    public boolean entered(int year) {
        return years.containsKey(year);
    }

    /** Whether {@code day} is a 工作日: a make-up day, or a Monday to Friday that is no public holiday. */
    public boolean isWorkingDay(LocalDate day) {
        Year y = years.get(day.getYear());
        if (y != null) {
            if (y.workdays().contains(day)) {
                return true;
            }
            if (y.holidays().contains(day)) {
                return false;
            }
        }
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    /**
     * The day {@code days} 工作日 after {@code from} (0: {@code from} itself if it is a working day, else the next one):
     * a 7-working-day limit set on a Friday before 春节 ends after the holiday, counting the make-up Saturday.
     *
     * @param days 0 or more working days
     */
    public LocalDate plusWorkingDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must be 0 or more: " + days);
        }
        LocalDate day = from;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        for (int left = days; left > 0; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /**
     * The moment {@code amount} 工作时 after {@code from}, counting only office hours on working days: time outside them
     * (a night, a weekend, a holiday) does not count, and a start outside them counts from the next opening.
     *
     * @param amount zero or more, to the nanosecond
     */
    public LocalDateTime plusWorkingTime(LocalDateTime from, Duration amount, OfficeHours hours) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must be zero or more: " + amount);
        }
        LocalDateTime at = from;
        Duration left = amount;
        while (true) {
            LocalDate day = at.toLocalDate();
            LocalDateTime opens = day.atTime(hours.opens());
            LocalDateTime closes = day.atTime(hours.closes());
            if (!isWorkingDay(day) || !at.isBefore(closes)) {
                at = plusWorkingDays(day.plusDays(1), 0).atTime(hours.opens());
                continue;
            }
            if (at.isBefore(opens)) {
                at = opens;
            }
            Duration today = Duration.between(at, closes);
            if (left.compareTo(today) <= 0) {
                return at.plus(left);
            }
            left = left.minus(today);
            at = closes;
        }
    }
}
