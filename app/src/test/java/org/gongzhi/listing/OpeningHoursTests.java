package org.gongzhi.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class OpeningHoursTests {

    // Monday 4 January 2027, and the Saturday after it.
    static final LocalDateTime MONDAY = LocalDateTime.parse("2027-01-04T00:00");
    static final LocalDateTime SATURDAY = LocalDateTime.parse("2027-01-09T00:00");

    static LocalDateTime at(LocalDateTime day, String hhmm) {
        return day.plusHours(Integer.parseInt(hhmm.substring(0, 2))).plusMinutes(Integer.parseInt(hhmm.substring(3)));
    }

    @Test
    void a_slot_is_admitted_from_the_first_minute_to_the_last_and_not_a_minute_beyond() {
        OpeningHours h = OpeningHours.parse("1-5 08:00-21:00; 6,7 09:00-17:00");
        assertThat(h.admits(at(MONDAY, "08:00"), at(MONDAY, "21:00"))).isTrue();
        assertThat(h.admits(at(MONDAY, "07:59"), at(MONDAY, "09:00"))).isFalse();
        assertThat(h.admits(at(MONDAY, "20:00"), at(MONDAY, "21:01"))).isFalse();
        assertThat(h.admits(at(SATURDAY, "08:30"), at(SATURDAY, "10:00"))).isFalse();
        assertThat(h.admits(at(SATURDAY, "09:00"), at(SATURDAY, "17:00"))).isTrue();
        assertThat(h.admits(at(SATURDAY, "16:00"), at(SATURDAY, "17:01"))).isFalse();
    }

    @Test
    void a_slot_never_spans_two_days_except_to_midnight_when_the_day_runs_to_24_00() {
        OpeningHours late = OpeningHours.parse("1-7 18:00-24:00");
        assertThat(late.admits(at(MONDAY, "22:00"), MONDAY.plusDays(1))).isTrue();
        assertThat(late.admits(at(MONDAY, "22:00"), at(MONDAY.plusDays(1), "00:01")))
                .isFalse();
        assertThat(OpeningHours.parse("1-7 08:00-22:00").admits(at(MONDAY, "21:00"), MONDAY.plusDays(1)))
                .isFalse();
    }

    @Test
    void no_rules_means_any_time_and_the_text_reads_back_the_same() {
        assertThat(OpeningHours.parse("  ").admits(at(MONDAY, "03:00"), at(MONDAY, "04:00")))
                .isTrue();
        assertThat(OpeningHours.parse("1-3,5 08:00-12:00；6 09:00-11:30").text())
                .isEqualTo("1-3,5 08:00-12:00; 6 09:00-11:30");
        OpeningHours again = OpeningHours.parse(
                OpeningHours.parse("1-5 08:00-21:00; 7 10:00-24:00").text());
        assertThat(again.text()).isEqualTo("1-5 08:00-21:00; 7 10:00-24:00");
        assertThat(OpeningHours.parse("1,2,4,5,6,7 08:00-09:00").text()).isEqualTo("1,2,4-7 08:00-09:00");
    }

    @Test
    void rules_that_cannot_be_read_are_refused_naming_the_rule() {
        for (String bad : new String[] {
            "周末 08:00-21:00",
            "0-5 08:00-21:00",
            "1-8 08:00-09:00",
            "5-1 08:00-09:00",
            "1 25:00-26:00",
            "1 08:60-09:00",
            "1 09:00-08:00",
            "1 09:00-09:00",
            "1 24:00-24:00",
            "1-5"
        }) {
            assertThatThrownBy(() -> OpeningHours.parse("1-5 08:00-21:00; " + bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(bad);
        }
    }
}
