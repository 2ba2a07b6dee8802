package org.gongzhi.territory.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * An immutable point-in-polygon index. Space is cut into cells half the size of a typical polygon; a hash table maps
 * each cell to the polygons whose envelopes reach it, so a lookup costs one hash probe, a few envelope tests and a
 * crossing-number test on flat coordinate arrays for the one or two rings left. A point on a boundary belongs to every
 * polygon sharing it ("covers", as JTS defines it). Safe for any number of reading threads once built.
 */
public final class SpatialIndex<T> {

    /** Polygons that would fill more cells than this are tested on every lookup instead. */
    private static final long MAX_CELLS_PER_ENTRY = 1 << 20;

    private static final long EMPTY = Long.MIN_VALUE;

    private final Object[] values;
    private final double[] minX;
    private final double[] minY;
    private final double[] maxX;
    private final double[] maxY;
    /** Per entry: its polygons, each a shell followed by its holes; a ring as longitudes then latitudes. */
    private final double[][][][] rings;

    private final double cellWidth;
    private final double cellHeight;
    private final long[] keys;
    private final int[] starts;
    private final int[] ends;
    private final int[] items;
    private final int[] oversize;
    private final int mask;

    private SpatialIndex(List<Entry<T>> entries) {
        int n = entries.size();
        values = new Object[n];
        minX = new double[n];
        minY = new double[n];
        maxX = new double[n];
        maxY = new double[n];
        rings = new double[n][][][];
        double[] widths = new double[n];
        double[] heights = new double[n];
        for (int e = 0; e < n; e++) {
            Entry<T> entry = entries.get(e);
            values[e] = entry.value();
            Envelope env = entry.geometry().getEnvelopeInternal();
            minX[e] = env.getMinX();
            minY[e] = env.getMinY();
            maxX[e] = env.getMaxX();
            maxY[e] = env.getMaxY();
            widths[e] = env.getWidth();
            heights[e] = env.getHeight();
            rings[e] = rings(entry.geometry());
        }
        cellWidth = cellSize(widths);
        cellHeight = cellSize(heights);

        Map<Long, List<Integer>> cells = new HashMap<>();
        List<Integer> big = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            long c0 = column(minX[e]);
            long c1 = column(maxX[e]);
            long r0 = row(minY[e]);
            long r1 = row(maxY[e]);
            if ((c1 - c0 + 1) * (r1 - r0 + 1) > MAX_CELLS_PER_ENTRY) {
                big.add(e);
                continue;
            }
            for (long c = c0; c <= c1; c++) {
                for (long r = r0; r <= r1; r++) {
                    cells.computeIfAbsent(key(c, r), k -> new ArrayList<>(2)).add(e);
                }
            }
        }
        int capacity = Integer.highestOneBit(Math.max(16, cells.size() * 2 - 1)) << 1;
        mask = capacity - 1;
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        starts = new int[capacity];
        ends = new int[capacity];
        items = new int[cells.values().stream().mapToInt(List::size).sum()];
        int next = 0;
        for (Map.Entry<Long, List<Integer>> cell : cells.entrySet()) {
            int slot = slot(cell.getKey());
            while (keys[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = cell.getKey();
            starts[slot] = next;
            for (int e : cell.getValue()) {
                items[next++] = e;
            }
            ends[slot] = next;
        }
        oversize = big.stream().mapToInt(Integer::intValue).toArray();
    }

    public static <T> SpatialIndex<T> of(List<Entry<T>> entries) {
        return new SpatialIndex<>(entries);
    }

    public int size() {
        return values.length;
    }

    /** Every entry whose polygon contains the point or has it on its boundary. */
    public List<T> containing(double lat, double lng) {
        List<T> found = new ArrayList<>(4);
        forEachContaining(lat, lng, found::add);
        return found;
    }

    @SuppressWarnings("unchecked")
    public void forEachContaining(double lat, double lng, Consumer<T> action) {
        for (int e : oversize) {
            if (covers(e, lng, lat)) {
                action.accept((T) values[e]);
            }
        }
        long key = key(column(lng), row(lat));
        int slot = slot(key);
        while (keys[slot] != EMPTY) {
            if (keys[slot] == key) {
                for (int k = starts[slot]; k < ends[slot]; k++) {
                    int e = items[k];
                    if (covers(e, lng, lat)) {
                        action.accept((T) values[e]);
                    }
                }
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean covers(int e, double x, double y) {
        if (x < minX[e] || x > maxX[e] || y < minY[e] || y > maxY[e]) {
            return false;
        }
        for (double[][] polygon : rings[e]) {
            int shell = locate(x, y, polygon[0], polygon[1]);
            if (shell == Location.EXTERIOR) {
                continue;
            }
            if (shell == Location.BOUNDARY) {
                return true;
            }
            boolean inHole = false;
            for (int h = 2; h < polygon.length && !inHole; h += 2) {
                inHole = locate(x, y, polygon[h], polygon[h + 1]) == Location.INTERIOR;
            }
            if (!inHole) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where (x, y) lies against a closed ring: counts crossings of a ray towards +x; a point on an edge (zero cross
     * product within the edge's box) or a vertex is on the boundary.
     */
    static int locate(double x, double y, double[] xs, double[] ys) {
        boolean inside = false;
        for (int i = 0, last = xs.length - 1; i < last; i++) {
            double x1 = xs[i];
            double y1 = ys[i];
            double x2 = xs[i + 1];
            double y2 = ys[i + 1];
            boolean straddles = (y1 > y) != (y2 > y);
            boolean level = (y1 == y || y2 == y) || straddles;
            if (!level) {
                continue;
            }
            double cross = (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1);
            if (cross == 0
                    && x >= Math.min(x1, x2)
                    && x <= Math.max(x1, x2)
                    && y >= Math.min(y1, y2)
                    && y <= Math.max(y1, y2)) {
                return Location.BOUNDARY;
            }
            if (straddles && (y2 > y1 ? cross > 0 : cross < 0)) {
                inside = !inside;
            }
        }
        return inside ? Location.INTERIOR : Location.EXTERIOR;
    }

    private long column(double x) {
        return (long) Math.floor(x / cellWidth);
    }

    private long row(double y) {
        return (long) Math.floor(y / cellHeight);
    }

    private static long key(long column, long row) {
        return (column << 32) ^ (row & 0xFFFF_FFFFL);
    }

    private int slot(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** Half the median extent: most polygons then span two to nine cells and a cell holds one or two of them. */
    private static double cellSize(double[] extents) {
        if (extents.length == 0) {
            return 1;
        }
        double[] sorted = extents.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        return median > 1e-9 ? median / 2 : 1e-4;
    }

    private static double[][][] rings(Geometry g) {
        double[][][] polygons = new double[g.getNumGeometries()][][];
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            double[][] r = new double[2 * (1 + p.getNumInteriorRing())][];
            flatten(p.getExteriorRing().getCoordinates(), r, 0);
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                flatten(p.getInteriorRingN(h).getCoordinates(), r, 2 * (h + 1));
            }
            polygons[i] = r;
        }
        return polygons;
    }

    private static void flatten(Coordinate[] ring, double[][] into, int at) {
        double[] xs = new double[ring.length];
        double[] ys = new double[ring.length];
        for (int k = 0; k < ring.length; k++) {
            xs[k] = ring[k].x;
            ys[k] = ring[k].y;
        }
        into[at] = xs;
        into[at + 1] = ys;
    }

    public record Entry<T>(Geometry geometry, T value) {}
}
