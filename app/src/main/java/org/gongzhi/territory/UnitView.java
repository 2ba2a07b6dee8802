package org.gongzhi.territory;

import java.time.LocalDate;

/** A governance unit as other modules and clients see it. {@code synthetic} marks invented demo data. */
public record UnitView(
        UnitId id,
        String code,
        UnitKind kind,
        String name,
        UnitId parentId,
        double areaSquareMetres,
        Integer households,
        Integer population,
        LocalDate validFrom,
        LocalDate validTo,
        boolean synthetic,
        boolean hasBoundary,
        long version) {}
