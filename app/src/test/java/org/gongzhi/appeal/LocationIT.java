package org.gongzhi.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import java.util.Set;
import org.gongzhi.identity.Role;
import org.gongzhi.support.AppealTest;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where an appeal is: address text to candidates the operator confirms, a map point to the nearest 街巷 within the
 * configured distance, a street alone to its 街道, and unknown or mismatched streets refused with nothing written.
 */
@PlatformTest
class LocationIT extends AppealTest {

    static final String XUEYUAN_ROAD = "110108010S001";

    static Map<String, Object> walkIn(String content) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("channel", "WALK_IN");
        m.put("type", "COMPLAINT");
        m.put("categoryCode", "E0504");
        m.put("content", content);
        return m;
    }

    @Test
    void an_address_names_its_building_first_and_the_street_candidate_carries_its_subdistrict() throws Exception {
        JsonNode found = calls.read(calls.send(
                post("/api/v1/territory/address-candidates"), dispatcher(), Map.of("text", "北京市海淀区学院路街道二里庄一区三号楼2单元")));
        assertThat(found.get(0).path("kind").asString()).isEqualTo("BUILDING");
        assertThat(found.get(0).path("name").asString()).isEqualTo("3号楼");
        assertThat(found.get(0).path("path").toString()).contains("二里庄社区", "二里庄一区");
        assertThat(found.get(0).path("unitCode").asString())
                .isEqualTo(found.get(0).path("code").asString());

        JsonNode street = calls.read(
                calls.send(post("/api/v1/territory/address-candidates"), dispatcher(), Map.of("text", "二里庄胡同东口")));
        assertThat(street.get(0).path("kind").asString()).isEqualTo("ALLEY");
        assertThat(street.get(0).path("streetCode").asString())
                .isEqualTo(street.get(0).path("code").asString());
        assertThat(street.get(0).path("unitCode").asString()).isEqualTo(XUEYUANLU);

        // Community staff find places in their own 社区 only.
        RequestPostProcessor worker = Staff.as(
                "erlizhuang.worker",
                Set.of(territory.requireByCode(ERLIZHUANG).id().value()),
                Role.COMMUNITY_WORKER);
        JsonNode own = calls.read(
                calls.send(post("/api/v1/territory/address-candidates"), worker, Map.of("text", "二里庄二区3号楼")));
        assertThat(own.get(0).path("path").toString()).contains("二里庄二区");
        JsonNode elsewhere =
                calls.read(calls.send(post("/api/v1/territory/address-candidates"), worker, Map.of("text", "石油大院社区")));
        assertThat(elsewhere.toString()).doesNotContain("石油大院");

        var tooLong =
                calls.send(post("/api/v1/territory/address-candidates"), dispatcher(), Map.of("text", "路".repeat(201)));
        assertThat(tooLong.getStatus()).isEqualTo(400);
        assertThat(tooLong.getContentAsString()).contains("\"text\"");
    }

    @Test
    void a_point_near_a_street_records_that_street_and_one_far_from_every_street_none() throws Exception {
        double[] near = offStreet(XUEYUAN_ROAD, 0.7, 20);
        Map<String, Object> body = walkIn("学院路人行道上共享单车堆放");
        body.put("latitude", near[0]);
        body.put("longitude", near[1]);
        JsonNode on = calls.read(calls.send(post("/api/v1/appeals"), dispatcher(), body))
                .path("appeal");
        assertThat(on.path("streetName").asString()).isEqualTo("学院路");
        assertThat(on.path("subdistrict").path("name").asString()).isEqualTo("学院路街道");

        double[] far = offStreet(XUEYUAN_ROAD, 0.7, 120);
        body.put("latitude", far[0]);
        body.put("longitude", far[1]);
        JsonNode off = calls.read(calls.send(post("/api/v1/appeals"), dispatcher(), body))
                .path("appeal");
        assertThat(off.path("streetName").isNull()).isTrue();
    }

    @Test
    void a_street_alone_places_the_appeal_in_its_subdistrict() throws Exception {
        Map<String, Object> body = walkIn("成府路路灯不亮");
        body.put("streetCode", "110108010S002");
        JsonNode appeal = calls.read(calls.send(post("/api/v1/appeals"), dispatcher(), body))
                .path("appeal");
        assertThat(appeal.path("streetName").asString()).isEqualTo("成府路");
        assertThat(appeal.path("subdistrict").path("name").asString()).isEqualTo("学院路街道");
        assertThat(appeal.path("coordination").asBoolean()).isFalse();
    }

    @Test
    void an_unknown_street_or_one_of_another_subdistrict_is_refused_and_nothing_is_written() throws Exception {
        long before = count("appeal.appeal");
        Map<String, Object> unknown = walkIn("路面坑洼");
        unknown.put("streetCode", "110108010S999");
        var r = calls.send(post("/api/v1/appeals"), dispatcher(), unknown);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(400);
        assertThat(r.getContentAsString()).contains("streetCode", "110108010S999");

        Map<String, Object> elsewhere = walkIn("路面坑洼");
        elsewhere.put("unitCode", ERLIZHUANG);
        elsewhere.put(
                "streetCode",
                territory.overlays("110101008").stream()
                        .filter(o -> o.layer().equals("STREET"))
                        .findFirst()
                        .orElseThrow()
                        .code());
        var r2 = calls.send(post("/api/v1/appeals"), dispatcher(), elsewhere);
        assertThat(r2.getStatus()).as(r2.getContentAsString()).isEqualTo(400);
        assertThat(r2.getContentAsString()).contains("streetCode");
        assertThat(count("appeal.appeal")).isEqualTo(before);
    }

    @Test
    void the_form_says_beside_the_street_why_it_was_refused() throws Exception {
        var page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/appeals")
                        .with(dispatcher())
                        .param("channel", "WALK_IN")
                        .param("type", "COMPLAINT")
                        .param("content", "路面坑洼")
                        .param("streetCode", "110108010S999")
                        .param("streetName", "不存在的路"))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(page.getContentAsString())
                .contains("class=\"picked-street invalid\"")
                .contains("没有编码为 110108010S999 的街巷。");
    }

    /**
     * A point {@code metres} east of the street, at {@code share} of the way along its first segment (WGS84 degrees,
     * latitude first).
     */
    double[] offStreet(String code, double share, double metres) {
        String geometry = jdbc.sql("select geometry from territory.overlay_feature where code = :code")
                .param("code", code)
                .query(String.class)
                .single();
        JsonNode c = JsonMapper.shared().readTree(geometry).path("coordinates");
        double lng = c.get(0).get(0).asDouble()
                + share * (c.get(1).get(0).asDouble() - c.get(0).get(0).asDouble());
        double lat = c.get(0).get(1).asDouble()
                + share * (c.get(1).get(1).asDouble() - c.get(0).get(1).asDouble());
        double metresPerDegree = org.gongzhi.shared.GreatCircle.METRES_PER_DEGREE * Math.cos(Math.toRadians(lat));
        return new double[] {lat, lng + metres / metresPerDegree};
    }
}
