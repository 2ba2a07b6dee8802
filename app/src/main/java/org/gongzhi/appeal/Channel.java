package org.gongzhi.appeal;

/** How an appeal reached the platform (DOMAIN.md §4, Intake channels; seed 000's 四诉). */
public enum Channel {
    /** 12345 热线: entered by an operator or imported from the municipal platform. */
    HOTLINE,
    /** 身边诉: walk-in, taken by community staff. */
    WALK_IN,
    /** 清单诉: from the needs list. */
    NEEDS_LIST,
    /** 会议诉: raised in a meeting. */
    MEETING,
    /** 活动诉: raised at an event. */
    EVENT,
    /** 巡查发现: found on patrol by a grid worker, street chief or volunteer. */
    PATROL,
    /** 网上: the resident portal. */
    ONLINE,
    /** Open311 GeoReport v2 clients. */
    OPEN311
}
