package org.gongzhi.appeal;

import java.time.Instant;

/**
 * An appeal in brief: one of a caller's earlier appeals as the 12345 operator sees it while the caller is on the
 * line, or an open appeal another may repeat. {@code summary} is the start of the content (40 characters).
 */
public record AppealBrief(
        AppealId id,
        String trackingCode,
        Instant registeredAt,
        AppealType type,
        String categoryName,
        AppealState state,
        String summary) {}
