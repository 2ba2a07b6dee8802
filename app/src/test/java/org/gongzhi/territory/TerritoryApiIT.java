package org.gongzhi.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.gongzhi.territory.domain.StoredGeometry;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@PlatformTest
class TerritoryApiIT {

    static final String XUEYUANLU = "110108010";
    static final String ERLIZHUANG = "110108010005";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    JsonMapper json = JsonMapper.shared();

    JsonNode getJson(String url) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(r.getStatus()).as(url + " " + r.getContentAsString()).isEqualTo(200);
        return json.readTree(r.getContentAsString());
    }

    MockHttpServletResponse importing(String body) throws Exception {
        return mvc.perform(post("/api/v1/territory/import")
                        .with(Staff.sysAdmin())
                        .contentType("application/geo+json")
                        .content(body))
                .andReturn()
                .getResponse();
    }

    @Test
    void locate_returns_the_right_community_for_a_point_inside_each_demo_community() throws Exception {
        int checked = 0;
        for (String subdistrict : List.of("110108010", "110101008", "310110012")) {
            for (JsonNode f :
                    getJson("/api/v1/territory/export?root=" + subdistrict).path("features")) {
                if (!"COMMUNITY".equals(f.path("properties").path("kind").asString())) {
                    continue;
                }
                Geometry area = StoredGeometry.parse(f.path("geometry").toString());
                var inside = area.getInteriorPoint();
                JsonNode at = getJson("/api/v1/territory/locate?lat=" + inside.getY() + "&lng=" + inside.getX());
                String code = f.path("properties").path("code").asString();
                assertThat(at.path("community").path("code").asString()).isEqualTo(code);
                assertThat(at.path("grid").path("code").asString()).startsWith(code);
                assertThat(at.path("subdistrict").path("code").asString()).isEqualTo(subdistrict);
                assertThat(at.path("district").path("code").asString()).isEqualTo(subdistrict.substring(0, 6));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(29 + 10 + 12);
    }

    @Test
    void the_demo_xueyuanlu_has_the_size_and_counts_of_seed_000() throws Exception {
        JsonNode subdistrict = getJson("/api/v1/territory/units/" + XUEYUANLU).path("unit");
        assertThat(subdistrict.path("areaSquareMetres").asDouble()).isBetween(8.49e6 * 0.98, 8.49e6 * 1.02);
        assertThat(subdistrict.path("population").asInt()).isEqualTo(230_000);
        int blocks = 0;
        int communities = 0;
        int people = 0;
        for (JsonNode f : getJson("/api/v1/territory/export?root=" + XUEYUANLU).path("features")) {
            switch (f.path("properties").path("kind").asString()) {
                case "BLOCK" -> blocks++;
                case "COMMUNITY" -> {
                    communities++;
                    people += f.path("properties").path("population").asInt();
                }
                default -> {}
            }
        }
        assertThat(blocks).isEqualTo(7);
        assertThat(communities).isEqualTo(29);
        assertThat(people).isEqualTo(230_000);
    }

    @Test
    void locate_names_the_block_and_every_zone_and_the_building_at_a_point() throws Exception {
        JsonNode building = null;
        JsonNode campus = null;
        for (JsonNode f : getJson("/api/v1/territory/export?root=" + XUEYUANLU).path("features")) {
            String code = f.path("properties").path("code").asString();
            if (code.equals(ERLIZHUANG + "001001001")) {
                building = f;
            }
            if (code.equals(XUEYUANLU + "Z01")) {
                campus = f;
            }
        }
        var inBuilding =
                StoredGeometry.parse(building.path("geometry").toString()).getInteriorPoint();
        JsonNode at = getJson("/api/v1/territory/locate?lat=" + inBuilding.getY() + "&lng=" + inBuilding.getX());
        assertThat(at.path("building").path("code").asString()).isEqualTo(ERLIZHUANG + "001001001");
        assertThat(at.path("compound").path("code").asString()).isEqualTo(ERLIZHUANG + "001001");
        assertThat(at.path("block").path("code").asString()).isEqualTo(XUEYUANLU + "B02");

        var inCampus = StoredGeometry.parse(campus.path("geometry").toString()).getInteriorPoint();
        JsonNode there = getJson("/api/v1/territory/locate?lat=" + inCampus.getY() + "&lng=" + inCampus.getX());
        assertThat(there.path("zones").findValuesAsString("name")).containsExactly("北京科技大学");
    }

    @Test
    void locate_outside_every_unit_is_a_404_problem_and_a_bad_coordinate_names_its_field() throws Exception {
        var outside = mvc.perform(get("/api/v1/territory/locate?lat=35.0&lng=100.0"))
                .andReturn()
                .getResponse();
        assertThat(outside.getStatus()).isEqualTo(404);
        assertThat(outside.getContentType()).startsWith("application/problem+json");
        assertThat(json.readTree(outside.getContentAsString()).path("code").asString())
                .isEqualTo("territory.locate.outside");

        var bad = mvc.perform(get("/api/v1/territory/locate?lat=91&lng=116").header("Accept-Language", "en"))
                .andReturn()
                .getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        JsonNode problem = json.readTree(bad.getContentAsString());
        assertThat(problem.path("errors").get(0).path("location").asString()).isEqualTo("lat");
        assertThat(problem.path("detail").asString()).contains("nothing was changed");

        var notNumber = mvc.perform(get("/api/v1/territory/locate?lat=north&lng=116"))
                .andReturn()
                .getResponse();
        assertThat(notNumber.getStatus()).isEqualTo(400);
        assertThat(json.readTree(notNumber.getContentAsString())
                        .path("errors")
                        .get(0)
                        .path("location")
                        .asString())
                .isEqualTo("lat");
    }

    @Test
    void an_export_imported_again_changes_nothing_and_exports_the_same() throws Exception {
        JsonNode first = getJson("/api/v1/territory/export?root=" + XUEYUANLU);
        var r = importing(first.toString());
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        JsonNode outcome = json.readTree(r.getContentAsString());
        assertThat(outcome.path("created").asInt()).isZero();
        assertThat(outcome.path("updated").asInt()).isZero();
        assertThat(outcome.path("unchanged").asInt())
                .isEqualTo(first.path("features").size());
        assertThat(getJson("/api/v1/territory/export?root=" + XUEYUANLU)).isEqualTo(first);
    }

    @Test
    void an_export_imported_as_a_new_territory_keeps_every_field() throws Exception {
        // 东直门 copied into a new district (朝阳 110105) one degree further east: every code is renamed, nothing else.
        JsonNode source = getJson("/api/v1/territory/export?root=110101");
        String copy = source.toString().replace("\"110101", "\"110105");
        ObjectNode shifted = (ObjectNode) json.readTree(copy);
        for (JsonNode f : shifted.path("features")) {
            shift(f.path("geometry"));
            ObjectNode p = (ObjectNode) f.path("properties");
            p.remove("version");
        }
        var r = importing(shifted.toString());
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        assertThat(json.readTree(r.getContentAsString()).path("created").asInt())
                .isEqualTo(source.path("features").size());

        JsonNode exported = getJson("/api/v1/territory/export?root=110105");
        assertThat(exported.path("features").size())
                .isEqualTo(source.path("features").size());
        for (int i = 0; i < source.path("features").size(); i++) {
            ObjectNode expected = (ObjectNode) shifted.path("features").get(i).deepCopy();
            ObjectNode actual = (ObjectNode) exported.path("features").get(i).deepCopy();
            ((ObjectNode) actual.path("properties")).remove("version");
            ((ObjectNode) expected.path("properties")).remove("areaSquareMetres");
            ((ObjectNode) actual.path("properties")).remove("areaSquareMetres");
            assertThat(actual).isEqualTo(expected);
        }
        JsonNode at = getJson("/api/v1/territory/locate?lat=39.94&lng=117.43");
        assertThat(at.path("subdistrict").path("code").asString()).isEqualTo("110105008");
    }

    private static void shift(JsonNode node) {
        if (node.isArray() && node.size() >= 2 && node.get(0).isNumber()) {
            ((ArrayNode) node).set(0, node.get(0).doubleValue() + 1);
            return;
        }
        for (JsonNode child : node.isObject() ? List.of(node.path("coordinates")) : toList(node)) {
            shift(child);
        }
    }

    private static List<JsonNode> toList(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        node.forEach(list::add);
        return list;
    }

    // ---- bad input: refused with a named problem, and nothing written ----

    record Snapshot(long units, long overlays, long revision) {}

    Snapshot snapshot() {
        return new Snapshot(
                jdbc.sql("select count(*) from territory.unit")
                        .query(Long.class)
                        .single(),
                jdbc.sql("select count(*) from territory.overlay_feature")
                        .query(Long.class)
                        .single(),
                jdbc.sql("select value from territory.revision")
                        .query(Long.class)
                        .single());
    }

    JsonNode refused(String body, int status) throws Exception {
        Snapshot before = snapshot();
        var r = importing(body);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
        assertThat(r.getContentType()).startsWith("application/problem+json");
        assertThat(snapshot()).isEqualTo(before);
        return json.readTree(r.getContentAsString());
    }

    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    static String unit(String kind, String code, String parent, String geometry) {
        return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":{\"kind\":\"" + kind
                + "\",\"code\":\"" + code + "\",\"name\":\"测试" + code + "\""
                + (parent == null ? "" : ",\"parentCode\":\"" + parent + "\"") + "}}";
    }

    static String square(double lng, double lat, double size) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + lng + "," + lat + "],[" + (lng + size) + "," + lat + "],["
                + (lng + size) + "," + (lat + size) + "],[" + lng + "," + (lat + size) + "],[" + lng + "," + lat
                + "]]]}";
    }

    /** A point well inside grid 001 of 二里庄. */
    double[] insideErlizhuangGrid() throws Exception {
        for (JsonNode f : getJson("/api/v1/territory/export?root=" + ERLIZHUANG).path("features")) {
            if (f.path("properties").path("code").asString().equals(ERLIZHUANG + "002")) {
                var p = StoredGeometry.parse(f.path("geometry").toString()).getInteriorPoint();
                return new double[] {p.getX(), p.getY()};
            }
        }
        throw new AssertionError("grid 002 of 二里庄 not found");
    }

    static List<String> codes(JsonNode problem) {
        return problem.path("errors").findValuesAsString("code");
    }

    @Test
    void malformed_json_and_a_non_collection_are_refused() throws Exception {
        assertThat(refused("{\"type\":", 400).path("code").asString()).isEqualTo("request.malformed");
        JsonNode p = refused("{\"type\":\"Feature\"}", 422);
        assertThat(p.path("code").asString()).isEqualTo("territory.import.invalid");
        assertThat(codes(p)).containsExactly("geojson.collection-type");
    }

    @Test
    void a_self_intersecting_boundary_is_refused() throws Exception {
        String bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[[116.30,39.98],[116.31,39.99],[116.31,39.98],"
                + "[116.30,39.99],[116.30,39.98]]]}";
        JsonNode p = refused(collection(unit("GRID", ERLIZHUANG + "090", ERLIZHUANG, bowTie)), 422);
        assertThat(codes(p)).containsExactly("geometry.invalid");
        assertThat(p.path("errors").get(0).path("location").asString()).isEqualTo("features[0].geometry");
    }

    @Test
    void a_grid_overlapping_its_sibling_is_refused() throws Exception {
        double[] at = insideErlizhuangGrid();
        JsonNode p =
                refused(collection(unit("GRID", ERLIZHUANG + "091", ERLIZHUANG, square(at[0], at[1], 0.0003))), 422);
        assertThat(codes(p)).containsExactly("territory.boundary.overlap");
        assertThat(p.path("errors").get(0).path("message").asString()).contains(ERLIZHUANG + "002");
    }

    @Test
    void a_child_outside_its_parent_is_refused() throws Exception {
        JsonNode p = refused(collection(unit("GRID", ERLIZHUANG + "092", ERLIZHUANG, square(121.5, 31.3, 0.001))), 422);
        assertThat(codes(p)).containsExactly("territory.boundary.outside-parent");
    }

    @Test
    void an_unknown_parent_a_cycle_and_a_wrong_parent_kind_are_refused() throws Exception {
        assertThat(codes(refused(collection(unit("GRID", "110108010077001", "110108010077", "null")), 422)))
                .containsExactly("territory.parent.unknown");
        JsonNode cycle = refused(
                collection(
                        unit("BLOCK", "110108010B50", "110108010051", "null"),
                        unit("COMMUNITY", "110108010051", "110108010B50", "null")),
                422);
        assertThat(codes(cycle)).containsExactly("territory.parent.cycle", "territory.parent.cycle");
        assertThat(codes(refused(collection(unit("GRID", "110108010B01001", "110108010B01", "null")), 422)))
                .containsExactly("territory.parent.kind");
    }

    @Test
    void duplicate_and_malformed_codes_and_a_kind_change_are_refused() throws Exception {
        JsonNode duplicate = refused(
                collection(
                        unit("GRID", ERLIZHUANG + "093", ERLIZHUANG, "null"),
                        unit("GRID", ERLIZHUANG + "093", ERLIZHUANG, "null")),
                422);
        assertThat(codes(duplicate)).containsExactly("territory.code.duplicate-in-file");
        assertThat(duplicate.path("errors").get(0).path("location").asString())
                .isEqualTo("features[1].properties.code");
        assertThat(codes(refused(collection(unit("GRID", "110101008001094", ERLIZHUANG, "null")), 422)))
                .containsExactly("territory.code.prefix");
        assertThat(codes(refused(collection(unit("BLOCK", ERLIZHUANG, XUEYUANLU, "null")), 422)))
                .containsExactly("territory.kind-change");
    }

    @Test
    void one_bad_feature_keeps_the_good_ones_out_too_and_every_bad_one_is_named() throws Exception {
        JsonNode p = refused(
                collection(
                        unit("GRID", "110108010005095", ERLIZHUANG, "null"),
                        unit("GRID", "110108010005096", "999999", "null"),
                        unit("NOT_A_KIND", "x", ERLIZHUANG, "null")),
                422);
        assertThat(p.path("errors").findValuesAsString("location"))
                .containsExactlyInAnyOrder("features[2].properties.kind", "features[1].properties.parentCode");
        assertThat(mvc.perform(get("/api/v1/territory/units/110108010005095"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void a_unit_is_registered_then_revised_and_a_stale_edit_is_a_conflict() throws Exception {
        String district = unit("DISTRICT", "110106", null, "null");
        var created = mvc.perform(post("/api/v1/territory/units")
                        .with(Staff.sysAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(district))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        String etag = created.getHeader("ETag");

        var again = mvc.perform(post("/api/v1/territory/units")
                        .with(Staff.sysAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(district))
                .andReturn()
                .getResponse();
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(json.readTree(again.getContentAsString()).path("code").asString())
                .isEqualTo("territory.code.exists");

        String renamed = district.replace("测试110106", "北京市丰台区");
        var revised = mvc.perform(put("/api/v1/territory/units/110106")
                        .with(Staff.sysAdmin())
                        .header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(renamed))
                .andReturn()
                .getResponse();
        assertThat(revised.getStatus()).as(revised.getContentAsString()).isEqualTo(200);
        assertThat(json.readTree(revised.getContentAsString()).path("name").asString())
                .isEqualTo("北京市丰台区");

        var stale = mvc.perform(put("/api/v1/territory/units/110106")
                        .with(Staff.sysAdmin())
                        .header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(district))
                .andReturn()
                .getResponse();
        // RFC 9110 §13.1.1: a stale If-Match is a failed precondition.
        assertThat(stale.getStatus()).isEqualTo(412);
        assertThat(json.readTree(stale.getContentAsString()).path("code").asString())
                .isEqualTo("territory.version.stale");

        JsonNode detail = getJson("/api/v1/territory/units/110106");
        assertThat(detail.path("unit").path("name").asString()).isEqualTo("北京市丰台区");
        assertThat(detail.path("formerNames").findValuesAsString("name")).containsExactly("测试110106");
    }

    @Test
    void a_new_unit_is_found_by_locate_right_after_its_import() throws Exception {
        String subdistrict = unit("SUBDISTRICT", "110106001", "110106", square(116.28, 39.85, 0.01));
        String districtFeature = unit("DISTRICT", "110106", null, "null");
        // The district may exist already (another test registers it); importing it unchanged is harmless.
        var r = importing(collection(districtFeature.replace("测试110106", "北京市丰台区"), subdistrict));
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        JsonNode at = getJson("/api/v1/territory/locate?lat=39.855&lng=116.285");
        assertThat(at.path("subdistrict").path("code").asString()).isEqualTo("110106001");
    }
}
