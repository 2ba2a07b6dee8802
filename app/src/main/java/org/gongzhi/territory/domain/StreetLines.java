package org.gongzhi.territory.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * The 街巷 as lines, to find the one nearest a point. Distances are measured in a plane tangent at the point
 * (equirectangular: metres east and north of it), which is exact to well under a metre at the few hundred metres
 * this is asked for. Immutable; safe for any number of reading threads.
 */
public final class StreetLines<T> {

    private record Line<T>(T value, Envelope envelope, double[][] parts) {}

    /** The nearest street and its distance in metres. */
    public record Nearest<T>(T street, double metres) {}

    private final List<Line<T>> lines;

    private StreetLines(List<Line<T>> lines) {
        this.lines = lines;
    }

    /** Lines from (geometry, value) pairs; parts that are not lines are ignored. */
    public static <T> StreetLines<T> of(List<SpatialIndex.Entry<T>> entries) {
        List<Line<T>> lines = new ArrayList<>();
        for (SpatialIndex.Entry<T> e : entries) {
            Geometry g = e.geometry();
            List<double[]> parts = new ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof LineString l) {
                    Coordinate[] cs = l.getCoordinates();
                    double[] flat = new double[cs.length * 2];
                    for (int k = 0; k < cs.length; k++) {
                        flat[2 * k] = cs[k].x;
                        flat[2 * k + 1] = cs[k].y;
                    }
                    parts.add(flat);
                }
            }
            if (!parts.isEmpty()) {
                lines.add(new Line<>(e.value(), g.getEnvelopeInternal(), parts.toArray(new double[0][])));
            }
        }
        return new StreetLines<>(List.copyOf(lines));
    }

    /** The street nearest the point (WGS84 degrees) no farther than {@code maxMetres}, if any. */
    public Optional<Nearest<T>> nearest(double lat, double lng, double maxMetres) {
        return nearest(lat, lng, maxMetres, street -> true);
    }

    /** The nearest street that {@code allowed} accepts, no farther than {@code maxMetres}. */
    public Optional<Nearest<T>> nearest(
            double lat, double lng, double maxMetres, java.util.function.Predicate<T> allowed) {
        double metresPerDegreeLat = org.gongzhi.shared.GreatCircle.METRES_PER_DEGREE;
        double metresPerDegreeLng = metresPerDegreeLat * Math.cos(Math.toRadians(lat));
        double reachLat = maxMetres / metresPerDegreeLat;
        double reachLng = maxMetres / Math.max(metresPerDegreeLng, 1e-9);
        Nearest<T> best = null;
        for (Line<T> line : lines) {
            Envelope env = line.envelope();
            if (!allowed.test(line.value())) {
                continue;
            }
            if (lng < env.getMinX() - reachLng
                    || lng > env.getMaxX() + reachLng
                    || lat < env.getMinY() - reachLat
                    || lat > env.getMaxY() + reachLat) {
                continue;
            }
            for (double[] part : line.parts()) {
                for (int k = 2; k < part.length; k += 2) {
                    double ax = (part[k - 2] - lng) * metresPerDegreeLng;
                    double ay = (part[k - 1] - lat) * metresPerDegreeLat;
                    double bx = (part[k] - lng) * metresPerDegreeLng;
                    double by = (part[k + 1] - lat) * metresPerDegreeLat;
                    double d = toSegment(ax, ay, bx, by);
                    if (d <= maxMetres && (best == null || d < best.metres())) {
                        best = new Nearest<>(line.value(), d);
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Distance from the origin to the segment a–b. */
    static double toSegment(double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double length2 = dx * dx + dy * dy;
        double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
        return Math.hypot(ax + t * dx, ay + t * dy);
    }
}
