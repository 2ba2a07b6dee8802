package org.gongzhi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The work calendar against the State Council's 2025 and 2026 notices (DOMAIN.md §4), at its boundaries. */
class WorkCalendarTests {

    final WorkCalendar calendar = new WorkCalendar(PublishedHolidays.years());
    final WorkCalendar.OfficeHours nineToFive = new WorkCalendar.OfficeHours(LocalTime.of(9, 0), LocalTime.of(17, 0));

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void the_2026_spring_festival_is_off_and_its_make_up_saturdays_are_worked() {
        assertThat(calendar.isWorkingDay(day("2026-02-13"))).as("Friday before").isTrue();
        assertThat(calendar.isWorkingDay(day("2026-02-14")))
                .as("make-up Saturday")
                .isTrue();
        assertThat(calendar.isWorkingDay(day("2026-02-15"))).as("first day off").isFalse();
        assertThat(calendar.isWorkingDay(day("2026-02-16")))
                .as("a Monday in the holiday")
                .isFalse();
        assertThat(calendar.isWorkingDay(day("2026-02-23")))
                .as("last day off, a Monday")
                .isFalse();
        assertThat(calendar.isWorkingDay(day("2026-02-24"))).as("back at work").isTrue();
        assertThat(calendar.isWorkingDay(day("2026-02-28")))
                .as("second make-up Saturday")
                .isTrue();
        assertThat(calendar.isWorkingDay(day("2026-03-01")))
                .as("an ordinary Sunday")
                .isFalse();
    }

    @Test
    void every_published_day_reads_as_published() {
        for (WorkCalendar.Year y : PublishedHolidays.years()) {
            assertThat(y.holidays()).allMatch(d -> !calendar.isWorkingDay(d));
            assertThat(y.workdays()).allMatch(calendar::isWorkingDay);
            // Make-up days are weekend days, or they would change nothing.
            assertThat(y.workdays()).allMatch(d -> d.getDayOfWeek().getValue() >= 6);
        }
        assertThat(PublishedHolidays.years().get(1).holidays()).hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
        assertThat(calendar.isWorkingDay(day("2026-01-04")))
                .as("make-up Sunday after 元旦")
                .isTrue();
        assertThat(calendar.isWorkingDay(day("2025-10-11")))
                .as("make-up Saturday after 国庆")
                .isTrue();
        assertThat(calendar.isWorkingDay(day("2025-10-08")))
                .as("国庆·中秋 2025, a Wednesday")
                .isFalse();
    }

    @Test
    void a_year_not_entered_has_only_weekends_off_and_says_so() {
        assertThat(calendar.entered(2026)).isTrue();
        assertThat(calendar.entered(2027)).isFalse();
        assertThat(calendar.isWorkingDay(day("2027-01-01")))
                .as("a Friday, 元旦 not yet published")
                .isTrue();
        assertThat(calendar.isWorkingDay(day("2027-01-02"))).isFalse();
    }

    @Test
    void working_days_are_counted_across_a_holiday_and_its_make_up_days() {
        // 工作日 from the Friday before 春节: the make-up Saturdays count, the nine days off do not.
        assertThat(calendar.plusWorkingDays(day("2026-02-13"), 1)).isEqualTo(day("2026-02-14"));
        assertThat(calendar.plusWorkingDays(day("2026-02-13"), 2)).isEqualTo(day("2026-02-24"));
        // 2-24 Tue, 2-25, 2-26, 2-27, then the second make-up Saturday 2-28, then Monday 3-02.
        assertThat(calendar.plusWorkingDays(day("2026-02-13"), 6)).isEqualTo(day("2026-02-28"));
        assertThat(calendar.plusWorkingDays(day("2026-02-13"), 7)).isEqualTo(day("2026-03-02"));
        // Zero days from a day off is the next working day; from a working day, that day.
        assertThat(calendar.plusWorkingDays(day("2026-02-15"), 0)).isEqualTo(day("2026-02-24"));
        assertThat(calendar.plusWorkingDays(day("2026-02-24"), 0)).isEqualTo(day("2026-02-24"));
        // Across the turn of the year into one not entered.
        assertThat(calendar.plusWorkingDays(day("2026-12-31"), 1)).isEqualTo(day("2027-01-01"));
        assertThatThrownBy(() -> calendar.plusWorkingDays(day("2026-02-13"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void working_hours_count_office_hours_on_working_days_only() {
        LocalDateTime friday = LocalDateTime.of(2026, 2, 13, 16, 0);
        // One hour left on Friday, the next on the make-up Saturday.
        assertThat(calendar.plusWorkingTime(friday, Duration.ofHours(2), nineToFive))
                .isEqualTo(LocalDateTime.of(2026, 2, 14, 10, 0));
        // Exactly to closing time, and one minute past it.
        assertThat(calendar.plusWorkingTime(friday, Duration.ofHours(1), nineToFive))
                .isEqualTo(LocalDateTime.of(2026, 2, 13, 17, 0));
        assertThat(calendar.plusWorkingTime(friday, Duration.ofMinutes(61), nineToFive))
                .isEqualTo(LocalDateTime.of(2026, 2, 14, 9, 1));
        // Nine hours from Saturday 16:00 skip the whole holiday.
        assertThat(calendar.plusWorkingTime(LocalDateTime.of(2026, 2, 14, 16, 0), Duration.ofHours(9), nineToFive))
                .isEqualTo(LocalDateTime.of(2026, 2, 24, 17, 0));
        // A start at night counts from the next opening.
        assertThat(calendar.plusWorkingTime(LocalDateTime.of(2026, 2, 24, 3, 0), Duration.ofMinutes(30), nineToFive))
                .isEqualTo(LocalDateTime.of(2026, 2, 24, 9, 30));
    }

    @Test
    void a_year_is_refused_when_its_days_contradict_themselves() {
        assertThatThrownBy(() -> new WorkCalendar.Year(2026, Set.of(day("2026-02-14")), Set.of(day("2026-02-14"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkCalendar.Year(2026, Set.of(day("2025-12-31")), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkCalendar(java.util.List.of(
                        new WorkCalendar.Year(2026, Set.of(), Set.of()),
                        new WorkCalendar.Year(2026, Set.of(), Set.of()))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkCalendar.OfficeHours(LocalTime.of(17, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
