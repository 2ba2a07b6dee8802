package org.gongzhi.listing;

import java.util.UUID;

/**
 * What is said about a need.
 *
 * @param title 1–100 characters
 * @param description up to 2,000 characters
 * @param categoryCode one of the need categories ({@code GOVERNANCE} … or a local one)
 * @param source how it was gathered ({@link NeedSource#APPEAL} only through conversion from an appeal)
 * @param requesterKind who asks
 * @param unitId the 社区 (or other unit) it arises in — in the recorder's scope
 * @param requesterOrganisationId the unit asking, for {@link RequesterKind#UNIT}
 * @param requesterGroup the residents' group's name, for {@link RequesterKind#RESIDENT_GROUP} (up to 100 characters)
 * @param beneficiaries who benefits, up to 200 characters (e.g. 辖区 60 岁以上老人)
 * @param beneficiaryCount how many, 0–10,000,000; {@code null} when unknown
 * @param priority high, medium or low
 */
public record NeedDetails(
        String title,
        String description,
        String categoryCode,
        NeedSource source,
        RequesterKind requesterKind,
        UUID unitId,
        UUID requesterOrganisationId,
        String requesterGroup,
        String beneficiaries,
        Integer beneficiaryCount,
        NeedPriority priority) {}
