package org.gongzhi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

class FormatsTests {

    final Formats fmt;

    FormatsTests() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/platform");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        fmt = new Formats(messages, Clock.fixed(Instant.parse("2026-11-30T01:05:09Z"), ZoneId.of("Asia/Shanghai")));
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void a_validity_period_reads_as_words_in_either_language() {
        LocalDate from = LocalDate.of(2019, 1, 1);
        LocalDate to = LocalDate.of(2023, 12, 31);
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(fmt.validity(from, null)).isEqualTo("2019-01-01 起");
        assertThat(fmt.validity(from, to)).isEqualTo("2019-01-01 至 2023-12-31");
        assertThat(fmt.validity(null, to)).isEqualTo("至 2023-12-31");
        assertThat(fmt.validity(null, null)).isEqualTo("长期有效");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.validity(from, null)).isEqualTo("since 2019-01-01");
        assertThat(fmt.validity(from, to)).isEqualTo("2019-01-01 to 2023-12-31");
    }

    @Test
    void counts_group_their_digits_and_a_missing_value_is_a_dash() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(fmt.count(230_000)).isEqualTo("230,000");
        assertThat(fmt.count(null)).isEqualTo("—");
        LocaleContextHolder.setLocale(Locale.GERMANY);
        assertThat(fmt.count(230_000)).isEqualTo("230.000");
    }

    @Test
    void areas_switch_to_square_kilometres_at_a_tenth_of_one_and_lengths_to_kilometres_at_one() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(fmt.area(8_490_000)).isEqualTo("8.49 km²");
        assertThat(fmt.area(100_000)).isEqualTo("0.10 km²");
        assertThat(fmt.area(99_999)).isEqualTo("99,999 m²");
        assertThat(fmt.length(1_000)).isEqualTo("1.0 km");
        assertThat(fmt.length(999.4)).isEqualTo("999 m");
        assertThat(fmt.length(null)).isEqualTo("—");
    }

    @Test
    void instants_are_written_in_the_installation_s_zone() {
        Instant at = Instant.parse("2026-11-29T16:30:00Z");
        assertThat(fmt.dateTime(at)).isEqualTo("2026-11-30 00:30");
        assertThat(fmt.timestamp(at.plusSeconds(7))).isEqualTo("2026-11-30 00:30:07");
        assertThat(fmt.dateTime(null)).isEqualTo("—");
    }

    @Test
    void a_time_limit_reads_as_people_say_it() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(fmt.limit("5wd")).isEqualTo("5 个工作日");
        assertThat(fmt.limit("48h")).isEqualTo("48 小时");
        assertThat(fmt.limit("4wh")).isEqualTo("4 个工作时");
        assertThat(fmt.limit("五天")).isEqualTo("五天");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.limit("5wd")).isEqualTo("5 working days");
    }
}
