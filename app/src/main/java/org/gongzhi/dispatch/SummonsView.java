package org.gongzhi.dispatch;

import java.time.Instant;
import java.util.UUID;

/**
 * One summoned department on a whistle: when it acknowledged and arrived (null until it did), its action, when it was
 * escalated for not arriving in time, and the street's rating (1–5, given at closure). {@code status} is as of the
 * moment the view was read.
 */
public record SummonsView(
        UUID departmentId,
        String departmentName,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant arrivedAt,
        String arrivedBy,
        String action,
        Instant actionAt,
        Instant escalatedAt,
        Integer rating,
        String ratingNote,
        ReportStatus status) {

    /** The status of a summons with these times, for a whistle due at {@code reportBy}, at {@code now}. */
    public static ReportStatus status(Instant acknowledgedAt, Instant arrivedAt, Instant reportBy, Instant now) {
        if (arrivedAt != null) {
            return arrivedAt.isAfter(reportBy) ? ReportStatus.ARRIVED_LATE : ReportStatus.ARRIVED_ON_TIME;
        }
        if (now.isAfter(reportBy)) {
            return ReportStatus.OVERDUE;
        }
        return acknowledgedAt != null ? ReportStatus.ACKNOWLEDGED : ReportStatus.SUMMONED;
    }

    /** Whether the department failed its report-by time (late, or still not there after it). */
    public boolean late() {
        return status == ReportStatus.ARRIVED_LATE || status == ReportStatus.OVERDUE;
    }
}
