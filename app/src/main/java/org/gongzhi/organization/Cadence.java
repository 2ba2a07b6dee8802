package org.gongzhi.organization;

/** How often a duty of a responsibility list falls due. */
public enum Cadence {
    DAILY,
    WEEKLY,
    MONTHLY,
    QUARTERLY,
    YEARLY,
    AS_NEEDED
}
