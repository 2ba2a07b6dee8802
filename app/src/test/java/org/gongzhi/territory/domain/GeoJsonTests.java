package org.gongzhi.territory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongzhi.shared.Violations;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.json.JsonMapper;

class GeoJsonTests {

    private static Violations read(String json) {
        Violations v = new Violations();
        GeoJson.read(JsonMapper.shared().readTree(json), GeoJson.AREAL, "geometry", v);
        return v;
    }

    @Test
    void a_valid_polygon_survives_a_write_and_read() {
        String json =
                "{\"type\":\"Polygon\",\"coordinates\":[[[116.3,39.9],[116.31,39.9],[116.31,39.91],[116.3,39.9]]]}";
        Violations v = new Violations();
        Geometry g = GeoJson.read(JsonMapper.shared().readTree(json), GeoJson.AREAL, "geometry", v);
        assertThat(v.isEmpty()).isTrue();
        Geometry again = GeoJson.read(GeoJson.write(g), GeoJson.AREAL, "geometry", v);
        assertThat(again.equalsExact(g)).isTrue();
    }

    @Test
    void a_self_intersecting_bow_tie_is_refused_with_where_it_crosses() {
        Violations v = read("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}");
        assertThat(v.list()).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("geometry.invalid");
            assertThat(x.args().get(1).toString()).isEqualTo("0.500000, 0.500000");
        });
    }

    @Test
    void open_rings_bad_positions_ranges_and_types_are_each_named() {
        assertThat(read("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}")
                        .list()
                        .get(0)
                        .code())
                .isEqualTo("geometry.ring-open");
        assertThat(read("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[\"x\",1],[0,0]]]}")
                        .list()
                        .get(0)
                        .code())
                .isEqualTo("geometry.position");
        assertThat(read("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[181,0],[1,1],[0,0]]]}")
                        .list()
                        .get(0)
                        .code())
                .isEqualTo("geometry.range");
        assertThat(read("{\"type\":\"Point\",\"coordinates\":[0,0]}")
                        .list()
                        .get(0)
                        .code())
                .isEqualTo("geometry.type");
        assertThat(read("{\"type\":\"Polygon\",\"coordinates\":[]}")
                        .list()
                        .get(0)
                        .code())
                .isEqualTo("geometry.coordinates");
        assertThat(read("[]").list().get(0).code()).isEqualTo("geometry.missing");
    }
}
