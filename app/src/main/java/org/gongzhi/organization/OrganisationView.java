package org.gongzhi.organization;

import java.math.BigDecimal;
import org.gongzhi.territory.UnitId;

/** An organisation as other modules and clients see it; {@code synthetic} marks invented demo data. */
public record OrganisationView(
        OrganisationId id,
        String name,
        OrganisationKind kind,
        String creditCode,
        UnitId unitId,
        String unitCode,
        String unitName,
        String address,
        BigDecimal latitude,
        BigDecimal longitude,
        OrganisationId parentId,
        String description,
        boolean synthetic,
        long version) {}
