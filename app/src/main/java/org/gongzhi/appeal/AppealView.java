package org.gongzhi.appeal;

import java.time.Instant;
import java.util.List;

/**
 * An appeal as staff see it: the reporter masked ({@code 张**}, {@code 138****1234}), places and handlers by name,
 * the 街巷 by name ({@code streetName}, or null), times as instants, and the resolution clock's {@link TrafficLight} now. {@code coordination} is true when the appeal
 * is in no unit (the coordination queue); {@code photos} how many photos it carries. {@code version} is the entity tag
 * to send back as If-Match.
 */
public record AppealView(
        AppealId id,
        String trackingCode,
        Channel channel,
        AppealType type,
        String categoryCode,
        Integer categoryVersion,
        String categoryName,
        Urgency urgency,
        String content,
        String address,
        Double latitude,
        Double longitude,
        Named subdistrict,
        Named community,
        Named grid,
        String streetName,
        boolean coordination,
        String reporterName,
        String reporterPhone,
        boolean anonymous,
        String workOrderNumber,
        AppealState state,
        Closure closure,
        AppealId repeatOf,
        EmergencyService emergencyService,
        Named handler,
        List<Named> coHandlers,
        int dispatchCount,
        Instant registeredAt,
        Instant dispatchedAt,
        Instant responseDue,
        Instant resolutionDue,
        Instant signedAt,
        Instant respondedAt,
        String extensionRequested,
        Instant suspendedAt,
        Instant answeredAt,
        Boolean resolved,
        Satisfaction satisfaction,
        Instant closedAt,
        TrafficLight light,
        int photos,
        boolean synthetic,
        long version) {}
