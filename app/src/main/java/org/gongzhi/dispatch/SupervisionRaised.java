package org.gongzhi.dispatch;

import java.time.Instant;
import java.util.UUID;
import org.gongzhi.appeal.AppealId;

/**
 * 督办: a deadline passed on a dispatched appeal. Published once per appeal, deadline kind and deadline (a moved
 * deadline is a new one). {@code supervisorId} is the handling organisation's parent (its supervisor), if it has one;
 * {@code subdistrictId} the 街道 whose dispatcher is told.
 */
public record SupervisionRaised(
        long supervisionId,
        AppealId appeal,
        SupervisionKind kind,
        Instant due,
        Instant raisedAt,
        UUID handlerId,
        UUID supervisorId,
        UUID subdistrictId) {}
