package org.gongzhi.appeal;

import java.util.UUID;

/**
 * An appeal a resident sends from the portal (网上): signed in ({@code residentId}, which must be the signed-in resident)
 * or anonymous. The place is a map point (WGS84 degrees) or an address, at least one; {@code contactPhone} is optional
 * (a mobile gets the tracking code by text). {@code areaCode} is the 街道 the resident chose: when the point or address
 * cannot be placed in a unit, that 街道's dispatchers find the appeal in their coordination queue. Content 1–2,000
 * characters.
 */
public record SubmitAppeal(
        AppealType type,
        String categoryCode,
        String content,
        String address,
        Double latitude,
        Double longitude,
        String contactPhone,
        String areaCode,
        UUID residentId) {}
