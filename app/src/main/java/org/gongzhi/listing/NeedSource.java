package org.gongzhi.listing;

/** How a need was gathered (seed 000: 会议、座谈、走访; online; and 清单诉, converted from an appeal). */
public enum NeedSource {
    /** 会议. */
    MEETING,
    /** 座谈. */
    FORUM,
    /** 走访. */
    VISIT,
    /** 线上征集. */
    ONLINE,
    /** 转自诉求: converted from an appeal, which keeps a link to it. */
    APPEAL
}
