package org.gongzhi.dispatch;

/** Where a summoned department's 报到 stands (its report-by time is the whistle's). */
public enum ReportStatus {
    /** Summoned; nothing yet, and the report-by time has not passed. */
    SUMMONED,
    /** Acknowledged, not yet on site, in time. */
    ACKNOWLEDGED,
    /** Arrived on site by the report-by time. */
    ARRIVED_ON_TIME,
    /** Arrived on site after the report-by time. */
    ARRIVED_LATE,
    /** Not on site and the report-by time has passed (escalated). */
    OVERDUE
}
