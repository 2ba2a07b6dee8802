package org.gongzhi.organization.web;

import org.gongzhi.organization.OrganisationDetails;
import org.gongzhi.organization.OrganisationKind;
import org.gongzhi.organization.OrganisationView;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.shared.Violations;

/** What the organisation form posts: text as typed, turned into details with a violation for each unreadable field. */
record OrganisationForm(
        String name,
        OrganisationKind kind,
        String creditCode,
        String unitCode,
        String unitCodeText,
        String address,
        String latitude,
        String longitude,
        String parentId,
        String parentIdText,
        String description,
        Long version) {

    static OrganisationForm empty() {
        return new OrganisationForm(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static OrganisationForm of(OrganisationView o, String parentName) {
        return new OrganisationForm(
                o.name(),
                o.kind(),
                o.creditCode(),
                o.unitCode(),
                o.unitName(),
                o.address(),
                o.latitude() == null ? null : o.latitude().toPlainString(),
                o.longitude() == null ? null : o.longitude().toPlainString(),
                o.parentId() == null ? null : o.parentId().toString(),
                parentName,
                o.description(),
                o.version());
    }

    OrganisationDetails details(boolean synthetic, Violations violations) {
        FormChecks.picked("unitCode", unitCode, unitCodeText, violations);
        FormChecks.picked("parentId", parentId, parentIdText, violations);
        return new OrganisationDetails(
                name,
                kind,
                creditCode,
                unitCode,
                address,
                FormChecks.decimal("latitude", latitude, violations),
                FormChecks.decimal("longitude", longitude, violations),
                FormChecks.id("parentId", parentId, violations),
                description,
                synthetic);
    }
}
