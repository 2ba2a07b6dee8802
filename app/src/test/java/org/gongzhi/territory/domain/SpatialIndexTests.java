package org.gongzhi.territory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

class SpatialIndexTests {

    @Test
    void finds_exactly_the_polygons_a_brute_force_scan_finds() {
        Random random = new Random(42);
        List<SpatialIndex.Entry<Integer>> entries = new ArrayList<>();
        List<Polygon> polygons = new ArrayList<>();
        for (int k = 0; k < 500; k++) {
            double x = 116 + random.nextDouble();
            double y = 39 + random.nextDouble();
            double w = 0.001 + random.nextDouble() * 0.05;
            double h = 0.001 + random.nextDouble() * 0.05;
            // A triangle-topped pentagon, so that the envelope test alone would be wrong near its top corners.
            Polygon p = GeoJson.FACTORY.createPolygon(new Coordinate[] {
                new Coordinate(x, y),
                new Coordinate(x + w, y),
                new Coordinate(x + w, y + h),
                new Coordinate(x + w / 2, y + 2 * h),
                new Coordinate(x, y + h),
                new Coordinate(x, y)
            });
            polygons.add(p);
            entries.add(new SpatialIndex.Entry<>(p, k));
        }
        SpatialIndex<Integer> index = SpatialIndex.of(entries);
        for (int n = 0; n < 5_000; n++) {
            double lat = 39 + random.nextDouble() * 1.1;
            double lng = 116 + random.nextDouble() * 1.1;
            var point = GeoJson.FACTORY.createPoint(new Coordinate(lng, lat));
            List<Integer> expected = new ArrayList<>();
            for (int k = 0; k < polygons.size(); k++) {
                if (polygons.get(k).covers(point)) {
                    expected.add(k);
                }
            }
            assertThat(index.containing(lat, lng)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void a_hole_is_outside_its_polygon_but_its_edge_and_an_island_in_it_are_inside() {
        var donut = GeoJson.FACTORY.createPolygon(
                GeoJson.FACTORY.createLinearRing(new Coordinate[] {
                    new Coordinate(0, 0),
                    new Coordinate(4, 0),
                    new Coordinate(4, 4),
                    new Coordinate(0, 4),
                    new Coordinate(0, 0)
                }),
                new org.locationtech.jts.geom.LinearRing[] {
                    GeoJson.FACTORY.createLinearRing(new Coordinate[] {
                        new Coordinate(1, 1),
                        new Coordinate(3, 1),
                        new Coordinate(3, 3),
                        new Coordinate(1, 3),
                        new Coordinate(1, 1)
                    })
                });
        Polygon island = GeoJson.FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(10, 10), new Coordinate(11, 10), new Coordinate(11, 11), new Coordinate(10, 10)
        });
        var both = GeoJson.FACTORY.createMultiPolygon(new Polygon[] {donut, island});
        SpatialIndex<String> index = SpatialIndex.of(List.of(new SpatialIndex.Entry<>(both, "d")));
        assertThat(index.containing(0.5, 0.5)).containsExactly("d");
        assertThat(index.containing(2, 2)).isEmpty();
        assertThat(index.containing(2, 1)).containsExactly("d");
        assertThat(index.containing(10.2, 10.5)).containsExactly("d");
        assertThat(index.containing(20, 20)).isEmpty();
    }

    @Test
    void one_huge_polygon_among_small_ones_is_still_found() {
        List<SpatialIndex.Entry<String>> entries = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            entries.add(new SpatialIndex.Entry<>(
                    GeoJson.FACTORY.createPolygon(new Coordinate[] {
                        new Coordinate(i * 0.001, 0),
                        new Coordinate(i * 0.001 + 0.001, 0),
                        new Coordinate(i * 0.001 + 0.001, 0.001),
                        new Coordinate(i * 0.001, 0.001),
                        new Coordinate(i * 0.001, 0)
                    }),
                    "small" + i));
        }
        entries.add(new SpatialIndex.Entry<>(
                GeoJson.FACTORY.createPolygon(new Coordinate[] {
                    new Coordinate(-170, -80),
                    new Coordinate(170, -80),
                    new Coordinate(170, 80),
                    new Coordinate(-170, 80),
                    new Coordinate(-170, -80)
                }),
                "world"));
        SpatialIndex<String> index = SpatialIndex.of(entries);
        assertThat(index.containing(0.0005, 0.0105)).containsExactlyInAnyOrder("small10", "world");
        assertThat(index.containing(45, 100)).containsExactly("world");
    }

    @Test
    void a_point_on_a_shared_edge_belongs_to_both_neighbours() {
        Polygon west = GeoJson.FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(0, 0), new Coordinate(1, 0), new Coordinate(1, 1), new Coordinate(0, 1), new Coordinate(0, 0)
        });
        Polygon east = GeoJson.FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(1, 0), new Coordinate(2, 0), new Coordinate(2, 1), new Coordinate(1, 1), new Coordinate(1, 0)
        });
        SpatialIndex<String> index =
                SpatialIndex.of(List.of(new SpatialIndex.Entry<>(west, "w"), new SpatialIndex.Entry<>(east, "e")));
        assertThat(index.containing(0.5, 1.0)).containsExactlyInAnyOrder("w", "e");
        assertThat(index.containing(0.5, 2.5)).isEmpty();
    }
}
