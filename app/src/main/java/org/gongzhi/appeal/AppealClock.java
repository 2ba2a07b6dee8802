package org.gongzhi.appeal;

import java.time.Instant;
import java.util.UUID;

/**
 * The clocks of an appeal, for whoever times it: its state, the current handler and 街道, when it was dispatched and the
 * response and resolution deadlines, and what stops them (a response, a suspension, an answer).
 */
public record AppealClock(
        AppealId id,
        String trackingCode,
        AppealState state,
        UUID handlerId,
        UUID subdistrictId,
        int dispatchCount,
        Instant dispatchedAt,
        Instant responseDue,
        Instant respondedAt,
        Instant resolutionDue,
        Instant suspendedAt,
        Instant answeredAt) {}
