package org.gongzhi.shared;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The public holidays and 调休 make-up working days the State Council (国务院办公厅) has published, as {@link
 * WorkCalendar.Year}s (DOMAIN.md §4, Work calendar data): the years a new installation starts with. Later years are
 * entered when they are published, usually in November.
 */
public final class PublishedHolidays {

    private PublishedHolidays() {}

    /** 2025 (国办发明电〔2024〕12号) and 2026 (the notice of 2025-11-04). */
    public static List<WorkCalendar.Year> years() {
        return List.of(
                new WorkCalendar.Year(
                        2025,
                        days(
                                range("2025-01-01", "2025-01-01"),
                                range("2025-01-28", "2025-02-04"),
                                range("2025-04-04", "2025-04-06"),
                                range("2025-05-01", "2025-05-05"),
                                range("2025-05-31", "2025-06-02"),
                                range("2025-10-01", "2025-10-08")),
                        days(
                                range("2025-01-26", "2025-01-26"),
                                range("2025-02-08", "2025-02-08"),
                                range("2025-04-27", "2025-04-27"),
                                range("2025-09-28", "2025-09-28"),
                                range("2025-10-11", "2025-10-11"))),
                new WorkCalendar.Year(
                        2026,
                        days(
                                range("2026-01-01", "2026-01-03"),
                                range("2026-02-15", "2026-02-23"),
                                range("2026-04-04", "2026-04-06"),
                                range("2026-05-01", "2026-05-05"),
                                range("2026-06-19", "2026-06-21"),
                                range("2026-09-25", "2026-09-27"),
                                range("2026-10-01", "2026-10-07")),
                        days(
                                range("2026-01-04", "2026-01-04"),
                                range("2026-02-14", "2026-02-14"),
                                range("2026-02-28", "2026-02-28"),
                                range("2026-05-09", "2026-05-09"),
                                range("2026-09-20", "2026-09-20"),
                                range("2026-10-10", "2026-10-10"))));
    }

    @SafeVarargs
    private static Set<LocalDate> days(List<LocalDate>... ranges) {
        Set<LocalDate> all = new HashSet<>();
        for (List<LocalDate> r : ranges) {
            all.addAll(r);
        }
        return all;
    }

    /** The days from {@code first} to {@code last}, both included. */
    private static List<LocalDate> range(String first, String last) {
        return LocalDate.parse(first)
                .datesUntil(LocalDate.parse(last).plusDays(1))
                .toList();
    }
}
