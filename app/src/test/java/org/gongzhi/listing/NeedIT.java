package org.gongzhi.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.identity.Role;
import org.gongzhi.support.AppealCalls;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.gongzhi.territory.TerritoryQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * The 需求清单: staff record needs for their places and units, bad input is refused beside the field with nothing
 * written, an appeal converts into a need once (清单诉) and both keep the link, statuses move only as allowed, and a
 * 街道 adds its own categories beside seed 000's six.
 */
@PlatformTest
class NeedIT {

    static final String ERLIZHUANG = "110108010005";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TerritoryQueries territory;

    AppealCalls calls;
    UUID xueyuanlu;
    UUID erlizhuang;
    RequestPostProcessor community;

    @BeforeEach
    void setUp() {
        calls = new AppealCalls(mvc, jdbc, Staff.sysAdmin());
        xueyuanlu = territory.requireByCode("110108010").id().value();
        erlizhuang = territory.requireByCode(ERLIZHUANG).id().value();
        community = Staff.as("erlizhuang-worker", Set.of(erlizhuang), Role.COMMUNITY_WORKER);
    }

    Map<String, Object> need(UUID unit) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", "老旧小区加装电梯");
        m.put("description", "二里庄 12 号楼老人上下楼困难，希望加装电梯。");
        m.put("categoryCode", "ASSISTANCE");
        m.put("source", "VISIT");
        m.put("requesterKind", "COMMUNITY");
        m.put("unitId", unit.toString());
        m.put("beneficiaries", "12 号楼 60 岁以上老人");
        m.put("beneficiaryCount", 46);
        m.put("priority", "HIGH");
        return m;
    }

    long needs() {
        return jdbc.sql("select count(*) from listing.need").query(Long.class).single();
    }

    JsonNode ok(MockHttpServletResponse r, int status) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
        return calls.read(r);
    }

    @Test
    void a_community_records_a_need_of_its_place_and_bad_input_changes_nothing() throws Exception {
        JsonNode n = ok(calls.send(post("/api/v1/needs"), community, need(erlizhuang)), 201);
        assertThat(n.path("status").asString()).isEqualTo("OPEN");
        assertThat(n.path("categoryName").asString()).isEqualTo("扶贫帮困");
        assertThat(n.path("requesterName").asString())
                .isEqualTo(n.path("placeName").asString());
        assertThat(n.path("subdistrictId").asString()).isEqualTo(xueyuanlu.toString());

        // Numbers typed into a need are kept masked: the whole 街道 reads it.
        Map<String, Object> typed = need(erlizhuang);
        typed.put("description", "联系人电话 13912345678，身份证 110101195001011234");
        JsonNode m = ok(calls.send(post("/api/v1/needs"), community, typed), 201);
        assertThat(m.path("description").asString())
                .doesNotContain("13912345678")
                .doesNotContain("110101195001011234")
                .contains("139****5678");

        long before = needs();
        UUID elsewhere = territory.requireByCode("110101008").id().value();
        assertThat(calls.send(post("/api/v1/needs"), community, need(elsewhere)).getStatus())
                .isEqualTo(403);
        Map<String, Object> bad = need(erlizhuang);
        bad.put("categoryCode", "NO_SUCH");
        bad.put("beneficiaryCount", -1);
        bad.put("title", "");
        JsonNode e = ok(calls.send(post("/api/v1/needs"), community, bad), 400);
        assertThat(e.path("errors").toString())
                .contains("categoryCode")
                .contains("beneficiaryCount")
                .contains("\"title\"");
        Map<String, Object> posing = need(erlizhuang);
        posing.put("source", "APPEAL");
        assertThat(calls.send(post("/api/v1/needs"), community, posing).getStatus())
                .isEqualTo(400);
        Map<String, Object> unit = need(erlizhuang);
        unit.put("requesterKind", "UNIT");
        e = ok(calls.send(post("/api/v1/needs"), community, unit), 400);
        assertThat(e.path("errors").toString()).contains("requesterOrganisationId");
        assertThat(needs()).isEqualTo(before);

        // Another 街道 neither reads it nor finds it in its list.
        var outsider = Staff.streetAdmin(elsewhere);
        assertThat(calls.send(get("/api/v1/needs/" + n.path("id").asString()), outsider, null)
                        .getStatus())
                .isEqualTo(404);
        // The universities of 学院路 read it: the lists are shared across the 街道.
        var liaison = Staff.ofOrganisation("ustb", calls.organisation("北京科技大学"), Role.UNIT_LIAISON);
        ok(calls.send(get("/api/v1/needs/" + n.path("id").asString()), liaison, null), 200);
    }

    @Test
    void a_unit_records_its_own_need_and_not_another_units() throws Exception {
        UUID ustb = calls.organisation("北京科技大学");
        var liaison = Staff.ofOrganisation("ustb-liaison", ustb, Role.UNIT_LIAISON);
        Map<String, Object> own = need(erlizhuang);
        own.put("requesterKind", "UNIT");
        own.put("requesterOrganisationId", ustb.toString());
        own.remove("unitId");
        own.put("categoryCode", "EDUCATION_HEALTH");
        JsonNode n = ok(calls.send(post("/api/v1/needs"), liaison, own), 201);
        assertThat(n.path("requesterName").asString()).isEqualTo("北京科技大学");
        Map<String, Object> other = new HashMap<>(own);
        other.put("requesterOrganisationId", calls.organisation("北京语言大学").toString());
        assertThat(calls.send(post("/api/v1/needs"), liaison, other).getStatus())
                .isEqualTo(403);
    }

    String appealIn(String content) throws Exception {
        var r = calls.send(
                post("/api/v1/appeals"),
                Staff.streetAdmin(xueyuanlu),
                Map.of(
                        "channel", "HOTLINE",
                        "type", "SUGGESTION",
                        "categoryCode", "E0102",
                        "content", content,
                        "unitCode", ERLIZHUANG,
                        "reporterPhone", "13800138000",
                        "workOrderNumber",
                                "NEED-" + UUID.randomUUID().toString().substring(0, 8)));
        return ok(r, 201).path("appeal").path("trackingCode").asString();
    }

    @Test
    void an_appeal_converts_into_a_need_once_and_both_keep_the_link() throws Exception {
        String code = appealIn("建议在二里庄开设老年餐桌，我母亲行动不便，联系电话 13912345678。");
        Map<String, Object> d = new HashMap<>();
        d.put("categoryCode", "ASSISTANCE");
        d.put("beneficiaries", "行动不便的老人");
        JsonNode n = ok(calls.send(post("/api/v1/needs/from-appeal/" + code), community, d), 201);
        assertThat(n.path("source").asString()).isEqualTo("APPEAL");
        assertThat(n.path("appealCode").asString()).isEqualTo(code);
        assertThat(n.path("title").asString()).startsWith("建议在二里庄开设老年餐桌");
        assertThat(n.path("description").asString())
                .doesNotContain("13912345678")
                .contains("139****5678");
        assertThat(n.path("unitId").asString()).isEqualTo(erlizhuang.toString());
        // The appeal links back to the need, on its page.
        String appealId = n.path("appealId").asString();
        assertThat(jdbc.sql("select target from appeal.reference where appeal_id = cast(? as uuid) and kind = 'need'")
                        .param(appealId)
                        .query(String.class)
                        .single())
                .isEqualTo("/needs/" + n.path("id").asString());
        String page = calls.send(get("/appeals/" + appealId), Staff.streetAdmin(xueyuanlu), null)
                .getContentAsString();
        assertThat(page).contains("/needs/" + n.path("id").asString()).contains("需求清单");

        long before = needs();
        var again = calls.send(post("/api/v1/needs/from-appeal/" + code), community, d);
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(calls.read(again).path("code").asString()).isEqualTo("listing.need.already-converted");
        // Staff who cannot read the appeal do not learn it exists.
        UUID elsewhere = territory.requireByCode("110101008").id().value();
        String other = appealIn("建议增设社区图书角。");
        var outsider = calls.send(
                post("/api/v1/needs/from-appeal/" + other),
                Staff.as("far", Set.of(elsewhere), Role.COMMUNITY_WORKER),
                d);
        assertThat(outsider.getStatus()).isEqualTo(404);
        assertThat(needs()).isEqualTo(before);

        // A form that offers the street by default: the appeal's own 社区 is the more precise place and wins.
        String third = appealIn("建议二里庄增设老年活动室。");
        Map<String, Object> broad = new HashMap<>(d);
        broad.put("unitId", xueyuanlu.toString());
        JsonNode placed =
                ok(calls.send(post("/api/v1/needs/from-appeal/" + third), Staff.streetAdmin(xueyuanlu), broad), 201);
        assertThat(placed.path("unitId").asString()).isEqualTo(erlizhuang.toString());
    }

    @Test
    void statuses_move_only_as_allowed_with_reasons_and_the_version_read() throws Exception {
        String id = ok(calls.send(post("/api/v1/needs"), community, need(erlizhuang)), 201)
                .path("id")
                .asString();
        String status = "/api/v1/needs/" + id + "/status";
        assertThat(calls.send(post(status), community, Map.of("status", "MATCHED"))
                        .getStatus())
                .isEqualTo(428);
        ok(calls.send(post(status).header("If-Match", "\"0\""), community, Map.of("status", "MATCHED")), 200);
        assertThat(calls.send(post(status).header("If-Match", "\"0\""), community, Map.of("status", "MET"))
                        .getStatus())
                .isEqualTo(412);
        JsonNode e =
                ok(calls.send(post(status).header("If-Match", "\"1\""), community, Map.of("status", "DECLINED")), 400);
        assertThat(e.path("errors").toString()).contains("note");
        ok(
                calls.send(
                        post(status).header("If-Match", "\"1\""),
                        community,
                        Map.of("status", "DECLINED", "note", "已纳入区级适老化改造计划")),
                200);
        var skip = calls.send(post(status).header("If-Match", "\"2\""), community, Map.of("status", "MATCHED"));
        assertThat(skip.getStatus()).isEqualTo(409);
        var project = calls.send(
                post(status).header("If-Match", "\"2\""), community, Map.of("status", "IN_PROJECT", "note", "x"));
        assertThat(project.getStatus()).isEqualTo(409);
        ok(
                calls.send(
                        post(status).header("If-Match", "\"2\""),
                        community,
                        Map.of("status", "OPEN", "note", "区级计划取消，重新征集")),
                200);
        // Revising needs the version too.
        Map<String, Object> changed = need(erlizhuang);
        changed.put("priority", "LOW");
        assertThat(calls.send(put("/api/v1/needs/" + id).header("If-Match", "\"1\""), community, changed)
                        .getStatus())
                .isEqualTo(412);
        JsonNode revised =
                ok(calls.send(put("/api/v1/needs/" + id).header("If-Match", "\"3\""), community, changed), 200);
        assertThat(revised.path("priority").asString()).isEqualTo("LOW");
        assertThat(revised.path("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void a_street_adds_its_own_category_beside_the_six() throws Exception {
        String code = "PARKING_" + (System.nanoTime() % 100_000);
        assertThat(calls.send(post("/api/v1/needs/categories"), community, Map.of("code", code, "name", "停车"))
                        .getStatus())
                .isEqualTo(403);
        ok(
                calls.send(
                        post("/api/v1/needs/categories"),
                        Staff.streetAdmin(xueyuanlu),
                        Map.of("code", code, "name", "停车治理" + code)),
                201);
        JsonNode taken = ok(
                calls.send(
                        post("/api/v1/needs/categories"),
                        Staff.streetAdmin(xueyuanlu),
                        Map.of("code", code, "name", "别的名字")),
                400);
        assertThat(taken.path("errors").toString()).contains("listing.need.category.taken");
        JsonNode all = ok(calls.send(get("/api/v1/needs/categories"), community, null), 200);
        assertThat(all.get(0).path("code").asString()).isEqualTo("GOVERNANCE");
        assertThat(all.findValuesAsString("code")).contains(code).hasSizeGreaterThanOrEqualTo(7);
        Map<String, Object> n = need(erlizhuang);
        n.put("categoryCode", code);
        ok(calls.send(post("/api/v1/needs"), community, n), 201);
    }
}
