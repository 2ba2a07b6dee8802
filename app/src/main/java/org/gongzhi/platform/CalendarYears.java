package org.gongzhi.platform;

import java.sql.Array;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.PublishedHolidays;
import org.gongzhi.shared.Violations;
import org.gongzhi.shared.WorkCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The installation's work calendar (ADR 0005): the years an administrator entered (table {@code
 * platform.calendar_year}), over the years published with the platform; a year in neither has weekends off only. It is
 * also {@link WorkCalendars}: every clock reads it. Read from the database at most every {@code checkEvery}, and at once
 * on the node that saved a year.
 */
public class CalendarYears implements WorkCalendars {

    /** One year as the settings page shows it: where it comes from and its days. */
    public record YearView(
            int year,
            boolean entered,
            boolean published,
            Set<LocalDate> holidays,
            Set<LocalDate> workdays,
            String source,
            String enteredBy,
            Instant enteredAt,
            long version) {}

    private final JdbcClient jdbc;
    private final Permissions may;
    private final AuditTrail audit;
    private final ActorResolver actors;
    private final Clock clock;
    private final WorkCalendar.OfficeHours hours;
    private final long checkEveryNanos;
    private volatile WorkCalendar calendar;
    private volatile long loadedAt;

    CalendarYears(
            JdbcClient jdbc,
            Permissions may,
            AuditTrail audit,
            ActorResolver actors,
            Clock clock,
            WorkCalendar.OfficeHours hours,
            java.time.Duration checkEvery) {
        this.jdbc = jdbc;
        this.may = may;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
        this.hours = hours;
        this.checkEveryNanos = checkEvery.toNanos();
    }

    @Override
    public WorkCalendar calendar() {
        WorkCalendar c = calendar;
        if (c == null || System.nanoTime() - loadedAt > checkEveryNanos) {
            c = new WorkCalendar(merged().values().stream()
                    .map(y -> new WorkCalendar.Year(y.year(), y.holidays(), y.workdays()))
                    .toList());
            calendar = c;
            loadedAt = System.nanoTime();
        }
        return c;
    }

    @Override
    public WorkCalendar.OfficeHours officeHours() {
        return hours;
    }

    @Override
    public ZoneId zone() {
        return clock.getZone();
    }

    /**
     * Every year known, entered or published, and the coming year (which may be neither: then the page says weekends
     * only), by year.
     */
    public List<YearView> years() {
        Map<Integer, YearView> all = merged();
        int next = LocalDate.now(clock).getYear() + 1;
        all.putIfAbsent(next, new YearView(next, false, false, Set.of(), Set.of(), null, null, null, 0));
        return List.copyOf(all.values());
    }

    private Map<Integer, YearView> merged() {
        Map<Integer, YearView> byYear = new TreeMap<>();
        for (WorkCalendar.Year y : PublishedHolidays.years()) {
            byYear.put(
                    y.year(),
                    new YearView(
                            y.year(),
                            false,
                            true,
                            new TreeSet<>(y.holidays()),
                            new TreeSet<>(y.workdays()),
                            null,
                            null,
                            null,
                            0));
        }
        jdbc.sql("select year, holidays, workdays, source, entered_by, entered_at, version from platform.calendar_year")
                .query(rs -> {
                    int year = rs.getInt(1);
                    byYear.put(
                            year,
                            new YearView(
                                    year,
                                    true,
                                    byYear.containsKey(year),
                                    dates(rs.getArray(2)),
                                    dates(rs.getArray(3)),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getTimestamp(6).toInstant(),
                                    rs.getLong(7)));
                });
        return byYear;
    }

    private static Set<LocalDate> dates(Array array) throws java.sql.SQLException {
        Set<LocalDate> out = new TreeSet<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add(((Date) o).toLocalDate());
        }
        return out;
    }

    /**
     * Enters (or replaces) a year from the State Council's notice: {@code holidays} and {@code workdays} are lines of
     * a day ({@code 2027-01-01}) or a range ({@code 2027-02-05…2027-02-13}, also with {@code ~} or {@code ..}). Every
     * day must lie in {@code year}; no day may be both; a make-up day must be a Saturday or Sunday. Bad lines are named together (400, field {@code holidays[3]}); 403 without {@link
     * PlatformPermission#EDIT_CALENDAR}; a changed year since the page was read is 409 {@code calendar.version.stale}.
     */
    @Transactional
    public YearView enter(int year, String holidays, String workdays, String source, long expectedVersion) {
        may.require(PlatformPermission.EDIT_CALENDAR);
        Violations v = new Violations();
        if (year < 2000 || year > 2100) {
            v.add("year", "calendar.year.range");
        }
        Set<LocalDate> off = parse(holidays, "holidays", year, v);
        Set<LocalDate> on = parse(workdays, "workdays", year, v);
        for (LocalDate d : on) {
            if (d.getDayOfWeek().getValue() < 6) {
                v.add("workdays", "calendar.workday.not-weekend", d);
            }
            if (off.contains(d)) {
                v.add("workdays", "calendar.day.both", d);
            }
        }
        if (off.isEmpty() && v.isEmpty()) {
            v.add("holidays", "calendar.holidays.none");
        }
        String src = org.gongzhi.shared.Text.checkLine(source, "source", false, 200, v);
        v.throwIfAny();
        var current = jdbc.sql("select version, holidays, workdays from platform.calendar_year where year = :year"
                        + " for update")
                .param("year", year)
                .query((rs, n) -> new Stored(rs.getLong(1), dates(rs.getArray(2)), dates(rs.getArray(3))))
                .optional();
        long version = current.map(Stored::version).orElse(0L);
        if (version != expectedVersion) {
            throw DomainException.conflict("calendar.version.stale", expectedVersion, version);
        }
        Instant now = Instant.now(clock);
        jdbc.sql("insert into platform.calendar_year (year, holidays, workdays, source, entered_by, entered_at,"
                        + " version) values (:year, cast(:holidays as date[]), cast(:workdays as date[]), :source, :by,"
                        + " :at, 1) on conflict (year) do update set holidays = excluded.holidays, workdays ="
                        + " excluded.workdays, source = excluded.source, entered_by = excluded.entered_by, entered_at ="
                        + " excluded.entered_at, version = platform.calendar_year.version + 1")
                .param("year", year)
                .param("holidays", literal(off))
                .param("workdays", literal(on))
                .param("source", src)
                .param("by", actors.current().name())
                .param("at", Timestamp.from(now))
                .update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("holidays", off.size());
        after.put("workdays", on.size());
        after.put("source", src);
        audit.record(new AuditRecord(
                "platform.calendar.entered",
                "calendar-year",
                String.valueOf(year),
                current.map(r -> Map.<String, Object>of(
                                "holidays",
                                r.holidays().size(),
                                "workdays",
                                r.workdays().size()))
                        .orElse(null),
                after));
        calendar = null;
        return years().stream().filter(y -> y.year() == year).findFirst().orElseThrow();
    }

    private record Stored(long version, Set<LocalDate> holidays, Set<LocalDate> workdays) {}

    private static String literal(Set<LocalDate> days) {
        return "{" + String.join(",", days.stream().map(LocalDate::toString).toList()) + "}";
    }

    /** Lines of days or ranges; each bad line is named ({@code field[i]}, counting from 0). */
    static Set<LocalDate> parse(String text, String field, int year, Violations v) {
        Set<LocalDate> days = new TreeSet<>();
        if (text == null) {
            return days;
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\\R")));
        for (int i = 0; i < lines.size(); i++) {
            String line = java.text.Normalizer.normalize(lines.get(i), java.text.Normalizer.Form.NFKC)
                    .strip();
            if (line.isEmpty()) {
                continue;
            }
            // NFKC turns the ellipsis into three dots and a full-width tilde into "~".
            String[] ends = line.split("\\s*(?:\\.{2,3}|~|至|—|–)\\s*");
            try {
                LocalDate from = LocalDate.parse(ends[0]);
                LocalDate to = ends.length > 1 ? LocalDate.parse(ends[1]) : from;
                if (ends.length > 2 || to.isBefore(from) || from.getYear() != year || to.getYear() != year) {
                    v.add(field + "[" + i + "]", "calendar.line.invalid", line, String.valueOf(year));
                    continue;
                }
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    days.add(d);
                }
            } catch (java.time.format.DateTimeParseException e) {
                v.add(field + "[" + i + "]", "calendar.line.invalid", line, String.valueOf(year));
            }
        }
        return days;
    }
}
