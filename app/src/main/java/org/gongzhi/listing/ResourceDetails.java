package org.gongzhi.listing;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What a unit says about a resource it offers.
 *
 * @param providerId the organisation offering it (the organisation register's id)
 * @param name 1–100 characters
 * @param kind one of the 资源清单 kinds
 * @param openness 可开放, 可集约 or 可共享
 * @param capacity people at once, 1–100,000; {@code null} where it means nothing (a course, software)
 * @param latitude WGS84 degrees; with {@code longitude}, a point that must lie in the platform's territory
 * @param longitude WGS84 degrees
 * @param address up to 200 characters
 * @param description up to 2,000 characters
 * @param conditions the conditions of use (who, what for, deposit …), up to 2,000 characters
 * @param bookable whether slots of it are booked through the platform
 * @param opening the weekly calendar in {@link OpeningHours} syntax; blank for no fixed hours
 * @param services the everyday services it provides to residents (empty or {@code null} for none)
 * @param contactName the contact person's name (personal data: stored encrypted, shown masked), up to 50 characters
 * @param contactPhone the contact's mobile or landline (personal data, as the name)
 */
public record ResourceDetails(
        UUID providerId,
        String name,
        ResourceKind kind,
        Openness openness,
        Integer capacity,
        BigDecimal latitude,
        BigDecimal longitude,
        String address,
        String description,
        String conditions,
        boolean bookable,
        String opening,
        java.util.Set<ServiceCategory> services,
        String contactName,
        String contactPhone) {}
