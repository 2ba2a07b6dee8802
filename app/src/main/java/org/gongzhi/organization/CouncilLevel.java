package org.gongzhi.organization;

/** The two levels of 党建工作协调委员会: one for the 街道, one in each 社区. */
public enum CouncilLevel {
    SUBDISTRICT,
    COMMUNITY
}
