package org.gongzhi.listing;

/** Who asks: a 社区, a unit (驻区单位, 社会组织 …), or a group of residents. */
public enum RequesterKind {
    COMMUNITY,
    UNIT,
    RESIDENT_GROUP
}
