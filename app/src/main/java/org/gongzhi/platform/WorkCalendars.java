package org.gongzhi.platform;

import java.time.Instant;
import java.time.ZoneId;
import org.gongzhi.shared.TimeLimit;
import org.gongzhi.shared.WorkCalendar;

/**
 * The installation's work calendar and office hours (DOMAIN.md §4, Clocks; ADR 0005), for every clock: the years the
 * State Council published (and those an administrator entered), the office hours a 工作时 counts in
 * ({@code gongzhi.calendar.office-hours}, default 09:00–17:00) and the zone they are read in (Asia/Shanghai).
 */
public interface WorkCalendars {

    WorkCalendar calendar();

    WorkCalendar.OfficeHours officeHours();

    ZoneId zone();

    /** When {@code limit}, started at {@code from}, runs out on this calendar. */
    default Instant due(Instant from, TimeLimit limit) {
        return limit.dueFrom(from, zone(), calendar(), officeHours());
    }
}
