package org.gongzhi.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time limit of 《北京市接诉即办工作条例》 Art 13 in one of its three units (DOMAIN.md §4, Clocks): 自然时 (clock hours,
 * nights and holidays included), 工作时 (hours within office hours on working days) or 工作日 (working days, ending at the
 * close of the last one). Written {@code 24h}, {@code 4wh} or {@code 7wd}; {@code amount} is 1 to 999.
 */
public record TimeLimit(int amount, Unit unit) {

    /** The unit a limit counts in. */
    public enum Unit {
        /** 自然时: clock hours. */
        HOURS("h"),
        /** 工作时: hours within office hours on working days. */
        WORKING_HOURS("wh"),
        /** 工作日: working days, the limit ending when the office closes on the last one. */
        WORKING_DAYS("wd");

        private final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }

        public String suffix() {
            return suffix;
        }
    }

    private static final Pattern TEXT = Pattern.compile("([1-9][0-9]{0,2})(h|wh|wd)");

    public TimeLimit {
        if (amount < 1 || amount > 999) {
            throw new IllegalArgumentException("a time limit is 1 to 999 units: " + amount);
        }
        if (unit == null) {
            throw new IllegalArgumentException("a time limit needs a unit");
        }
    }

    /**
     * Reads {@code 24h}, {@code 4wh} or {@code 7wd} (1–999; full-width, capitals and spaces forgiven); anything else is
     * refused with {@code time-limit.invalid} (400).
     */
    public static TimeLimit parse(String text) {
        // As an input method writes it too: full-width (７ｗｄ), capitals (20WD), spaces (2 h).
        Matcher m = text == null
                ? null
                : TEXT.matcher(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
                        .replaceAll("\\s+", "")
                        .toLowerCase(java.util.Locale.ROOT));
        if (m == null || !m.matches()) {
            throw DomainException.invalid("time-limit.invalid", text == null ? "" : text);
        }
        Unit unit = switch (m.group(2)) {
            case "h" -> Unit.HOURS;
            case "wh" -> Unit.WORKING_HOURS;
            default -> Unit.WORKING_DAYS;
        };
        return new TimeLimit(Integer.parseInt(m.group(1)), unit);
    }

    /**
     * When a limit started at {@code from} runs out: {@code from} plus the hours for 自然时; for 工作时 the hours counted
     * within {@code hours} on working days; for 工作日 the close of office on the {@code amount}-th working day after the
     * day {@code from} falls on. The start day is not counted and a period ends at the close of business
     * (民法典 Art 201, 203), so a 7-工作日 limit set on any day ends when the office closes on the 7th working day after
     * it, days off in between not counted.
     *
     * @param zone the zone the calendar and office hours are read in (Asia/Shanghai)
     */
    public Instant dueFrom(Instant from, ZoneId zone, WorkCalendar calendar, WorkCalendar.OfficeHours hours) {
        LocalDateTime start = LocalDateTime.ofInstant(from, zone);
        LocalDateTime due = switch (unit) {
            case HOURS -> start.plusHours(amount);
            case WORKING_HOURS -> calendar.plusWorkingTime(start, Duration.ofHours(amount), hours);
            case WORKING_DAYS ->
                calendar.plusWorkingDays(start.toLocalDate().plusDays(1), amount - 1)
                        .atTime(hours.closes());
        };
        return due.atZone(zone).toInstant();
    }

    /** {@code 7wd}: the form {@link #parse} reads. */
    @Override
    public String toString() {
        return amount + unit.suffix();
    }
}
