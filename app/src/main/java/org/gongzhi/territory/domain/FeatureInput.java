package org.gongzhi.territory.domain;

import java.time.LocalDate;
import java.util.Locale;
import org.gongzhi.shared.Dates;
import org.gongzhi.shared.Text;
import org.gongzhi.shared.Violations;
import org.gongzhi.territory.StreetKind;
import org.gongzhi.territory.UnitKind;
import org.gongzhi.territory.ZoneKind;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;

/**
 * One feature of an imported FeatureCollection, read and checked field by field. Its {@code kind} says which layer it
 * belongs to: a {@link UnitKind}, a {@link StreetKind} or a {@link ZoneKind}.
 */
record FeatureInput(
        int index,
        UnitKind unitKind,
        StreetKind streetKind,
        ZoneKind zoneKind,
        String code,
        String name,
        String parentCode,
        String subdistrictCode,
        Integer households,
        Integer population,
        LocalDate validFrom,
        LocalDate validTo,
        boolean synthetic,
        Long version,
        Geometry geometry) {

    static final int MAX_NAME = 100;
    /** No unit below a province holds more people: China's most populous district has under ten million. */
    static final int MAX_POPULATION = 30_000_000;

    String at(String property) {
        return "features[" + index + "]" + (property.isEmpty() ? "" : "." + property);
    }

    boolean isUnit() {
        return unitKind != null;
    }

    boolean isStreet() {
        return streetKind != null;
    }

    String kindName() {
        return unitKind != null ? unitKind.name() : streetKind != null ? streetKind.name() : zoneKind.name();
    }

    /** Reads feature {@code index}; adds a violation for each bad field and returns {@code null} if any. */
    static FeatureInput read(int index, JsonNode feature, Violations violations) {
        String at = "features[" + index + "]";
        if (!feature.isObject() || !"Feature".equals(feature.path("type").asString(""))) {
            violations.add(at + ".type", "geojson.feature-type");
            return null;
        }
        JsonNode p = feature.path("properties");
        if (!p.isObject()) {
            violations.add(at + ".properties", "geojson.properties");
            return null;
        }
        Violations mine = new Violations();
        for (var property : p.properties()) {
            if (property.getValue().isString()
                    && Text.hasForbiddenControl(property.getValue().stringValue())) {
                mine.add(at + ".properties." + property.getKey(), "text.unsafe-character");
            }
        }
        if (!mine.isEmpty()) {
            violations.addAll(mine.list());
            return null;
        }
        String kindText = text(p, "kind");
        UnitKind unitKind = parse(UnitKind.class, kindText);
        StreetKind streetKind = parse(StreetKind.class, kindText);
        ZoneKind zoneKind = parse(ZoneKind.class, kindText);
        if (unitKind == null && streetKind == null && zoneKind == null) {
            mine.add(at + ".properties.kind", "territory.kind.unknown", kindText == null ? "" : kindText);
        }
        String code = text(p, "code");
        if (code == null) {
            mine.add(at + ".properties.code", "territory.code.missing");
        }
        String name = text(p, "name");
        if (name == null) {
            mine.add(at + ".properties.name", "territory.name.missing");
        } else if (name.length() > MAX_NAME) {
            mine.add(at + ".properties.name", "territory.name.too-long", MAX_NAME);
        } else if (Text.unsafeCharacter(name) >= 0) {
            mine.add(at + ".properties.name", "text.unsafe-character");
        }
        Integer households = count(p, "households", at, mine);
        Integer population = count(p, "population", at, mine);
        if (population != null && population > MAX_POPULATION) {
            mine.add(at + ".properties.population", "territory.population.too-large", MAX_POPULATION);
        }
        // Every household has at least one member.
        if (households != null && population != null && households > population) {
            mine.add(at + ".properties.households", "territory.households.exceed-population", households, population);
        }
        LocalDate validFrom = date(p, "validFrom", at, mine);
        LocalDate validTo = date(p, "validTo", at, mine);
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            mine.add(at + ".properties.validTo", "territory.validity.order", validFrom, validTo);
        }
        Long version = null;
        JsonNode v = p.path("version");
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            version = v.longValue();
        } else if (!v.isMissingNode() && !v.isNull()) {
            mine.add(at + ".properties.version", "validation.type", v.toString());
        }
        JsonNode g = feature.path("geometry");
        Geometry geometry = null;
        boolean noGeometry = g.isMissingNode() || g.isNull();
        if (streetKind != null) {
            geometry = GeoJson.read(g, GeoJson.LINEAR, at + ".geometry", mine);
        } else if (zoneKind != null || (unitKind != null && !noGeometry)) {
            geometry = GeoJson.read(g, GeoJson.AREAL, at + ".geometry", mine);
        }
        String parentCode = text(p, "parentCode");
        String subdistrictCode = text(p, "subdistrictCode");
        if (unitKind != null && unitKind != UnitKind.DISTRICT && parentCode == null) {
            mine.add(at + ".properties.parentCode", "territory.parent.missing");
        }
        if ((streetKind != null || zoneKind != null) && subdistrictCode == null) {
            mine.add(at + ".properties.subdistrictCode", "territory.subdistrict.missing");
        }
        violations.addAll(mine.list());
        if (!mine.isEmpty()) {
            return null;
        }
        return new FeatureInput(
                index,
                unitKind,
                streetKind,
                zoneKind,
                code,
                name,
                parentCode,
                subdistrictCode,
                households,
                population,
                validFrom,
                validTo,
                p.path("synthetic").asBoolean(false),
                version,
                geometry);
    }

    private static String text(JsonNode p, String field) {
        JsonNode n = p.path(field);
        if (!n.isString()) {
            return null;
        }
        return Text.stripToNull(n.stringValue());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer count(JsonNode p, String field, String at, Violations v) {
        JsonNode n = p.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 0) {
            v.add(at + ".properties." + field, "territory.count.invalid", n.toString());
            return null;
        }
        return n.intValue();
    }

    private static LocalDate date(JsonNode p, String field, String at, Violations v) {
        JsonNode n = p.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(n.asString(""));
            if (!Dates.plausible(date)) {
                v.add(at + ".properties." + field, "date.range");
                return null;
            }
            return date;
        } catch (RuntimeException e) {
            v.add(at + ".properties." + field, "territory.date.invalid", n.toString());
            return null;
        }
    }
}
