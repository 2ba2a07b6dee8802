package org.gongzhi.listing;

import java.time.Instant;
import java.util.UUID;

/**
 * A booking as its requester and the resource's managers see it. {@code requestedBy}, {@code decidedBy} and {@code
 * cancelledBy} are account names; {@code rating} (1–5), {@code feedback} and {@code attended} come with the use.
 */
public record BookingView(
        BookingId id,
        ResourceId resourceId,
        String resourceName,
        Instant start,
        Instant end,
        BookingStatus status,
        String purpose,
        Integer attendees,
        UUID forOrganisationId,
        String forOrganisationName,
        UUID forUnitId,
        String forUnitName,
        String requestedBy,
        Instant requestedAt,
        String decidedBy,
        Instant decidedAt,
        String note,
        String cancelledBy,
        Instant cancelledAt,
        Integer rating,
        String feedback,
        Integer attended,
        Instant usedAt,
        long version) {

    /** Hours booked, to the minute. */
    public double hours() {
        return java.time.Duration.between(start, end).toMinutes() / 60.0;
    }
}
