package org.gongzhi.organization;

/**
 * Which organisations to list: any of kind, kind group, a unit (with everything below it, by code) and a name
 * fragment; {@code null} means any.
 */
public record OrganisationFilter(OrganisationKind kind, OrganisationKind.Group group, String unitCode, String text) {

    public static OrganisationFilter all() {
        return new OrganisationFilter(null, null, null, null);
    }

    /** The conditions set, by name (kind, group, unitCode, keyword), for the audit trail; none set: empty. */
    public java.util.Map<String, Object> described() {
        java.util.Map<String, Object> set = new java.util.LinkedHashMap<>();
        if (kind != null) {
            set.put("kind", kind.name());
        }
        if (group != null) {
            set.put("group", group.name());
        }
        if (unitCode != null && !unitCode.isBlank()) {
            set.put("unitCode", unitCode);
        }
        if (text != null && !text.isBlank()) {
            set.put("keyword", text);
        }
        return set;
    }
}
