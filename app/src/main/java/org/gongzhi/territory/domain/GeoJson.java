package org.gongzhi.territory.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gongzhi.shared.Violations;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes GeoJSON geometries (RFC 7946, WGS84 longitude/latitude) and checks them: shape of the coordinate
 * arrays, ranges, closed rings and topological validity (no self-intersection).
 */
public final class GeoJson {

    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
    static final Set<String> AREAL = Set.of("Polygon", "MultiPolygon");
    static final Set<String> LINEAR = Set.of("LineString", "MultiLineString");

    private GeoJson() {}

    /**
     * Parses a geometry of one of the {@code allowed} types; on any problem adds a violation at {@code location} and
     * returns {@code null}.
     */
    public static Geometry read(JsonNode node, Set<String> allowed, String location, Violations violations) {
        try {
            if (node == null || !node.isObject()) {
                throw new Malformed("geometry.missing");
            }
            String type = node.path("type").asString("");
            if (!allowed.contains(type)) {
                throw new Malformed("geometry.type", type, String.join("/", allowed));
            }
            JsonNode coordinates = node.path("coordinates");
            Geometry geometry = switch (type) {
                case "Polygon" -> polygon(coordinates);
                case "MultiPolygon" -> {
                    List<Polygon> polygons = new ArrayList<>();
                    for (JsonNode p : array(coordinates, 1)) {
                        polygons.add(polygon(p));
                    }
                    yield FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
                }
                case "LineString" -> line(coordinates);
                case "MultiLineString" -> {
                    List<LineString> lines = new ArrayList<>();
                    for (JsonNode l : array(coordinates, 1)) {
                        lines.add(line(l));
                    }
                    yield FACTORY.createMultiLineString(lines.toArray(LineString[]::new));
                }
                default -> throw new Malformed("geometry.type", type, String.join("/", allowed));
            };
            TopologyValidationError error = new IsValidOp(geometry).getValidationError();
            if (error != null) {
                Coordinate at = error.getCoordinate();
                throw new Malformed(
                        "geometry.invalid",
                        error.getMessage(),
                        at == null ? "" : String.format("%.6f, %.6f", at.y, at.x));
            }
            return geometry;
        } catch (Malformed m) {
            violations.add(location, m.code, m.args);
            return null;
        }
    }

    private static Polygon polygon(JsonNode rings) {
        List<LinearRing> list = new ArrayList<>();
        for (JsonNode ring : array(rings, 1)) {
            Coordinate[] cs = positions(ring, 4);
            if (!cs[0].equals2D(cs[cs.length - 1])) {
                throw new Malformed("geometry.ring-open");
            }
            list.add(FACTORY.createLinearRing(cs));
        }
        return FACTORY.createPolygon(list.get(0), list.subList(1, list.size()).toArray(LinearRing[]::new));
    }

    private static LineString line(JsonNode positions) {
        return FACTORY.createLineString(positions(positions, 2));
    }

    private static Coordinate[] positions(JsonNode node, int minimum) {
        List<Coordinate> cs = new ArrayList<>();
        for (JsonNode p : array(node, minimum)) {
            if (!p.isArray()
                    || p.size() < 2
                    || !p.get(0).isNumber()
                    || !p.get(1).isNumber()) {
                throw new Malformed("geometry.position");
            }
            double lng = p.get(0).doubleValue();
            double lat = p.get(1).doubleValue();
            if (!Double.isFinite(lng) || !Double.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
                throw new Malformed("geometry.range", lng, lat);
            }
            cs.add(new Coordinate(lng, lat));
        }
        return cs.toArray(Coordinate[]::new);
    }

    private static Iterable<JsonNode> array(JsonNode node, int minimum) {
        if (node == null || !node.isArray() || node.size() < minimum) {
            throw new Malformed("geometry.coordinates");
        }
        return node;
    }

    /** Writes a polygon, multipolygon, line or multiline as a GeoJSON geometry object. */
    public static ObjectNode write(Geometry geometry) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", geometry.getGeometryType());
        ArrayNode coordinates = node.putArray("coordinates");
        if (geometry instanceof Polygon p) {
            writePolygon(p, coordinates);
        } else if (geometry instanceof MultiPolygon mp) {
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                writePolygon((Polygon) mp.getGeometryN(i), coordinates.addArray());
            }
        } else if (geometry instanceof MultiLineString ml) {
            for (int i = 0; i < ml.getNumGeometries(); i++) {
                writePositions(ml.getGeometryN(i).getCoordinates(), coordinates.addArray());
            }
        } else if (geometry instanceof LineString l) {
            writePositions(l.getCoordinates(), coordinates);
        } else {
            throw new IllegalArgumentException("Unsupported geometry " + geometry.getGeometryType());
        }
        return node;
    }

    /**
     * RFC 7946 §3.1.6: the exterior ring counter-clockwise, holes clockwise — whatever the order of the ring that was
     * imported.
     */
    private static void writePolygon(Polygon p, ArrayNode rings) {
        writePositions(wound(p.getExteriorRing().getCoordinates(), true), rings.addArray());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            writePositions(wound(p.getInteriorRingN(i).getCoordinates(), false), rings.addArray());
        }
    }

    private static Coordinate[] wound(Coordinate[] ring, boolean counterClockwise) {
        if (Orientation.isCCW(ring) == counterClockwise) {
            return ring;
        }
        Coordinate[] reversed = ring.clone();
        java.util.Collections.reverse(java.util.Arrays.asList(reversed));
        return reversed;
    }

    /**
     * The coordinate reference systems a {@code crs} member may name: RFC 7946 has none and means WGS84 longitude,
     * latitude (OGC CRS84); EPSG:4326 and China's CGCS2000 (EPSG:4490) differ from it by far less than a metre. Any
     * other (EPSG:3857 metres, say) would be read as degrees and land the territory anywhere.
     */
    static final Set<String> ACCEPTED_CRS = Set.of(
            "urn:ogc:def:crs:OGC:1.3:CRS84",
            "urn:ogc:def:crs:OGC::CRS84",
            "urn:ogc:def:crs:EPSG::4326",
            "urn:ogc:def:crs:EPSG::4490",
            "EPSG:4326",
            "EPSG:4490",
            "CRS84");

    /** Checks a collection's (legacy, 2008) {@code crs} member; adds {@code geojson.crs} naming it if refused. */
    public static void checkCrs(JsonNode root, Violations violations) {
        JsonNode crs = root.path("crs");
        if (crs.isMissingNode() || crs.isNull()) {
            return;
        }
        String name = crs.path("properties").path("name").asString("");
        if (!"name".equals(crs.path("type").asString("")) || !ACCEPTED_CRS.contains(name.strip())) {
            violations.add("crs", "geojson.crs", name.isEmpty() ? crs.toString() : name);
        }
    }

    private static void writePositions(Coordinate[] cs, ArrayNode out) {
        for (Coordinate c : cs) {
            out.addArray().add(c.x).add(c.y);
        }
    }

    private static final class Malformed extends RuntimeException {
        final String code;
        final Object[] args;

        Malformed(String code, Object... args) {
            super(code, null, false, false);
            this.code = code;
            this.args = args;
        }
    }
}
