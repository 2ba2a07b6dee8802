package org.gongzhi.appeal;

import java.time.Instant;

/** One appeal in a list: enough to find it and see how urgent it is; the content cut to 40 characters. */
public record AppealRow(
        AppealId id,
        String trackingCode,
        Instant registeredAt,
        Channel channel,
        AppealType type,
        String categoryName,
        String summary,
        String place,
        AppealState state,
        String handler,
        Instant resolutionDue,
        TrafficLight light,
        boolean synthetic) {}
