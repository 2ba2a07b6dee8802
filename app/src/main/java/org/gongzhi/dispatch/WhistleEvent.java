package org.gongzhi.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What happened to a whistle (past tense; listed in docs/architecture.md). Ids and times only. */
public sealed interface WhistleEvent {

    WhistleId whistle();

    /** 吹哨: {@code departmentIds} are summoned to report by {@code reportBy}. */
    record Blown(
            WhistleId whistle,
            Instant at,
            UUID subdistrictId,
            WhistleCase whistleCase,
            List<UUID> departmentIds,
            Instant reportBy)
            implements WhistleEvent {}

    /** 报到: the department acknowledged ({@code arrived} false) or arrived on site. */
    record Reported(WhistleId whistle, Instant at, UUID departmentId, boolean arrived, boolean onTime)
            implements WhistleEvent {}

    /** The report-by time passed without the department on site: escalated once. */
    record ReportOverdue(WhistleId whistle, Instant reportBy, UUID departmentId, UUID subdistrictId)
            implements WhistleEvent {}

    /** Closed with its outcome; each department rated. */
    record Closed(WhistleId whistle, Instant at, WhistleOutcome outcome) implements WhistleEvent {}
}
