package org.gongzhi.listing;

import java.util.Set;

/**
 * Where a booking stands: requested → approved or declined; requested or approved → cancelled; approved → used once
 * the slot has passed and feedback is given. A requested, approved or used booking holds its slot.
 */
public enum BookingStatus {
    REQUESTED,
    APPROVED,
    DECLINED,
    CANCELLED,
    USED;

    /** The statuses that hold the slot (the database's exclusion constraint names the same). */
    public static final Set<BookingStatus> HOLDING = Set.of(REQUESTED, APPROVED, USED);
}
