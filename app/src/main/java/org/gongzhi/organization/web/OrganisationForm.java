package org.gongzhi.organization.web;

import java.math.BigDecimal;
import java.util.UUID;
import org.gongzhi.organization.OrganisationDetails;
import org.gongzhi.organization.OrganisationKind;
import org.gongzhi.organization.OrganisationView;
import org.gongzhi.shared.Violations;

/** What the organisation form posts: text as typed, turned into details with a violation for each unreadable field. */
record OrganisationForm(
        String name,
        OrganisationKind kind,
        String creditCode,
        String unitCode,
        String address,
        String latitude,
        String longitude,
        String parentId,
        String description,
        Long version) {

    static OrganisationForm empty() {
        return new OrganisationForm(null, null, null, null, null, null, null, null, null, null);
    }

    static OrganisationForm of(OrganisationView o) {
        return new OrganisationForm(
                o.name(),
                o.kind(),
                o.creditCode(),
                o.unitCode(),
                o.address(),
                o.latitude() == null ? null : o.latitude().toPlainString(),
                o.longitude() == null ? null : o.longitude().toPlainString(),
                o.parentId() == null ? null : o.parentId().toString(),
                o.description(),
                o.version());
    }

    OrganisationDetails details(boolean synthetic, Violations violations) {
        return new OrganisationDetails(
                name,
                kind,
                creditCode,
                unitCode,
                address,
                number("latitude", latitude, violations),
                number("longitude", longitude, violations),
                id("parentId", parentId, violations),
                description,
                synthetic);
    }

    private static BigDecimal number(String field, String text, Violations violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            violations.add(field, "validation.type", field);
            return null;
        }
    }

    private static UUID id(String field, String text, Violations violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            violations.add(field, "validation.type", field);
            return null;
        }
    }
}
