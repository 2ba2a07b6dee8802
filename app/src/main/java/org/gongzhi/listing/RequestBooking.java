package org.gongzhi.listing;

import java.time.Instant;
import java.util.UUID;

/**
 * A request for a slot of a bookable resource.
 *
 * @param start the slot's start, a whole minute, not in the past
 * @param end the slot's end, after the start and at most 24 hours later; start and end within one rule of the
 *     resource's opening hours (Beijing time)
 * @param purpose what it is for, 1–500 characters
 * @param attendees people expected, 1 to the resource's capacity; {@code null} when it does not apply
 * @param forOrganisationId the unit booking (one in the caller's scope); {@code null} with {@code forUnitId} null:
 *     the caller's own unit or area
 * @param forUnitId the community or place booking (one in the caller's scope)
 */
public record RequestBooking(
        Instant start, Instant end, String purpose, Integer attendees, UUID forOrganisationId, UUID forUnitId) {}
