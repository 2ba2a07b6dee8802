package org.gongzhi.appeal;

import java.time.Instant;

/** One of a caller's earlier appeals, as the 12345 operator sees it while the caller is on the line. */
public record CallerAppeal(
        AppealId id,
        String trackingCode,
        Instant registeredAt,
        AppealType type,
        String categoryName,
        AppealState state,
        String summary) {}
