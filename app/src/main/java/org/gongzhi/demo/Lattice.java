package org.gongzhi.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A jittered lattice of quadrilateral cells laid over a real place: the cells become 网格, unions of cells become
 * 社区, 街区 and the 街道, so that every child lies exactly inside its parent and siblings only share edges.
 */
final class Lattice {

    private static final double METRES_PER_DEGREE_LAT = 111_195;

    private final int columns;
    private final int rows;
    private final double[][] lng;
    private final double[][] lat;

    /**
     * {@code columns} × {@code rows} cells of {@code cellMetres} square each, centred on the given point; interior
     * vertices are moved by up to 18 % of a cell so that boundaries look drawn rather than ruled.
     */
    Lattice(double centreLat, double centreLng, int columns, int rows, double cellMetres, long seed) {
        this.columns = columns;
        this.rows = rows;
        double dLat = cellMetres / METRES_PER_DEGREE_LAT;
        double dLng = cellMetres / (METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(centreLat)));
        double west = centreLng - dLng * columns / 2;
        double south = centreLat - dLat * rows / 2;
        Random random = new Random(seed);
        lng = new double[columns + 1][rows + 1];
        lat = new double[columns + 1][rows + 1];
        for (int i = 0; i <= columns; i++) {
            for (int j = 0; j <= rows; j++) {
                double jx = (random.nextDouble() - 0.5) * 0.36;
                double jy = (random.nextDouble() - 0.5) * 0.36;
                lng[i][j] = round(west + (i + jx) * dLng);
                lat[i][j] = round(south + (j + jy) * dLat);
            }
        }
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }

    int columns() {
        return columns;
    }

    int rows() {
        return rows;
    }

    /** A point inside cell (i, j) at fractions (u, v) of its width and height, by bilinear interpolation. */
    double[] at(int i, int j, double u, double v) {
        double x = (1 - u) * (1 - v) * lng[i][j]
                + u * (1 - v) * lng[i + 1][j]
                + u * v * lng[i + 1][j + 1]
                + (1 - u) * v * lng[i][j + 1];
        double y = (1 - u) * (1 - v) * lat[i][j]
                + u * (1 - v) * lat[i + 1][j]
                + u * v * lat[i + 1][j + 1]
                + (1 - u) * v * lat[i][j + 1];
        return new double[] {round(x), round(y)};
    }

    /** The outline of a rectangle of whole cells, [i0, i1) × [j0, j1), walking every lattice vertex on its edge. */
    List<double[]> outline(int i0, int j0, int i1, int j1) {
        List<double[]> ring = new ArrayList<>();
        for (int i = i0; i < i1; i++) {
            ring.add(new double[] {lng[i][j0], lat[i][j0]});
        }
        for (int j = j0; j < j1; j++) {
            ring.add(new double[] {lng[i1][j], lat[i1][j]});
        }
        for (int i = i1; i > i0; i--) {
            ring.add(new double[] {lng[i][j1], lat[i][j1]});
        }
        for (int j = j1; j > j0; j--) {
            ring.add(new double[] {lng[i0][j], lat[i0][j]});
        }
        ring.add(ring.get(0));
        return ring;
    }

    /** A quadrilateral inside cell (i, j) spanning fractions [u0, u1] × [v0, v1]. */
    List<double[]> inset(int i, int j, double u0, double v0, double u1, double v1) {
        List<double[]> ring = new ArrayList<>();
        ring.add(at(i, j, u0, v0));
        ring.add(at(i, j, u1, v0));
        ring.add(at(i, j, u1, v1));
        ring.add(at(i, j, u0, v1));
        ring.add(ring.get(0));
        return ring;
    }

    /** A line along lattice vertices: column {@code i} from row j0 to j1, or row {@code j} from column i0 to i1. */
    List<double[]> column(int i, int j0, int j1) {
        List<double[]> line = new ArrayList<>();
        for (int j = j0; j <= j1; j++) {
            line.add(new double[] {lng[i][j], lat[i][j]});
        }
        return line;
    }

    List<double[]> row(int j, int i0, int i1) {
        List<double[]> line = new ArrayList<>();
        for (int i = i0; i <= i1; i++) {
            line.add(new double[] {lng[i][j], lat[i][j]});
        }
        return line;
    }
}
