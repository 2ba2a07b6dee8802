package org.gongzhi.territory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** The nearest street to a point, in metres, and none beyond the distance asked for. */
class StreetLinesTests {

    /** An east–west street along latitude 40 and a north–south one 1 km east of its west end. */
    final StreetLines<String> streets = StreetLines.of(List.of(
            new SpatialIndex.Entry<>(
                    GeoJson.FACTORY.createLineString(
                            new Coordinate[] {new Coordinate(116.30, 40.0), new Coordinate(116.32, 40.0)}),
                    "east-west"),
            new SpatialIndex.Entry<>(
                    GeoJson.FACTORY.createLineString(
                            new Coordinate[] {new Coordinate(116.33, 39.99), new Coordinate(116.33, 40.01)}),
                    "north-south")));

    static final double METRES_PER_DEGREE = Math.toRadians(Earth.RADIUS);

    @Test
    void thePerpendicularDistanceToTheNearestLine() {
        double north30 = 40.0 + 30 / METRES_PER_DEGREE;
        var nearest = streets.nearest(north30, 116.31, 50).orElseThrow();
        assertThat(nearest.street()).isEqualTo("east-west");
        assertThat(nearest.metres()).isCloseTo(30, within(0.01));
    }

    @Test
    void beyondTheEndTheDistanceIsToTheEndPoint() {
        double west = 116.30 - 40 / (METRES_PER_DEGREE * Math.cos(Math.toRadians(40)));
        var nearest = streets.nearest(40.0, west, 50).orElseThrow();
        assertThat(nearest.metres()).isCloseTo(40, within(0.05));
    }

    @Test
    void nothingFartherThanAsked() {
        double north = 40.0 + 50.5 / METRES_PER_DEGREE;
        assertThat(streets.nearest(north, 116.31, 50)).isEmpty();
        assertThat(streets.nearest(north, 116.31, 51)).isPresent();
    }

    @Test
    void theNearerOfTwoWins() {
        double east = 116.33 - 10 / (METRES_PER_DEGREE * Math.cos(Math.toRadians(40)));
        assertThat(streets.nearest(40.0, east, 500).orElseThrow().street()).isEqualTo("north-south");
        // A street the caller does not accept (another 街道's) is passed over for the next nearest.
        assertThat(streets.nearest(40.0, east, 1000, s -> !s.equals("north-south"))
                        .orElseThrow()
                        .street())
                .isEqualTo("east-west");
        assertThat(streets.nearest(40.0, east, 500, s -> !s.equals("north-south")))
                .isEmpty();
    }
}
