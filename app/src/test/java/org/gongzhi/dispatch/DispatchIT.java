package org.gongzhi.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.identity.Role;
import org.gongzhi.support.AppealCalls;
import org.gongzhi.support.AppealTest;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.gongzhi.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dispatch directory (most specific rule wins, 直派 to a 街道 copies the district, no rule → the coordination queue)
 * and the clocks: a passed deadline raises exactly one 督办, a met or moved one none.
 */
@PlatformTest
class DispatchIT extends AppealTest {

    @Test
    void the_directory_is_staff_reading() throws Exception {
        String path = "/api/v1/dispatch-rules/preview?category=E0504&unit=" + ERLIZHUANG;
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/api/v1/dispatch-rules"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
        // A signed-in account without a staff role (a resident) is refused by the directory itself.
        var nobody = org.gongzhi.support.Staff.as("no-role");
        assertThat(calls.send(get(path), nobody, null).getStatus()).isEqualTo(403);
        assertThat(calls.send(get(path), dispatcher(), null).getStatus()).isEqualTo(200);
    }

    JsonNode preview(String category, String unit) throws Exception {
        var r = calls.send(
                get("/api/v1/dispatch-rules/preview?category=" + category + "&unit=" + unit), dispatcher(), null);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return calls.read(r);
    }

    @Test
    void the_deepest_unit_wins_then_the_most_specific_category() throws Exception {
        // 小类 rule on the 街道 beats the 大类 rule on the 街道.
        assertThat(preview("E0504", ERLIZHUANG).path("lead").path("name").asString())
                .isEqualTo("海淀交通支队学院路大队");
        // 大类 rule beats the rule for every category.
        assertThat(preview("E0501", ERLIZHUANG).path("lead").path("name").asString())
                .isEqualTo("海淀区城市管理综合行政执法局学院路执法队");
        // The 社区's own rule beats every rule on the 街道 above it.
        assertThat(preview("L0102", ERLIZHUANG).path("lead").path("name").asString())
                .isEqualTo("二里庄社区居委会");
        JsonNode property = preview("L0104", ERLIZHUANG);
        assertThat(property.path("lead").path("name").asString()).isEqualTo("二里庄示例物业服务有限公司");
        assertThat(property.path("coHandlers").get(0).path("name").asString()).isEqualTo("二里庄社区居委会");
        // Nothing more specific: straight to the 街道办事处, which copies the district.
        JsonNode fallback = preview("C0112", ERLIZHUANG);
        assertThat(fallback.path("lead").path("name").asString()).isEqualTo("学院路街道办事处");
        assertThat(fallback.path("copied").path("name").asString()).isEqualTo("北京市海淀区");
        assertThat(fallback.path("place").get(0).path("name").asString()).isEqualTo("北京市海淀区");
    }

    Map<String, Object> hotline(String category) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", "HOTLINE");
        m.put("type", "COMPLAINT");
        m.put("categoryCode", category);
        m.put("content", "测试派单目录");
        m.put("unitCode", ERLIZHUANG);
        m.put("reporterPhone", "13800138000");
        m.put(
                "workOrderNumber",
                "D" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        return m;
    }

    String registered(Map<String, Object> body) throws Exception {
        var r = calls.send(post("/api/v1/appeals"), dispatcher(), body);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return calls.read(r).path("appeal").path("id").asString();
    }

    @Test
    void a_dispatch_without_a_unit_follows_the_directory_and_records_the_rule() throws Exception {
        String id = registered(hotline("E0504"));
        assertThat(calls.act(id, "accept", dispatcher(), Map.of()).getStatus()).isEqualTo(200);
        var dispatched = calls.act(id, "dispatch", dispatcher(), Map.of());
        assertThat(dispatched.getStatus()).as(dispatched.getContentAsString()).isEqualTo(200);
        assertThat(calls.read(dispatched).path("handler").path("name").asString())
                .isEqualTo("海淀交通支队学院路大队");
        JsonNode timeline = calls.read(calls.send(get("/api/v1/appeals/" + id + "/timeline"), dispatcher(), null));
        assertThat(timeline.get(2).path("details").path("rule").asString()).isNotBlank();

        String toStreet = registered(hotline("C0112"));
        calls.act(toStreet, "accept", dispatcher(), Map.of());
        calls.act(toStreet, "dispatch", dispatcher(), Map.of());
        JsonNode steps = calls.read(calls.send(get("/api/v1/appeals/" + toStreet + "/timeline"), dispatcher(), null));
        assertThat(steps.get(2).path("details").path("copiedDistrict").asString())
                .isEqualTo(territory.requireByCode("110108").id().value().toString());
    }

    @Test
    void an_appeal_nobody_can_place_waits_in_the_coordination_queue() throws Exception {
        Map<String, Object> body = hotline("E0504");
        body.remove("unitCode");
        String id = registered(body);
        calls.act(id, "accept", dispatcher(), Map.of());
        JsonNode queued = calls.read(calls.send(get("/api/v1/appeals/" + id), dispatcher(), null));
        assertThat(queued.path("coordination").asBoolean()).isTrue();
        // The street that took it sees it, and the directory cannot route what has no place.
        var noRoute = calls.act(id, "dispatch", dispatcher(), Map.of());
        assertThat(noRoute.getStatus()).as(noRoute.getContentAsString()).isEqualTo(422);
        // Its dispatcher places it by naming the unit.
        var placed = calls.act(id, "dispatch", dispatcher(), Map.of("handlerId", calls.organisation("海淀交通支队学院路大队")));
        assertThat(placed.getStatus()).as(placed.getContentAsString()).isEqualTo(200);
        var other =
                Staff.as("dzm", Set.of(territory.requireByCode("110101008").id().value()), Role.STREET_ADMIN);
        assertThat(calls.send(get("/api/v1/appeals/" + id), other, null).getStatus())
                .isEqualTo(404);
        assertThat(calls.read(noRoute).path("code").asString()).isEqualTo("appeal.dispatch.no-route");
    }

    @Test
    void rules_are_checked_one_per_cell_and_only_in_the_editors_scope() throws Exception {
        long rules =
                jdbc.sql("select count(*) from dispatch.rule").query(Long.class).single();
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("categoryPattern", "X99");
        bad.put("unitCode", "999");
        bad.put("leadId", UUID.randomUUID());
        var refused = calls.send(post("/api/v1/dispatch-rules"), dispatcher(), bad);
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString())
                .contains("categoryPattern")
                .contains("unitCode")
                .contains("leadId");
        Map<String, Object> duplicate = new LinkedHashMap<>();
        duplicate.put("categoryPattern", "E0504");
        duplicate.put("unitCode", "110108010");
        duplicate.put("leadId", calls.organisation("海淀分局学院路派出所"));
        assertThat(calls.send(post("/api/v1/dispatch-rules"), dispatcher(), duplicate)
                        .getStatus())
                .isEqualTo(409);
        Map<String, Object> elsewhere = new LinkedHashMap<>(duplicate);
        elsewhere.put("unitCode", "110101008");
        assertThat(calls.send(post("/api/v1/dispatch-rules"), dispatcher(), elsewhere)
                        .getStatus())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from dispatch.rule")
                        .query(Long.class)
                        .single())
                .isEqualTo(rules);

        // A grid-level rule takes over its grid, and retiring it gives the place back to the rules above.
        String grid = jdbc.sql("select code from territory.unit where kind = 'GRID' and code like :c order by code"
                        + " limit 1")
                .param("c", ERLIZHUANG + "%")
                .query(String.class)
                .single();
        Map<String, Object> gridRule = new LinkedHashMap<>();
        gridRule.put("categoryPattern", "E05");
        gridRule.put("unitCode", grid);
        gridRule.put("leadId", calls.organisation("海淀分局学院路派出所"));
        var added = calls.send(post("/api/v1/dispatch-rules"), dispatcher(), gridRule);
        assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(201);
        assertThat(preview("E0504", grid).path("lead").path("name").asString()).isEqualTo("海淀分局学院路派出所");
        String ruleId = calls.read(added).path("id").asString();
        assertThat(calls.send(delete("/api/v1/dispatch-rules/" + ruleId), dispatcher(), null)
                        .getStatus())
                .isEqualTo(204);
        assertThat(preview("E0504", grid).path("lead").path("name").asString()).isEqualTo("海淀交通支队学院路大队");
        assertThat(calls.send(delete("/api/v1/dispatch-rules/" + ruleId), dispatcher(), null)
                        .getStatus())
                .isEqualTo(404);
    }

    long supervisions(String appeal, String kind) {
        return jdbc.sql("select count(*) from dispatch.supervision where appeal_id = :id and kind = :kind")
                .param("id", UUID.fromString(appeal))
                .param("kind", kind)
                .query(Long.class)
                .single();
    }

    /**
     * Time passes for the platform (its clock) and for the timers (they run on the system clock, so their times in the
     * table move back by as much).
     */
    void passes(Duration time) {
        TestClock.advance(time);
        jdbc.sql("update platform.scheduled_tasks set execution_time = execution_time - make_interval(secs => :s)"
                        + " where not picked")
                .param("s", (double) time.toSeconds())
                .update();
    }

    /** The deadlines of the overdue notices about {@code appeal} in the inbox of {@code who}. */
    List<String> overdue(org.springframework.test.web.servlet.request.RequestPostProcessor who, String appeal) {
        try {
            List<String> deadlines = new java.util.ArrayList<>();
            for (JsonNode n : calls.read(calls.send(get("/api/v1/inbox?limit=200"), who, null))
                    .path("notices")) {
                if (n.path("appealId").asString().equals(appeal)
                        && n.path("kind").asString().equals("OVERDUE")) {
                    assertThat(n.path("due").asString()).isNotEmpty();
                    deadlines.add(n.path("deadline").asString());
                }
            }
            return deadlines;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_passed_deadline_raises_one_supervision_and_a_met_one_none() throws Exception {
        String late = registered(hotline("E0504"));
        calls.act(late, "accept", dispatcher(), Map.of());
        calls.act(late, "dispatch", dispatcher(), Map.of());
        String prompt = registered(hotline("E0504"));
        calls.act(prompt, "accept", dispatcher(), Map.of());
        calls.act(prompt, "dispatch", dispatcher(), Map.of());
        var traffic = Staff.ofOrganisation("traffic", calls.organisation("海淀交通支队学院路大队"), Role.DEPARTMENT_STAFF);
        assertThat(calls.act(prompt, "sign", traffic, null).getStatus()).isEqualTo(200);
        assertThat(calls.act(prompt, "response", traffic, Map.of("note", "已联系")).getStatus())
                .isEqualTo(200);

        // Three hours later the 2-hour response limit has passed for the first, not for the second.
        passes(Duration.ofHours(3));
        AppealCalls.await("response supervision", () -> supervisions(late, "RESPONSE") == 1);
        Thread.sleep(1000);
        assertThat(supervisions(late, "RESPONSE")).isEqualTo(1);
        assertThat(supervisions(prompt, "RESPONSE")).isZero();
        assertThat(supervisions(late, "RESOLUTION")).isZero();

        // Past the 7-工作日 resolution limit: both are overdue, once each. (The platform's clock moves too: the
        // 80 % warning, firing this late, must not say "due soon" of a deadline already gone.)
        org.gongzhi.support.TestClock.advance(Duration.ofDays(20));
        try {
            pastTheResolutionLimit(late, prompt, traffic);
        } finally {
            org.gongzhi.support.TestClock.reset();
        }
    }

    void pastTheResolutionLimit(
            String late, String prompt, org.springframework.test.web.servlet.request.RequestPostProcessor traffic)
            throws Exception {
        passes(Duration.ofDays(20));
        AppealCalls.await(
                "resolution supervisions",
                () -> supervisions(late, "RESOLUTION") == 1 && supervisions(prompt, "RESOLUTION") == 1);
        Thread.sleep(1000);
        assertThat(supervisions(late, "RESOLUTION")).isEqualTo(1);
        assertThat(supervisions(late, "RESPONSE")).isEqualTo(1);
        JsonNode list = calls.read(calls.send(get("/api/v1/supervisions"), dispatcher(), null));
        assertThat(list.toString()).contains(late).contains("RESOLUTION");
        // The unit's inbox tells the two overdue notices apart by the deadline each is about.
        AppealCalls.await("overdue notices", () -> overdue(traffic, late).size() == 2);
        assertThat(overdue(traffic, late)).containsExactlyInAnyOrder("RESPONSE", "RESOLUTION");
        Thread.sleep(1000);
        assertThat(jdbc.sql("select count(*) from notification.notice where kind = 'DUE_SOON' and appeal_id = :id")
                        .param("id", java.util.UUID.fromString(late))
                        .query(Long.class)
                        .single())
                .as("no 'due soon' after the deadline")
                .isZero();
        // Another street sees none of them.
        var other =
                Staff.as("dzm", Set.of(territory.requireByCode("110101008").id().value()), Role.STREET_ADMIN);
        assertThat(calls.read(calls.send(get("/api/v1/supervisions"), other, null))
                        .toString())
                .doesNotContain(late);
    }
}
