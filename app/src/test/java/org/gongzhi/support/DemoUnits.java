package org.gongzhi.support;

import java.util.UUID;
import java.util.stream.Stream;
import org.gongzhi.territory.TerritoryQueries;

/** Ids of the demo jurisdictions, for tests that act as their staff. */
public final class DemoUnits {

    private DemoUnits() {}

    /** All three demo 街道: 学院路, 东直门 and 五角场. */
    public static UUID[] subdistricts(TerritoryQueries territory) {
        return Stream.of("110108010", "110101008", "310110012")
                .map(c -> territory.requireByCode(c).id().value())
                .toArray(UUID[]::new);
    }
}
