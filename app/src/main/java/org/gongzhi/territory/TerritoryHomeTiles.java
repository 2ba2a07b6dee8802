package org.gongzhi.territory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gongzhi.platform.AccessScope;
import org.gongzhi.platform.HomeTile;
import org.gongzhi.platform.HomeTiles;
import org.springframework.stereotype.Component;

/** Figures: how many 街道, 社区 and 网格 there are, and (within a scope) how many people live there. */
@Component
class TerritoryHomeTiles implements HomeTiles {

    private final TerritoryQueries queries;

    TerritoryHomeTiles(TerritoryQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<HomeTile> tiles(AccessScope scope) {
        Set<UnitId> within = queries.within(scope);
        String map =
                queries.homeUnit(scope).map(u -> "/territory?root=" + u.code()).orElse("/territory");
        List<HomeTile> tiles = new ArrayList<>();
        if (within == null) {
            tiles.add(new HomeTile(10, "home.tile.subdistricts", queries.count(UnitKind.SUBDISTRICT, null), map));
        }
        tiles.add(new HomeTile(20, "home.tile.communities", queries.count(UnitKind.COMMUNITY, within), map));
        tiles.add(new HomeTile(30, "home.tile.grids", queries.count(UnitKind.GRID, within), map));
        if (within != null) {
            tiles.add(new HomeTile(40, "home.tile.population", queries.population(within), map));
        }
        return tiles;
    }
}
