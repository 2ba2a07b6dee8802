package org.gongzhi.indicator;

/** What indicators are broken down by (DOMAIN.md §4, Indicators: per handling unit, street, community, grid, category). */
public enum Dimension {
    /** 承办单位: the lead unit of an appeal's last dispatch (首接负责, Art 14). */
    HANDLER,
    /** 街道 (乡镇). */
    STREET,
    /** 社区 (村). */
    COMMUNITY,
    /** 网格. */
    GRID,
    /** 问题分类: the 小类 (GB/T 30428 部件/事件 or a local category). */
    CATEGORY
}
