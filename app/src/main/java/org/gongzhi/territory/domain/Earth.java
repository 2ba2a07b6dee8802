package org.gongzhi.territory.domain;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Measures on the WGS84 sphere (mean radius of the authalic sphere is close enough for 街道 sizes: the error against
 * the ellipsoid is well under 1 % at Chinese latitudes).
 */
public final class Earth {

    static final double RADIUS = org.gongzhi.shared.GreatCircle.EARTH_RADIUS_METRES;

    private Earth() {}

    /** Area in square metres of a polygon or multipolygon given in longitude/latitude degrees. */
    public static double area(Geometry geometry) {
        double total = 0;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon p) {
                total += ringArea(p.getExteriorRing().getCoordinates());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    total -= ringArea(p.getInteriorRingN(h).getCoordinates());
                }
            }
        }
        return total;
    }

    /** Spherical excess of a closed ring (Chamberlain and Duquette, "Some algorithms for polygons on a sphere"). */
    static double ringArea(Coordinate[] ring) {
        int n = ring.length - 1;
        if (n < 3) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            Coordinate previous = ring[(i + n - 1) % n];
            Coordinate next = ring[(i + 1) % n];
            sum += Math.toRadians(next.x - previous.x) * Math.sin(Math.toRadians(ring[i].y));
        }
        return Math.abs(sum * RADIUS * RADIUS / 2);
    }

    /** Length in metres of a line or multiline (great-circle segments). */
    public static double length(Geometry geometry) {
        double total = 0;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof LineString l) {
                Coordinate[] cs = l.getCoordinates();
                for (int k = 1; k < cs.length; k++) {
                    total += distance(cs[k - 1], cs[k]);
                }
            }
        }
        return total;
    }

    static double distance(Coordinate a, Coordinate b) {
        return org.gongzhi.shared.GreatCircle.metres(a.y, a.x, b.y, b.x);
    }
}
