package org.gongzhi.notification;

/** What an inbox notice is about. */
public enum NoticeKind {
    /** 新工单: an appeal was dispatched to the organisation as lead unit. */
    NEW_WORK_ORDER,
    /** 协办: the organisation is a co-handler. */
    CO_HANDLING,
    /** 退单: a handling unit objected; the 街道's dispatcher must re-dispatch. */
    OBJECTION,
    /** 即将到期: 80 % of the resolution limit is used. */
    DUE_SOON,
    /** 已超期: a deadline of the organisation's work order passed. */
    OVERDUE,
    /** 督办: a deadline passed on an appeal the recipient supervises or dispatched. */
    ESCALATION,
    /** 吹哨: the organisation is summoned to report on site by a time. */
    SUMMONED,
    /** 报到督办: a summoned department was not on site by the report-by time (to its supervisor and the street). */
    REPORT_OVERDUE
}
