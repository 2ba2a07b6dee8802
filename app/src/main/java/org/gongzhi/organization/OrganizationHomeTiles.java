package org.gongzhi.organization;

import java.util.EnumSet;
import java.util.List;
import org.gongzhi.platform.HomeTile;
import org.gongzhi.platform.HomeTiles;
import org.springframework.stereotype.Component;

/** Home-page figures: organisations in the area, and how many are 驻区单位. */
@Component
class OrganizationHomeTiles implements HomeTiles {

    private final OrganizationQueries queries;

    OrganizationHomeTiles(OrganizationQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<HomeTile> tiles() {
        EnumSet<OrganisationKind> resident = EnumSet.noneOf(OrganisationKind.class);
        for (OrganisationKind k : OrganisationKind.values()) {
            if (k.group() == OrganisationKind.Group.RESIDENT_UNIT) {
                resident.add(k);
            }
        }
        return List.of(
                new HomeTile(
                        50,
                        "home.tile.organisations",
                        queries.count(EnumSet.allOf(OrganisationKind.class)),
                        "/organizations"),
                new HomeTile(
                        60, "home.tile.resident-units", queries.count(resident), "/organizations?group=RESIDENT_UNIT"),
                new HomeTile(70, "home.tile.councils", queries.councilCount(), "/councils"));
    }
}
