package org.gongzhi.territory.domain;

import java.time.LocalDate;

/** The attributes of a unit that an import or an edit sets; {@code boundary} is GeoJSON text. */
public record UnitAttributes(
        String name,
        String boundary,
        double areaSquareMetres,
        Integer households,
        Integer population,
        LocalDate validFrom,
        LocalDate validTo,
        boolean synthetic) {}
