package org.gongzhi.territory.domain;

import org.gongzhi.shared.Violations;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.json.JsonMapper;

/** Reads back a geometry this module wrote; stored geometries were validated before they were written. */
public final class StoredGeometry {

    private StoredGeometry() {}

    public static Geometry parse(String geoJson) {
        Violations violations = new Violations();
        Geometry g = GeoJson.read(
                JsonMapper.shared().readTree(geoJson),
                java.util.Set.of("Polygon", "MultiPolygon", "LineString", "MultiLineString"),
                "stored",
                violations);
        if (g == null) {
            throw new IllegalStateException("Stored geometry is unreadable: " + violations.list());
        }
        return g;
    }
}
