package org.gongzhi.listing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.gongzhi.listing.Openness;
import org.gongzhi.listing.ResourceKind;

/** A row of {@code listing.resource}: the contact as stored, encrypted. */
public record ResourceRow(
        UUID id,
        UUID providerId,
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
        String description,
        String conditions,
        boolean bookable,
        String opening,
        java.util.Set<org.gongzhi.listing.ServiceCategory> services,
        String contactNameCipher,
        String contactPhoneCipher,
        boolean synthetic,
        Instant withdrawnAt,
        long version) {}
