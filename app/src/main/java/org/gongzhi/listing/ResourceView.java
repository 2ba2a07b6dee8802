package org.gongzhi.listing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A resource as staff see it: the contact masked ({@code 张**}, {@code 138****1234}); {@code withdrawnAt} is set once the
 * unit stopped offering it. {@code subdistrictId}, {@code communityId} and {@code unitId} are where its point lies
 * (the deepest unit found there).
 */
public record ResourceView(
        ResourceId id,
        UUID providerId,
        String providerName,
        String name,
        ResourceKind kind,
        Openness openness,
        Integer capacity,
        BigDecimal latitude,
        BigDecimal longitude,
        String address,
        UUID subdistrictId,
        UUID communityId,
        UUID unitId,
        String placeName,
        String description,
        String conditions,
        boolean bookable,
        String opening,
        java.util.Set<ServiceCategory> services,
        String contactName,
        String contactPhone,
        boolean synthetic,
        Instant withdrawnAt,
        long version) {

    public boolean active() {
        return withdrawnAt == null;
    }
}
