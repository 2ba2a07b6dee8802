package org.gongzhi.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.RealHttp;
import org.gongzhi.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Territory imports through the real importer and answers over real HTTP: locate on a shared boundary gives one chain
 * of parents, exports wind rings as RFC 7946 requires, and impossible values and foreign coordinate systems are
 * refused with nothing written.
 */
@PlatformTest
class TerritoryBoundariesIT {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    JsonMapper json = JsonMapper.shared();

    MockHttpServletResponse importing(String body) throws Exception {
        return mvc.perform(post("/api/v1/territory/import")
                        .with(Staff.sysAdmin())
                        .contentType("application/geo+json")
                        .content(body))
                .andReturn()
                .getResponse();
    }

    long units() {
        return jdbc.sql("select count(*) from territory.unit").query(Long.class).single();
    }

    static String feature(String kind, String code, String parent, String geometry, String extra) {
        return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":{\"kind\":\"" + kind
                + "\",\"code\":\"" + code + "\",\"name\":\"边界" + code + "\""
                + (parent == null ? "" : ",\"parentCode\":\"" + parent + "\"") + extra + "}}";
    }

    static String rectangle(double west, double south, double east, double north) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + west + "," + south + "],[" + east + "," + south + "],["
                + east + "," + north + "],[" + west + "," + north + "],[" + west + "," + south + "]]]}";
    }

    static String collection(String crs, String... features) {
        return "{\"type\":\"FeatureCollection\"," + (crs == null ? "" : "\"crs\":" + crs + ",") + "\"features\":["
                + String.join(",", features) + "]}";
    }

    @Test
    void a_point_on_a_shared_edge_gets_every_level_from_one_chain_of_parents() throws Exception {
        // 石景山区 (110107), a 街道 split into two 街区 along longitude 116.21, each holding one 社区 that fills it.
        var imported = importing(collection(
                null,
                feature("DISTRICT", "110107", null, "null", ""),
                feature("SUBDISTRICT", "110107001", "110107", rectangle(116.20, 39.90, 116.22, 39.92), ""),
                feature("BLOCK", "110107001B01", "110107001", rectangle(116.20, 39.90, 116.21, 39.92), ""),
                feature("BLOCK", "110107001B02", "110107001", rectangle(116.21, 39.90, 116.22, 39.92), ""),
                feature("COMMUNITY", "110107001001", "110107001B02", rectangle(116.21, 39.90, 116.22, 39.92), ""),
                feature("COMMUNITY", "110107001002", "110107001B01", rectangle(116.20, 39.90, 116.21, 39.92), "")));
        assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(200);
        var http = RealHttp.anonymous(port);
        for (int i = 0; i < 5; i++) {
            JsonNode at = json.readTree(
                    http.get("/api/v1/territory/locate?lat=39.91&lng=116.21").body());
            // The smallest code of the deepest units on the edge answers, with its own block above it.
            assertThat(at.path("community").path("code").asString()).isEqualTo("110107001001");
            assertThat(at.path("block").path("code").asString()).isEqualTo("110107001B02");
            assertThat(at.path("subdistrict").path("code").asString()).isEqualTo("110107001");
        }
        JsonNode west = json.readTree(
                http.get("/api/v1/territory/locate?lat=39.91&lng=116.205").body());
        assertThat(west.path("community").path("code").asString()).isEqualTo("110107001002");
        assertThat(west.path("block").path("code").asString()).isEqualTo("110107001B01");
    }

    @Test
    void a_clockwise_ring_is_exported_counter_clockwise() throws Exception {
        String clockwise = "{\"type\":\"Polygon\",\"coordinates\":[[[116.30,39.80],[116.30,39.81],[116.31,39.81],"
                + "[116.31,39.80],[116.30,39.80]]]}";
        var imported = importing(collection(
                null,
                feature("DISTRICT", "110111", null, "null", ""),
                feature("SUBDISTRICT", "110111002", "110111", clockwise, "")));
        assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(200);
        JsonNode exported = json.readTree(RealHttp.anonymous(port)
                .get("/api/v1/territory/export?root=110111002", "application/geo+json")
                .body());
        JsonNode ring = exported.path("features")
                .get(0)
                .path("geometry")
                .path("coordinates")
                .get(0);
        double area2 = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            area2 += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
                    - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
        }
        assertThat(area2).as("shoelace sum of a counter-clockwise ring").isPositive();
    }

    @Test
    void a_foreign_crs_and_impossible_counts_dates_and_names_are_refused() throws Exception {
        long before = units();
        String mercator = "{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::3857\"}}";
        var refused = importing(collection(
                mercator,
                feature("DISTRICT", "110109", null, "null", ""),
                feature("SUBDISTRICT", "110109001", "110109", rectangle(116.00, 39.90, 116.01, 39.91), "")));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(json.readTree(refused.getContentAsString())
                        .path("errors")
                        .get(0)
                        .path("location")
                        .asString())
                .isEqualTo("crs");
        var cgcs = importing(collection(
                "{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4490\"}}",
                feature("DISTRICT", "110109", null, "null", ""),
                feature("SUBDISTRICT", "110109001", "110109", rectangle(116.00, 39.90, 116.01, 39.91), "")));
        assertThat(cgcs.getStatus()).as(cgcs.getContentAsString()).isEqualTo(200);
        before = units();
        var impossible = importing(collection(
                null,
                feature(
                        "COMMUNITY",
                        "110109001001",
                        "110109001",
                        rectangle(116.00, 39.90, 116.005, 39.905),
                        ",\"households\":2147483647,\"population\":1"),
                feature(
                        "COMMUNITY",
                        "110109001002",
                        "110109001",
                        rectangle(116.005, 39.90, 116.01, 39.905),
                        ",\"validFrom\":\"-999999999-01-01\""),
                "{\"type\":\"Feature\",\"geometry\":" + rectangle(116.00, 39.905, 116.005, 39.91)
                        + ",\"properties\":{\"kind\":\"COMMUNITY\",\"code\":\"110109001003\","
                        + "\"parentCode\":\"110109001\",\"name\":\"反向\\u202E名称\"}}"));
        assertThat(impossible.getStatus()).isEqualTo(422);
        assertThat(json.readTree(impossible.getContentAsString()).path("errors").findValuesAsString("code"))
                .contains("territory.households.exceed-population", "date.range", "text.unsafe-character");
        var nul = importing(collection(
                null,
                "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"kind\":\"COMMUNITY\","
                        + "\"code\":\"110109001\\u0000004\",\"parentCode\":\"110109001\",\"name\":\"空字符\"}}"));
        assertThat(nul.getStatus()).isEqualTo(422);
        assertThat(json.readTree(nul.getContentAsString())
                        .path("errors")
                        .get(0)
                        .path("location")
                        .asString())
                .isEqualTo("features[0].properties.code");
        assertThat(units()).isEqualTo(before);
    }
}
