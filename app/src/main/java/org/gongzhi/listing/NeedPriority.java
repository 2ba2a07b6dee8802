package org.gongzhi.listing;

/** How urgent a need is. */
public enum NeedPriority {
    HIGH,
    MEDIUM,
    LOW
}
