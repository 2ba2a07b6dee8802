package org.gongzhi.territory.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable point-in-polygon index: an STR-packed R-tree over the polygons' envelopes, and prepared geometries for
 * the exact test. Safe for any number of reading threads once built.
 */
public final class SpatialIndex<T> {

    private final STRtree tree;
    private final int size;

    private SpatialIndex(STRtree tree, int size) {
        this.tree = tree;
        this.size = size;
    }

    public static <T> SpatialIndex<T> of(List<Entry<T>> entries) {
        STRtree tree = new STRtree(Math.max(2, Math.min(10, entries.size())));
        for (Entry<T> e : entries) {
            tree.insert(
                    e.geometry().getEnvelopeInternal(), new Item<>(PreparedGeometryFactory.prepare(e.geometry()), e));
        }
        tree.build();
        return new SpatialIndex<>(tree, entries.size());
    }

    public int size() {
        return size;
    }

    /** Every entry whose polygon contains the point or has it on its boundary. */
    public List<T> containing(double lat, double lng) {
        List<T> found = new ArrayList<>(4);
        forEachContaining(lat, lng, found::add);
        return found;
    }

    @SuppressWarnings("unchecked")
    public void forEachContaining(double lat, double lng, Consumer<T> action) {
        Coordinate c = new Coordinate(lng, lat);
        var point = GeoJson.FACTORY.createPoint(c);
        tree.query(new Envelope(c), candidate -> {
            Item<T> item = (Item<T>) candidate;
            if (item.prepared().covers(point)) {
                action.accept(item.entry().value());
            }
        });
    }

    public record Entry<T>(Geometry geometry, T value) {}

    private record Item<T>(PreparedGeometry prepared, Entry<T> entry) {}
}
