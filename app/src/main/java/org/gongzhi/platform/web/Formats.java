package org.gongzhi.platform.web;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How pages write numbers, measures, dates and periods in the page's language, as {@code @fmt} in templates: counts
 * with the locale's grouping (230,000), areas in km² above 0.1 km² and m² below, lengths in km from 1 km, dates as ISO
 * 8601 days (the form Chinese offices write too), instants in the installation's zone, and a validity period in words
 * ("2019-01-01 起", "2019-01-01 至 2023-12-31", "长期有效"). A missing value is a dash, never "null".
 */
@Component("fmt")
public class Formats {

    /** What a page shows where a value is missing. */
    public static final String MISSING = "—";

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final double SQUARE_METRES_PER_KM2 = 1_000_000;
    private static final double METRES_PER_KM = 1_000;

    private final MessageSource messages;
    private final Clock clock;

    Formats(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** A whole number with the page locale's grouping: 230,000. */
    public String count(Number value) {
        return count(value, locale());
    }

    /** A whole number with the grouping of {@code locale} (for text written outside a page's request). */
    public static String count(Number value, Locale locale) {
        return value == null ? MISSING : NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** An area given in m²: "8.49 km²" from 100,000 m², otherwise "3,200 m²". */
    public String area(Number squareMetres) {
        if (squareMetres == null) {
            return MISSING;
        }
        double m2 = squareMetres.doubleValue();
        return m2 >= SQUARE_METRES_PER_KM2 / 10
                ? decimal(m2 / SQUARE_METRES_PER_KM2, 2) + " km²"
                : count(Math.round(m2)) + " m²";
    }

    /** A length given in metres: "1.2 km" from 1,000 m, otherwise "850 m". */
    public String length(Number metres) {
        if (metres == null) {
            return MISSING;
        }
        double m = metres.doubleValue();
        return m >= METRES_PER_KM ? decimal(m / METRES_PER_KM, 1) + " km" : count(Math.round(m)) + " m";
    }

    /** A day as yyyy-MM-dd. */
    /**
     * An amount in 分 as 元 with two decimals and thousands separators ({@code 1,500,000.00}, {@code -300,000.00} for a
     * correction); — for null.
     */
    public String yuan(Number fen) {
        if (fen == null) {
            return MISSING;
        }
        long f = fen.longValue();
        // A correcting entry (冲正) is negative: the sign, then the amount as any other.
        return f < 0 ? "-" + new org.gongzhi.shared.Money(-f).yuan() : new org.gongzhi.shared.Money(f).yuan();
    }

    /** {@code part} of {@code whole} in whole percent, 0–100 (0 when the whole is 0). */
    public long percent(Number part, Number whole) {
        if (part == null || whole == null || whole.longValue() == 0) {
            return 0;
        }
        return Math.min(100, Math.round(100.0 * part.longValue() / whole.longValue()));
    }

    public String date(LocalDate day) {
        return day == null ? MISSING : day.toString();
    }

    /** An instant to the minute in the installation's zone: 2026-11-30 09:05. */
    public String dateTime(Instant at) {
        return at == null ? MISSING : MINUTES.format(at.atZone(clock.getZone()));
    }

    /** The time of day of an instant in the installation's zone: 09:05. */
    public String time(Instant at) {
        return at == null
                ? MISSING
                : at.atZone(clock.getZone())
                        .toLocalTime()
                        .withSecond(0)
                        .withNano(0)
                        .toString();
    }

    /** An instant written in ISO 8601 (as event details keep it), to the minute in the installation's zone. */
    public String isoDateTime(String iso) {
        if (iso == null || iso.isBlank()) {
            return MISSING;
        }
        try {
            return dateTime(Instant.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    /**
     * A time limit as people say it: {@code 5wd} → 5 个工作日, {@code 48h} → 48 小时, {@code 4wh} → 4 个工作时 (in English
     * 5 working days …); as written when it cannot be read.
     */
    public String limit(Object code) {
        if (code == null) {
            return MISSING;
        }
        try {
            org.gongzhi.shared.TimeLimit limit = org.gongzhi.shared.TimeLimit.parse(code.toString());
            return message("time-limit.label." + limit.unit(), limit.amount());
        } catch (org.gongzhi.shared.DomainException unreadable) {
            return code.toString();
        }
    }

    /** An instant to the second in the installation's zone, for records whose order within a minute matters. */
    public String timestamp(Instant at) {
        return at == null ? MISSING : SECONDS.format(at.atZone(clock.getZone()));
    }

    /**
     * A validity period, either end open: "2019-01-01 起" (since), "2019-01-01 至 2023-12-31", "至 2023-12-31" (until),
     * "长期有效" (neither end known); in English "since 2019-01-01" and so on.
     */
    public String validity(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return message("common.validity.always");
        }
        if (to == null) {
            return message("common.validity.since", from);
        }
        if (from == null) {
            return message("common.validity.until", to);
        }
        return message("common.validity.between", from, to);
    }

    private String decimal(double value, int digits) {
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }

    private String message(String code, Object... args) {
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = String.valueOf(args[i]);
        }
        return messages.getMessage(code, texts, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
