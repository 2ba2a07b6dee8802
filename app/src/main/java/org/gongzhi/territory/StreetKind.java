package org.gongzhi.territory;

/** 街巷: line features crossing grids, each looked after by a 街巷长. */
public enum StreetKind {
    /** 大街/主街: a main street. */
    MAIN_STREET,
    /** 胡同/小巷/背街小巷: an alley or back street. */
    ALLEY
}
