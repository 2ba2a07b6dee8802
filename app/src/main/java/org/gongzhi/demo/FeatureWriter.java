package org.gongzhi.demo;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Writes demo units, streets and zones as the GeoJSON FeatureCollection the territory module imports. */
final class FeatureWriter {

    private final ObjectNode collection = JsonNodeFactory.instance.objectNode();
    private final ArrayNode features;

    FeatureWriter() {
        collection.put("type", "FeatureCollection");
        features = collection.putArray("features");
    }

    ObjectNode collection() {
        return collection;
    }

    void unit(
            String kind,
            String code,
            String name,
            String parentCode,
            List<double[]> ring,
            Integer households,
            Integer population,
            boolean synthetic) {
        ObjectNode p = feature(ring == null ? null : "Polygon", ring);
        p.put("kind", kind);
        p.put("code", code);
        p.put("name", name);
        if (parentCode != null) {
            p.put("parentCode", parentCode);
        }
        if (households != null) {
            p.put("households", households);
        }
        if (population != null) {
            p.put("population", population);
        }
        p.put("synthetic", synthetic);
    }

    void street(String kind, String code, String name, String subdistrictCode, List<double[]> line, boolean synthetic) {
        overlay("LineString", kind, code, name, subdistrictCode, line, synthetic);
    }

    void zone(String kind, String code, String name, String subdistrictCode, List<double[]> ring, boolean synthetic) {
        overlay("Polygon", kind, code, name, subdistrictCode, ring, synthetic);
    }

    private void overlay(
            String type,
            String kind,
            String code,
            String name,
            String subdistrictCode,
            List<double[]> positions,
            boolean synthetic) {
        ObjectNode p = feature(type, positions);
        p.put("kind", kind);
        p.put("code", code);
        p.put("name", name);
        p.put("subdistrictCode", subdistrictCode);
        p.put("synthetic", synthetic);
    }

    private ObjectNode feature(String type, List<double[]> positions) {
        ObjectNode f = features.addObject();
        f.put("type", "Feature");
        if (type == null) {
            f.putNull("geometry");
        } else {
            ObjectNode g = f.putObject("geometry");
            g.put("type", type);
            ArrayNode coordinates = g.putArray("coordinates");
            ArrayNode target = "Polygon".equals(type) ? coordinates.addArray() : coordinates;
            for (double[] p : positions) {
                target.addArray().add(p[0]).add(p[1]);
            }
        }
        return f.putObject("properties");
    }
}
