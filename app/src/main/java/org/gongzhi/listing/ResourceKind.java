package org.gongzhi.listing;

/** The kinds of resource seed 000 lists for the 资源清单. */
public enum ResourceKind {
    /** 场所阵地: rooms, halls, 党群服务空间. */
    VENUE,
    /** 活动设施: facilities for activities. */
    FACILITY,
    /** 文体基地: sports grounds, cultural bases. */
    SPORTS_CULTURE_BASE,
    /** 硬件: equipment. */
    HARDWARE,
    /** 软件/课程: courses, software, know-how. */
    SOFTWARE_COURSE,
    /** 人才/志愿力量: people — experts, volunteer teams. */
    TALENT
}
