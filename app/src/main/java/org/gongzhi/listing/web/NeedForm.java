package org.gongzhi.listing.web;

import java.math.BigDecimal;
import java.util.UUID;
import org.gongzhi.listing.NeedDetails;
import org.gongzhi.listing.NeedPriority;
import org.gongzhi.listing.NeedSource;
import org.gongzhi.listing.NeedView;
import org.gongzhi.listing.RequesterKind;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.shared.Violations;

/** The need form as posted, every field as typed; {@code appealCode} converts that appeal (清单诉). */
record NeedForm(
        String title,
        String description,
        String categoryCode,
        String source,
        String requesterKind,
        String unitCode,
        String unitCodeText,
        String requesterOrganisationId,
        String requesterOrganisationIdText,
        String requesterGroup,
        String beneficiaries,
        String beneficiaryCount,
        String priority,
        String appealCode,
        Long version) {

    static NeedForm empty(String unitCode, String unitName, String appealCode) {
        return new NeedForm(
                null,
                null,
                null,
                appealCode == null ? "VISIT" : "APPEAL",
                "COMMUNITY",
                unitCode,
                unitName,
                null,
                null,
                null,
                null,
                null,
                "MEDIUM",
                appealCode,
                null);
    }

    static NeedForm of(NeedView n, String unitCode) {
        return new NeedForm(
                n.title(),
                n.description(),
                n.categoryCode(),
                n.source().name(),
                n.requesterKind().name(),
                unitCode,
                n.placeName(),
                n.requesterOrganisationId() == null
                        ? null
                        : n.requesterOrganisationId().toString(),
                n.requesterKind() == RequesterKind.UNIT ? n.requesterName() : null,
                n.requesterGroup(),
                n.beneficiaries(),
                n.beneficiaryCount() == null ? null : n.beneficiaryCount().toString(),
                n.priority().name(),
                n.appealCode(),
                n.version());
    }

    public boolean converting() {
        return appealCode != null && !appealCode.isBlank();
    }

    /** The details, the place given as its id; fields that could not be read go to {@code violations}. */
    NeedDetails details(UUID unitId, Violations violations) {
        Integer count = null;
        BigDecimal c = FormChecks.decimal("beneficiaryCount", beneficiaryCount, violations);
        if (c != null) {
            try {
                count = c.intValueExact();
            } catch (ArithmeticException e) {
                violations.add("beneficiaryCount", "listing.need.beneficiary-count");
            }
        }
        return new NeedDetails(
                title,
                description,
                categoryCode,
                converting() ? NeedSource.APPEAL : FormChecks.choice(NeedSource.class, "source", source, violations),
                FormChecks.choice(RequesterKind.class, "requesterKind", requesterKind, violations),
                unitId,
                FormChecks.id("requesterOrganisationId", requesterOrganisationId, violations),
                requesterGroup,
                beneficiaries,
                count,
                FormChecks.choice(NeedPriority.class, "priority", priority, violations));
    }
}
