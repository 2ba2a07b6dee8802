package org.gongzhi.territory;

import java.util.List;
import org.gongzhi.platform.HomeTile;
import org.gongzhi.platform.HomeTiles;
import org.springframework.stereotype.Component;

/** Home-page figures: how many 街道, 社区 and 网格 the platform knows. */
@Component
class TerritoryHomeTiles implements HomeTiles {

    private final TerritoryQueries queries;

    TerritoryHomeTiles(TerritoryQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<HomeTile> tiles() {
        return List.of(
                new HomeTile(10, "home.tile.subdistricts", queries.count(UnitKind.SUBDISTRICT), "/territory"),
                new HomeTile(20, "home.tile.communities", queries.count(UnitKind.COMMUNITY), "/territory"),
                new HomeTile(30, "home.tile.grids", queries.count(UnitKind.GRID), "/territory"));
    }
}
