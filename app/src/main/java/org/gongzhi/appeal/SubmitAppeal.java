package org.gongzhi.appeal;

import java.util.UUID;

/**
 * An appeal a resident sends from the portal (网上): signed in ({@code residentId}, which must be the signed-in resident)
 * or anonymous. The place is a map point (WGS84 degrees) or an address, at least one; {@code contactPhone} is optional
 * (a mobile gets the tracking code by text); {@code anonymous} keeps no name. Content 1–2,000 characters.
 */
public record SubmitAppeal(
        AppealType type,
        String categoryCode,
        String content,
        String address,
        Double latitude,
        Double longitude,
        String contactPhone,
        UUID residentId) {}
