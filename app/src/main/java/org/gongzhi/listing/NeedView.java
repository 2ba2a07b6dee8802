package org.gongzhi.listing;

import java.time.Instant;
import java.util.UUID;

/** A need of the 需求清单 as staff see it; {@code appealId} and {@code appealCode} link the appeal it came from. */
public record NeedView(
        UUID id,
        String title,
        String description,
        String categoryCode,
        String categoryName,
        boolean categoryBuiltin,
        NeedSource source,
        RequesterKind requesterKind,
        UUID requesterOrganisationId,
        String requesterName,
        String requesterGroup,
        UUID unitId,
        String placeName,
        UUID subdistrictId,
        String beneficiaries,
        Integer beneficiaryCount,
        NeedPriority priority,
        NeedStatus status,
        String statusNote,
        UUID appealId,
        String appealCode,
        boolean synthetic,
        Instant recordedAt,
        String recordedBy,
        long version) {}
