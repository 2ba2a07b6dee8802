package org.gongzhi.territory;

/**
 * Zones laid over the hierarchy for 四区联动/五区联动. 街区 and 社区 — the other two of the five — are levels of the
 * hierarchy itself ({@link UnitKind#BLOCK}, {@link UnitKind#COMMUNITY}).
 */
public enum ZoneKind {
    /** 校区: a university or school campus. */
    CAMPUS,
    /** 园区: an industrial or science park. */
    INDUSTRIAL_PARK,
    /** 营区: a military compound. */
    MILITARY,
    /** 商区: a commercial district. */
    COMMERCIAL
}
