package org.gongzhi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Deadlines on the 2026 calendar at its exact boundaries: 春节 2-15…2-23 off, Saturdays 2-14 and 2-28 worked
 * (DOMAIN.md §4); working-day periods not counting the start day and ending at the close of business (民法典 Art 201,
 * 203).
 */
class TimeLimitTests {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final WorkCalendar CALENDAR = new WorkCalendar(PublishedHolidays.years());
    static final WorkCalendar.OfficeHours HOURS = new WorkCalendar.OfficeHours(LocalTime.of(9, 0), LocalTime.of(17, 0));

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(CHINA).toInstant();
    }

    static Instant due(String limit, String from) {
        return TimeLimit.parse(limit).dueFrom(at(from), CHINA, CALENDAR, HOURS);
    }

    @Test
    void seven_working_days_from_the_friday_before_spring_festival_count_both_make_up_saturdays() {
        // 2-14 (Sat, worked) 1, 2-24 2, 2-25 3, 2-26 4, 2-27 5, 2-28 (Sat, worked) 6, 3-02 7.
        assertThat(due("7wd", "2026-02-13T10:00")).isEqualTo(at("2026-03-02T17:00"));
        assertThat(due("6wd", "2026-02-13T10:00")).isEqualTo(at("2026-02-28T17:00"));
        assertThat(due("2wd", "2026-02-13T10:00")).isEqualTo(at("2026-02-24T17:00"));
    }

    @Test
    void the_start_day_is_not_counted_even_late_at_night() {
        assertThat(due("1wd", "2026-02-13T00:00")).isEqualTo(at("2026-02-14T17:00"));
        assertThat(due("1wd", "2026-02-13T23:59:59")).isEqualTo(at("2026-02-14T17:00"));
        // Registered on the last make-up Saturday before the holiday: the next working day is after it.
        assertThat(due("1wd", "2026-02-14T16:59")).isEqualTo(at("2026-02-24T17:00"));
        // Registered during the holiday: counting starts after it.
        assertThat(due("1wd", "2026-02-20T10:00")).isEqualTo(at("2026-02-24T17:00"));
        assertThat(due("15wd", "2026-02-15T09:00")).isEqualTo(at("2026-03-13T17:00"));
    }

    @Test
    void clock_hours_run_through_the_holiday() {
        assertThat(due("24h", "2026-02-14T12:00")).isEqualTo(at("2026-02-15T12:00"));
        assertThat(due("2h", "2026-02-17T23:30")).isEqualTo(at("2026-02-18T01:30"));
    }

    @Test
    void working_hours_count_only_office_hours_on_working_days() {
        // Two hours left on the Friday, the other two on the make-up Saturday.
        assertThat(due("4wh", "2026-02-13T15:00")).isEqualTo(at("2026-02-14T11:00"));
        // One hour on the Saturday, then nothing until the office opens after the holiday.
        assertThat(due("4wh", "2026-02-14T16:00")).isEqualTo(at("2026-02-24T12:00"));
        // Exactly at closing time, the limit ends at closing time.
        assertThat(due("8wh", "2026-02-13T09:00")).isEqualTo(at("2026-02-13T17:00"));
        assertThat(due("1wh", "2026-02-13T17:00")).isEqualTo(at("2026-02-14T10:00"));
    }

    @Test
    void a_year_not_entered_has_weekends_off_only() {
        // 2027-01-01 is a Friday; with 2027 not entered it is an ordinary working day, so 1wd ends on Monday.
        assertThat(CALENDAR.entered(2027)).isFalse();
        assertThat(due("1wd", "2027-01-01T10:00")).isEqualTo(at("2027-01-04T17:00"));
    }

    @Test
    void limits_read_and_write_in_one_form_and_nonsense_is_refused() {
        assertThat(TimeLimit.parse("7wd")).isEqualTo(new TimeLimit(7, TimeLimit.Unit.WORKING_DAYS));
        assertThat(TimeLimit.parse(" 24h ")).isEqualTo(new TimeLimit(24, TimeLimit.Unit.HOURS));
        assertThat(TimeLimit.parse("4wh").toString()).isEqualTo("4wh");
        assertThat(TimeLimit.parse("999h").amount()).isEqualTo(999);
        // As an input method may write it: capitals, full width, spaces.
        assertThat(TimeLimit.parse("20WD")).isEqualTo(new TimeLimit(20, TimeLimit.Unit.WORKING_DAYS));
        assertThat(TimeLimit.parse("７ｗｄ")).isEqualTo(new TimeLimit(7, TimeLimit.Unit.WORKING_DAYS));
        assertThat(TimeLimit.parse("2 h")).isEqualTo(new TimeLimit(2, TimeLimit.Unit.HOURS));
        assertThat(TimeLimit.parse("7 wd")).isEqualTo(new TimeLimit(7, TimeLimit.Unit.WORKING_DAYS));
        for (String bad : new String[] {"0h", "1000h", "7d", "wd", "07wd", "-1h", "7天", ""}) {
            assertThatThrownBy(() -> TimeLimit.parse(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo("time-limit.invalid"));
        }
        assertThatThrownBy(() -> TimeLimit.parse(null)).isInstanceOf(DomainException.class);
    }
}
