package org.gongzhi.appeal;

import java.time.Instant;
import java.util.List;

/**
 * An appeal as its reporter follows it with the tracking code and token: what they asked, where it stands, who handles
 * it (a unit, never a person), the deadline and the answer. {@code milestones} are the state changes, oldest first.
 */
public record TrackedAppeal(
        String trackingCode,
        AppealType type,
        String categoryName,
        String content,
        String address,
        AppealState state,
        Closure closure,
        String handler,
        Instant registeredAt,
        Instant resolutionDue,
        Instant answeredAt,
        Instant closedAt,
        String answer,
        List<Milestone> milestones) {

    /** One state change: the action and the state it led to, when. */
    public record Milestone(AppealAction action, AppealState state, Instant at) {}
}
