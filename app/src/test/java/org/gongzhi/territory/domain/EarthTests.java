package org.gongzhi.territory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class EarthTests {

    private static org.locationtech.jts.geom.Polygon box(double lng, double lat, double size) {
        return GeoJson.FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(lng, lat),
            new Coordinate(lng + size, lat),
            new Coordinate(lng + size, lat + size),
            new Coordinate(lng, lat + size),
            new Coordinate(lng, lat)
        });
    }

    @Test
    void a_small_square_at_the_equator_has_the_area_of_a_plane_square() {
        double side = Math.toRadians(0.01) * Earth.RADIUS;
        assertThat(Earth.area(box(0, 0, 0.01))).isCloseTo(side * side, within(side * side * 1e-4));
    }

    @Test
    void a_square_degree_shrinks_with_the_cosine_of_latitude() {
        double equator = Earth.area(box(116, 0, 0.01));
        double beijing = Earth.area(box(116, 39.99, 0.01));
        assertThat(beijing / equator).isCloseTo(Math.cos(Math.toRadians(39.995)), within(1e-4));
    }

    @Test
    void length_follows_great_circles() {
        var line = GeoJson.FACTORY.createLineString(
                new Coordinate[] {new Coordinate(116.35, 39.9), new Coordinate(116.35, 40.0)});
        assertThat(Earth.length(line)).isCloseTo(Math.toRadians(0.1) * Earth.RADIUS, within(0.01));
    }
}
