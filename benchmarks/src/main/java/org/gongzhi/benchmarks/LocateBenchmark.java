package org.gongzhi.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.gongzhi.territory.domain.GeoJson;
import org.gongzhi.territory.domain.SpatialIndex;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code locate} over 30,000 synthetic 网格: a jittered 200 × 150 lattice of quadrilaterals about 270 m across, the
 * size of Beijing's unit grids, covering a city of about 2,200 km². In {@code hierarchy} mode the index also holds a
 * 社区 per 2 × 2 grids and a 街道 per 20 × 15 grids, as the platform's index does, so each point hits three polygons.
 * Points are drawn uniformly inside the covered area, so every lookup finds a grid.
 *
 * <p>{@code index} puts the obvious alternative in the same run: {@code strtree} is JTS's STRtree with prepared
 * geometries ({@code PreparedGeometry.covers}, the platform's first version), {@code hashgrid} the platform's
 * {@link SpatialIndex}. Figures from one machine do not carry to another; the ratio between the two measured together
 * does, roughly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class LocateBenchmark {

    static final int COLUMNS = 200;
    static final int ROWS = 150;
    static final int POINTS = 1 << 16;

    @Param({"grids", "hierarchy"})
    public String mode;

    @Param({"hashgrid", "strtree"})
    public String implementation;

    private SpatialIndex<String> index;
    private STRtree tree;
    private double[] lats;
    private double[] lngs;
    private int next;

    @Setup(Level.Trial)
    public void build() {
        Random random = new Random(30_000);
        double centreLat = 39.9;
        double cell = 270;
        double dLat = cell / 111_195;
        double dLng = cell / (111_195 * Math.cos(Math.toRadians(centreLat)));
        double west = 116.4 - dLng * COLUMNS / 2;
        double south = centreLat - dLat * ROWS / 2;
        double[][] x = new double[COLUMNS + 1][ROWS + 1];
        double[][] y = new double[COLUMNS + 1][ROWS + 1];
        for (int i = 0; i <= COLUMNS; i++) {
            for (int j = 0; j <= ROWS; j++) {
                x[i][j] = west + (i + (random.nextDouble() - 0.5) * 0.36) * dLng;
                y[i][j] = south + (j + (random.nextDouble() - 0.5) * 0.36) * dLat;
            }
        }
        List<SpatialIndex.Entry<String>> entries = new ArrayList<>();
        for (int i = 0; i < COLUMNS; i++) {
            for (int j = 0; j < ROWS; j++) {
                entries.add(new SpatialIndex.Entry<>(outline(x, y, i, j, i + 1, j + 1), "grid-" + i + "-" + j));
            }
        }
        if (mode.equals("hierarchy")) {
            for (int i = 0; i < COLUMNS; i += 2) {
                for (int j = 0; j < ROWS; j += 2) {
                    entries.add(
                            new SpatialIndex.Entry<>(outline(x, y, i, j, i + 2, j + 2), "community-" + i + "-" + j));
                }
            }
            for (int i = 0; i < COLUMNS; i += 20) {
                for (int j = 0; j < ROWS; j += 15) {
                    entries.add(new SpatialIndex.Entry<>(outline(x, y, i, j, i + 20, j + 15), "street-" + i + "-" + j));
                }
            }
        }
        if (implementation.equals("hashgrid")) {
            index = SpatialIndex.of(entries);
        } else {
            tree = new STRtree();
            for (SpatialIndex.Entry<String> e : entries) {
                tree.insert(
                        e.geometry().getEnvelopeInternal(),
                        new Prepared(PreparedGeometryFactory.prepare(e.geometry()), e.value()));
            }
            tree.build();
        }
        lats = new double[POINTS];
        lngs = new double[POINTS];
        for (int k = 0; k < POINTS; k++) {
            // Inside the lattice, away from its jittered outer edge.
            lngs[k] = west + (0.5 + random.nextDouble() * (COLUMNS - 1)) * dLng;
            lats[k] = south + (0.5 + random.nextDouble() * (ROWS - 1)) * dLat;
        }
    }

    /** The outline of cells [i0, i1) × [j0, j1) through every lattice vertex on its edge, as the demo data draws it. */
    static Polygon outline(double[][] x, double[][] y, int i0, int j0, int i1, int j1) {
        List<Coordinate> ring = new ArrayList<>();
        for (int i = i0; i < i1; i++) {
            ring.add(new Coordinate(x[i][j0], y[i][j0]));
        }
        for (int j = j0; j < j1; j++) {
            ring.add(new Coordinate(x[i1][j], y[i1][j]));
        }
        for (int i = i1; i > i0; i--) {
            ring.add(new Coordinate(x[i][j1], y[i][j1]));
        }
        for (int j = j1; j > j0; j--) {
            ring.add(new Coordinate(x[i0][j], y[i0][j]));
        }
        ring.add(ring.get(0));
        return GeoJson.FACTORY.createPolygon(ring.toArray(Coordinate[]::new));
    }

    private record Prepared(PreparedGeometry geometry, String value) {}

    @Benchmark
    public void locate(Blackhole hole) {
        int k = next++ & (POINTS - 1);
        if (index != null) {
            index.forEachContaining(lats[k], lngs[k], hole::consume);
            return;
        }
        Point point = GeoJson.FACTORY.createPoint(new Coordinate(lngs[k], lats[k]));
        for (Object candidate : tree.query(point.getEnvelopeInternal())) {
            Prepared p = (Prepared) candidate;
            if (p.geometry().covers(point)) {
                hole.consume(p.value());
            }
        }
    }
}
