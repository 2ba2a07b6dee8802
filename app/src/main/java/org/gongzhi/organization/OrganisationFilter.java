package org.gongzhi.organization;

/**
 * Which organisations to list: any of kind, kind group, a unit (with everything below it, by code) and a name
 * fragment; {@code null} means any.
 */
public record OrganisationFilter(OrganisationKind kind, OrganisationKind.Group group, String unitCode, String text) {

    public static OrganisationFilter all() {
        return new OrganisationFilter(null, null, null, null);
    }
}
