package org.gongzhi.appeal;

import java.time.Instant;

/**
 * An appeal residents sent themselves (网上, Open311) as the open record shows it: no reporter, the description with
 * numbers and the reporter's own name masked, the place, the unit handling it (never a person) and the times. {@code
 * answer} is the unit's answer once given.
 */
public record PublishedAppeal(
        String trackingCode,
        String categoryCode,
        String categoryName,
        AppealState state,
        Closure closure,
        String description,
        String address,
        Double latitude,
        Double longitude,
        String agency,
        String answer,
        Instant registeredAt,
        Instant updatedAt,
        Instant resolutionDue) {}
