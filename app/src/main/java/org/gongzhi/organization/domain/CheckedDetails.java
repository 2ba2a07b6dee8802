package org.gongzhi.organization.domain;

import java.math.BigDecimal;
import java.util.UUID;
import org.gongzhi.organization.OrganisationKind;

/** Organisation facts that passed every rule: normalised credit code, the unit resolved from a code or a point. */
public record CheckedDetails(
        String name,
        OrganisationKind kind,
        String creditCode,
        UUID unitId,
        String address,
        BigDecimal latitude,
        BigDecimal longitude,
        UUID parentId,
        String description,
        boolean synthetic) {}
