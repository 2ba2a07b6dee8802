package org.gongzhi.territory;

import java.util.Set;

/** The levels of the governance hierarchy, from the 区 down to the 楼栋. */
public enum UnitKind {
    /** 区 (district), coded by GB/T 2260. */
    DISTRICT,
    /** 街道 (subdistrict) or 镇. */
    SUBDISTRICT,
    /** 街区 (block): several 社区 regrouped for renewal and services. */
    BLOCK,
    /** 社区 (community; 居民区 in Shanghai). */
    COMMUNITY,
    /** 网格 (grid). */
    GRID,
    /** 小区/院落 (compound). */
    COMPOUND,
    /** 楼栋 (building). */
    BUILDING;

    /** The kinds a unit of this kind may hang under; a 社区 hangs under a 街区 where the 街道 has them. */
    public Set<UnitKind> allowedParents() {
        return switch (this) {
            case DISTRICT -> Set.of();
            case SUBDISTRICT -> Set.of(DISTRICT);
            case BLOCK -> Set.of(SUBDISTRICT);
            case COMMUNITY -> Set.of(BLOCK, SUBDISTRICT);
            case GRID -> Set.of(COMMUNITY);
            case COMPOUND -> Set.of(GRID);
            case BUILDING -> Set.of(COMPOUND);
        };
    }
}
