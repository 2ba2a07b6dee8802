package org.gongzhi.organization;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gongzhi.platform.AccessScope;
import org.gongzhi.platform.HomeTile;
import org.gongzhi.platform.HomeTiles;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitId;
import org.springframework.stereotype.Component;

/** Figures: organisations in the area, how many are 驻区单位, and the councils and responsibility lists there. */
@Component
class OrganizationHomeTiles implements HomeTiles {

    private final OrganizationQueries queries;
    private final TerritoryQueries territory;

    OrganizationHomeTiles(OrganizationQueries queries, TerritoryQueries territory) {
        this.queries = queries;
        this.territory = territory;
    }

    @Override
    public List<HomeTile> tiles(AccessScope scope) {
        EnumSet<OrganisationKind> resident = EnumSet.noneOf(OrganisationKind.class);
        for (OrganisationKind k : OrganisationKind.values()) {
            if (k.group() == OrganisationKind.Group.RESIDENT_UNIT) {
                resident.add(k);
            }
        }
        Set<UnitId> within = territory.within(scope);
        String area = territory.homeUnit(scope).map(u -> "unit=" + u.code()).orElse("");
        return List.of(
                new HomeTile(
                        50,
                        "home.tile.organisations",
                        queries.count(EnumSet.allOf(OrganisationKind.class), within),
                        "/organizations" + (area.isEmpty() ? "" : "?" + area)),
                new HomeTile(
                        60,
                        "home.tile.resident-units",
                        queries.count(resident, within),
                        "/organizations?group=RESIDENT_UNIT" + (area.isEmpty() ? "" : "&" + area)),
                new HomeTile(70, "home.tile.councils", queries.councilCount(within), "/councils"),
                new HomeTile(80, "home.tile.lists", queries.listCount(within), "/responsibility-lists"));
    }
}
