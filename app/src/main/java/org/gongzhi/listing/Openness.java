package org.gongzhi.listing;

/** How a unit offers a resource: seed 000's three standards. */
public enum Openness {
    /** 可开放: open to others on the unit's conditions. */
    OPEN,
    /** 可集约: pooled with others' for shared use. */
    POOLED,
    /** 可共享: shared outright. */
    SHARED
}
