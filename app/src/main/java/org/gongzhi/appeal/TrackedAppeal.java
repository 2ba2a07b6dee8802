package org.gongzhi.appeal;

import java.time.Instant;
import java.util.List;

/**
 * An appeal as its reporter follows it with the tracking code and token: what they asked, where it stands, who handles
 * it (a unit, never a person), the deadline and the answer. {@code milestones} are the state changes, oldest first;
 * {@code followUpDue} is when the 回访 of the current answer closes (null when none is awaited).
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
        List<Milestone> milestones,
        Instant followUpDue) {

    /** Whether the reporter is asked to rate the answer now (回访 open until {@code followUpDue}). */
    public boolean followUpOpen() {
        return state == AppealState.ANSWERED && followUpDue != null;
    }

    /** One state change: the action and the state it led to, when. */
    public record Milestone(AppealAction action, AppealState state, Instant at) {}
}
