package org.gongzhi.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.gongzhi.support.AppealCalls;
import org.gongzhi.support.AppealTest;
import org.gongzhi.support.Staff;
import org.gongzhi.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Every indicator formula of docs/indicators.md against a hand-computed fixture month: ten appeals registered in
 * 学院路街道 on 2027-09-30, dispatched just before a 国庆 holiday entered for the test (10-01…10-07, make-up working
 * days 09-26 and 10-09), with a category whose response limit is 2 working hours — so the response is due on 10-08 at
 * 10:00, after the holiday, and the resolution (7 working days) on 10-15 at 17:00. One response comes a minute inside
 * the limit and one a minute outside; one answer a minute inside the resolution deadline and one a minute outside.
 * docs/indicators.md works the same month through by hand.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndicatorIT extends AppealTest {

    static final String ENFORCEMENT = "海淀区城市管理综合行政执法局学院路执法队";
    static final String POLICE = "海淀分局学院路派出所";
    static final String CATEGORY = "C0107";
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** The fixture's appeals by name, written once for the whole class. */
    static final Map<String, String> FIXTURE = new LinkedHashMap<>();

    @Autowired
    Reconciliation reconciliation;

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(BEIJING).toInstant();
    }

    JsonNode ok(MockHttpServletResponse r) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return calls.read(r);
    }

    /** Takes {@code action} on appeal {@code name} at {@code local} Beijing time. */
    JsonNode act(
            String name,
            String local,
            String action,
            org.springframework.test.web.servlet.request.RequestPostProcessor who,
            Object body)
            throws Exception {
        TestClock.freeze(at(local));
        return ok(calls.act(FIXTURE.get(name), action, who, body));
    }

    String register(String name, String type) throws Exception {
        return register(name, type, "2027-09-30T15:00");
    }

    String register(String name, String type, String local) throws Exception {
        TestClock.freeze(at(local));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", "HOTLINE");
        m.put("type", type);
        m.put("categoryCode", CATEGORY);
        m.put("content", "指标样例月：" + name + "，通信井盖破损。");
        m.put("unitCode", ERLIZHUANG);
        m.put("reporterPhone", "010-6234" + String.format("%04d", FIXTURE.size()));
        m.put(
                "workOrderNumber",
                "IND" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        var r = calls.send(post("/api/v1/appeals"), dispatcher(), m);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        String id = calls.read(r).path("appeal").path("id").asString();
        FIXTURE.put(name, id);
        return id;
    }

    /** 立案 and 派单 to {@code unit} at 16:00 on 09-30, 签收 ten minutes later. */
    void dispatched(String name, String unit) throws Exception {
        act(name, "2027-09-30T15:30", "accept", dispatcher(), Map.of("categoryCode", CATEGORY));
        JsonNode d =
                act(name, "2027-09-30T16:00", "dispatch", dispatcher(), Map.of("handlerId", calls.organisation(unit)));
        // Two working hours from 16:00 on the eve of the holiday: one hour that day, one after it.
        assertThat(Instant.parse(d.path("responseDue").asString())).isEqualTo(at("2027-10-08T10:00"));
        // Seven working days, the start day not counted: 10-08, 10-09 (made up), 10-11 … 10-15, at the close.
        assertThat(Instant.parse(d.path("resolutionDue").asString())).isEqualTo(at("2027-10-15T17:00"));
        act(name, "2027-09-30T16:10", "sign", calls.staffOf(unit), null);
    }

    void followUp(String name, String local, boolean resolved, String satisfaction) throws Exception {
        act(
                name,
                local,
                "follow-up",
                dispatcher(),
                Map.of("reached", true, "resolved", resolved, "satisfaction", satisfaction, "comment", "回访"));
    }

    @BeforeEach
    void fixtureMonth() throws Exception {
        if (!FIXTURE.isEmpty()) {
            return;
        }
        // The year's holidays, as an administrator enters them from the State Council's notice.
        var calendar = mvc.perform(post("/settings/calendar")
                        .with(Staff.sysAdmin())
                        .accept(MediaType.TEXT_HTML)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("year", "2027")
                        .param("holidays", "2027-10-01…2027-10-07")
                        .param("workdays", "2027-09-26\n2027-10-09")
                        .param("source", "指标测试用年份")
                        .param("version", "0"))
                .andReturn()
                .getResponse();
        assertThat(calendar.getStatus()).as(calendar.getContentAsString()).isIn(200, 302, 303);
        // The category answers within two working hours.
        TestClock.freeze(at("2027-09-01T09:00"));
        var current = calls.send(get("/api/v1/appeal-categories/" + CATEGORY), dispatcher(), null);
        JsonNode c = calls.read(current);
        Map<String, Object> edit = new LinkedHashMap<>();
        for (String f : List.of("name", "keywords", "filingCondition", "closingCondition", "defaultHandler")) {
            edit.put(f, c.path(f).asString());
        }
        edit.put("responseLimit", "2wh");
        edit.put("emergencyLimit", "2h");
        edit.put("ordinaryLimit", "7wd");
        edit.put("complexLimit", "15wd");
        ok(calls.send(
                put("/api/v1/appeal-categories/" + CATEGORY).header("If-Match", current.getHeader("ETag")),
                dispatcher(),
                edit));

        for (String name : List.of("A1", "A2", "A3", "A4", "A5", "A6", "A8", "A9", "A10")) {
            register(name, "COMPLAINT");
        }
        register("A7", "CONSULTATION");
        // A7: 咨询即答; A8: 作废; A9: 重复件 of A1 (all three left out by default).
        act("A7", "2027-09-30T15:05", "answer-at-intake", dispatcher(), Map.of("answer", "请拨打通信公司客服电话。"));
        act("A8", "2027-09-30T15:05", "void", dispatcher(), Map.of("reason", "测试来电"));
        act(
                "A9",
                "2027-09-30T15:05",
                "repeat-of",
                dispatcher(),
                Map.of("original", FIXTURE.get("A1"), "reason", "同一井盖"));

        // A1: responded a minute inside the limit, answered a minute inside the deadline, resolved, satisfied.
        dispatched("A1", ENFORCEMENT);
        act("A1", "2027-10-08T09:59", "response", calls.staffOf(ENFORCEMENT), Map.of("note", "已联系"));
        act("A1", "2027-10-15T16:59", "answer", calls.staffOf(ENFORCEMENT), Map.of("result", "已更换井盖"));
        followUp("A1", "2027-10-18T10:00", true, "SATISFIED");
        act("A1", "2027-10-18T11:00", "closure", dispatcher(), Map.of());
        // A2: a minute outside both; unresolved and dissatisfied, 核查 passes, closed.
        dispatched("A2", ENFORCEMENT);
        act("A2", "2027-10-08T10:01", "response", calls.staffOf(ENFORCEMENT), Map.of("note", "已联系"));
        act("A2", "2027-10-15T17:01", "answer", calls.staffOf(ENFORCEMENT), Map.of("result", "已更换井盖"));
        followUp("A2", "2027-10-18T10:00", false, "DISSATISFIED");
        act("A2", "2027-10-18T15:00", "verification", dispatcher(), Map.of("passed", true, "note", "现场已修复"));
        act("A2", "2027-10-18T16:00", "closure", dispatcher(), Map.of());
        // A3: objected and sent on to the police station (dispatched twice); basically satisfied.
        act("A3", "2027-09-30T15:30", "accept", dispatcher(), Map.of("categoryCode", CATEGORY));
        act("A3", "2027-09-30T15:40", "dispatch", dispatcher(), Map.of("handlerId", calls.organisation(ENFORCEMENT)));
        act("A3", "2027-09-30T15:50", "objection", calls.staffOf(ENFORCEMENT), Map.of("reason", "属派出所职责"));
        JsonNode re = act(
                "A3", "2027-09-30T16:00", "redispatch", dispatcher(), Map.of("handlerId", calls.organisation(POLICE)));
        assertThat(Instant.parse(re.path("responseDue").asString())).isEqualTo(at("2027-10-08T10:00"));
        act("A3", "2027-09-30T16:10", "sign", calls.staffOf(POLICE), null);
        act("A3", "2027-10-08T09:59", "response", calls.staffOf(POLICE), Map.of("note", "已联系"));
        act("A3", "2027-10-14T10:00", "answer", calls.staffOf(POLICE), Map.of("result", "已处理"));
        followUp("A3", "2027-10-15T10:00", true, "BASICALLY_SATISFIED");
        act("A3", "2027-10-15T11:00", "closure", dispatcher(), Map.of());
        // A4: an approved extension; answered after the first deadline but before the new one; reporter not reached.
        dispatched("A4", ENFORCEMENT);
        act("A4", "2027-10-08T09:59", "response", calls.staffOf(ENFORCEMENT), Map.of("note", "已联系"));
        act(
                "A4",
                "2027-10-11T10:00",
                "extension-request",
                calls.staffOf(ENFORCEMENT),
                Map.of("extension", "5wd", "reason", "需通信公司配合"));
        act("A4", "2027-10-11T11:00", "extension-decision", dispatcher(), Map.of("approved", true));
        act("A4", "2027-10-20T10:00", "answer", calls.staffOf(ENFORCEMENT), Map.of("result", "已更换井盖"));
        act("A4", "2027-10-21T10:00", "follow-up", dispatcher(), Map.of("reached", false, "comment", "电话无人接听"));
        act("A4", "2027-10-21T11:00", "closure", dispatcher(), Map.of());
        // A5: 挂账.
        dispatched("A5", ENFORCEMENT);
        act("A5", "2027-10-08T09:59", "response", calls.staffOf(ENFORCEMENT), Map.of("note", "已联系"));
        act("A5", "2027-10-11T10:00", "suspension", dispatcher(), Map.of("reason", "需纳入明年改造计划"));
        // A6: signed, never responded.
        dispatched("A6", ENFORCEMENT);
        // A10: unresolved at the first 回访, 核查 fails (返工), answered again, resolved and satisfied.
        dispatched("A10", ENFORCEMENT);
        act("A10", "2027-10-08T09:59", "response", calls.staffOf(ENFORCEMENT), Map.of("note", "已联系"));
        act("A10", "2027-10-12T10:00", "answer", calls.staffOf(ENFORCEMENT), Map.of("result", "已修复"));
        followUp("A10", "2027-10-13T10:00", false, "DISSATISFIED");
        act("A10", "2027-10-13T15:00", "verification", dispatcher(), Map.of("passed", false, "note", "井盖仍松动"));
        act("A10", "2027-10-14T10:00", "answer", calls.staffOf(ENFORCEMENT), Map.of("result", "已重新安装"));
        followUp("A10", "2027-10-15T10:00", true, "SATISFIED");
        act("A10", "2027-10-15T11:00", "closure", dispatcher(), Map.of());
        TestClock.freeze(at("2027-10-25T10:00"));
        awaitFacts();
    }

    /** Waits until every fixture appeal's row of facts is of its current version (the events' listener ran). */
    void awaitFacts() throws InterruptedException {
        AppealCalls.await(
                "the facts follow the events",
                () -> jdbc.sql("""
                        select count(*) from appeal.appeal a join indicator.appeal_fact f on f.appeal_id = a.id
                         where a.id = any(:ids) and f.source_version = a.version""")
                                .param(
                                        "ids",
                                        FIXTURE.values().stream()
                                                .map(UUID::fromString)
                                                .toArray(UUID[]::new))
                                .query(Long.class)
                                .single()
                        == FIXTURE.size());
    }

    JsonNode scorecard(String query) throws Exception {
        TestClock.freeze(at("2027-10-25T10:00"));
        return ok(calls.send(get("/api/v1/indicators?month=2027-09&" + query), dispatcher(), null));
    }

    static String rate(JsonNode rates, String name) {
        JsonNode v = rates.path(name);
        return v.isNull()
                ? null
                : v.decimalValue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    @Test
    @Order(1)
    void every_formula_of_the_fixture_month_equals_the_hand_computed_value() throws Exception {
        JsonNode street = scorecard("dimension=STREET&key=" + xueyuanlu()).path("current");
        // Seven counted: 咨询即答, 作废 and 重复件 are left out.
        assertThat(street.path("received").asLong()).isEqualTo(7);
        assertThat(street.path("dispatched").asLong()).isEqualTo(7);
        // 响应率: A1, A3, A4, A5, A10 in time (09:59 ≤ 10:00); A2 a minute late; A6 never — 5/7.
        assertThat(street.path("respondedInTime").asLong()).isEqualTo(5);
        assertThat(rate(street, "responseRate")).isEqualTo("71.43");
        // 解决率: reached A1, A2, A3, A10 (A4 not reached); resolved A1, A3, A10 (its second round) — 3/4.
        assertThat(street.path("followedUp").asLong()).isEqualTo(4);
        assertThat(rate(street, "resolutionRate")).isEqualTo("75.00");
        // 满意率: 满意 A1, A10 + 基本满意 A3 × 1.0 — 3/4.
        assertThat(rate(street, "satisfactionRate")).isEqualTo("75.00");
        // Composite: 71.428… × 20 % + 75 × 40 % + 75 × 40 % = 74.2857… → 74.29, grade C (60 ≤ x < 75).
        assertThat(rate(street, "composite")).isEqualTo("74.29");
        assertThat(street.path("grade").asString()).isEqualTo("C");
        // 结案率: closed A1, A2, A3, A4, A10; due as well A6 (deadline passed); A5 挂账 is not — 5/6.
        assertThat(street.path("dueForClosure").asLong()).isEqualTo(6);
        assertThat(rate(street, "closureRate")).isEqualTo("83.33");
        // 按期结案率: answered by the deadline A1 (16:59), A3, A4 (extended), A10; A2 at 17:01 is late — 4/6.
        assertThat(rate(street, "onTimeClosureRate")).isEqualTo("66.67");
        // 返工率: A10's failed 核查, of the five answered — 1/5.
        assertThat(rate(street, "reworkRate")).isEqualTo("20.00");
        // 准确派遣率: all but A3 dispatched once — 6/7; 延期率: A4 — 1/7; 挂账数: A5.
        assertThat(rate(street, "accurateDispatchRate")).isEqualTo("85.71");
        assertThat(rate(street, "extensionRate")).isEqualTo("14.29");
        assertThat(street.path("suspended").asLong()).isEqualTo(1);

        // The same month by 社区 and by category is the same seven appeals.
        JsonNode community = scorecard("dimension=COMMUNITY&key="
                        + territory.requireByCode(ERLIZHUANG).id().value())
                .path("current");
        assertThat(rate(community, "composite")).isEqualTo("74.29");
        assertThat(rate(scorecard("dimension=CATEGORY&key=" + CATEGORY).path("current"), "composite"))
                .isEqualTo("74.29");
        // 街道 and 社区 are read from the monthly roll-up, the category from the facts: every count agrees.
        assertThat(scorecard("dimension=CATEGORY&key=" + CATEGORY).path("current"))
                .isEqualTo(street);
        assertThat(community).isEqualTo(street);
    }

    @Test
    @Order(2)
    void per_handling_unit_each_is_measured_on_what_it_led_and_ranked_by_composite() throws Exception {
        JsonNode enforcement = scorecard("dimension=HANDLER&key=" + calls.organisation(ENFORCEMENT))
                .path("current");
        // A1, A2, A4, A5, A6, A10: in time A1, A4, A5, A10 — 4/6; reached A1, A2, A10, resolved and satisfied 2/3.
        assertThat(enforcement.path("received").asLong()).isEqualTo(6);
        assertThat(rate(enforcement, "responseRate")).isEqualTo("66.67");
        assertThat(rate(enforcement, "resolutionRate")).isEqualTo("66.67");
        assertThat(rate(enforcement, "satisfactionRate")).isEqualTo("66.67");
        assertThat(rate(enforcement, "composite")).isEqualTo("66.67");
        assertThat(rate(enforcement, "accurateDispatchRate")).isEqualTo("100.00");
        JsonNode police =
                scorecard("dimension=HANDLER&key=" + calls.organisation(POLICE)).path("current");
        // A3 only: in time, resolved, 基本满意 counted whole; but it reached the police on a second dispatch.
        assertThat(rate(police, "composite")).isEqualTo("100.00");
        assertThat(police.path("grade").asString()).isEqualTo("A");
        assertThat(rate(police, "accurateDispatchRate")).isEqualTo("0.00");

        TestClock.freeze(at("2027-10-25T10:00"));
        JsonNode ranking = ok(calls.send(
                get("/api/v1/indicators/ranking?dimension=HANDLER&from=2027-09&to=2027-09"), dispatcher(), null));
        assertThat(ranking).hasSize(2);
        assertThat(ranking.get(0).path("name").asString()).isEqualTo(POLICE);
        assertThat(ranking.get(0).path("rank").asInt()).isEqualTo(1);
        assertThat(ranking.get(1).path("name").asString()).isEqualTo(ENFORCEMENT);
        assertThat(ranking.get(1).path("rates").path("grade").asString()).isEqualTo("C");

        // 环比 and 同比: August and September of the year before hold nothing, so there is nothing to compare.
        JsonNode card = scorecard("dimension=STREET&key=" + xueyuanlu());
        assertThat(card.path("previousMonth").path("received").asLong()).isZero();
        assertThat(card.path("previousMonth").path("responseRate").isNull()).isTrue();
        JsonNode trend = ok(calls.send(
                get("/api/v1/indicators/trend?dimension=STREET&key=" + xueyuanlu() + "&from=2027-08&to=2027-10"),
                dispatcher(),
                null));
        assertThat(trend).hasSize(3);
        assertThat(trend.get(1).path("rates").path("composite").decimalValue().toPlainString())
                .isEqualTo("74.29");
        assertThat(trend.get(0).path("rates").path("received").asLong()).isZero();
    }

    @Test
    @Order(3)
    void the_settings_change_every_month_s_figures_and_a_stale_edit_changes_nothing() throws Exception {
        JsonNode before = ok(calls.send(get("/api/v1/indicators/settings"), dispatcher(), null));
        long version = before.path("version").asLong();
        try {
            // A street administrator may read the settings but not change them.
            assertThat(saveSettings(Staff.streetAdmin(xueyuanlu()), "20", "40", "40", "0.5", false, version)
                            .getStatus())
                    .isEqualTo(403);
            // Weights that do not add up to 100, a partial weight above 1: refused beside the fields.
            var bad = saveSettings(Staff.sysAdmin(), "20", "40", "30", "1.5", true, version);
            assertThat(bad.getStatus()).isEqualTo(400);
            assertThat(bad.getContentAsString()).contains("0～1").doesNotContain("合计应为");
            var sum = saveSettings(Staff.sysAdmin(), "20", "40", "30", "1", true, version);
            assertThat(sum.getContentAsString()).contains("三项权重合计应为 100，现在是 90");
            assertThat(ok(calls.send(get("/api/v1/indicators/settings"), dispatcher(), null))
                            .path("version")
                            .asLong())
                    .isEqualTo(version);

            // 基本满意 counted as half, nothing left out.
            var saved = saveSettings(Staff.sysAdmin(), "20", "40", "40", "0.5", false, version);
            assertThat(saved.getStatus()).isEqualTo(302);
            JsonNode street = scorecard("dimension=STREET&key=" + xueyuanlu()).path("current");
            // (2 + 1 × 0.5) / 4 = 62.50; composite 71.428… × .2 + 75 × .4 + 62.5 × .4 = 69.2857… → 69.29.
            assertThat(rate(street, "satisfactionRate")).isEqualTo("62.50");
            assertThat(rate(street, "composite")).isEqualTo("69.29");
            // All ten counted: 咨询即答 and 重复件 are closed (at once, no deadline: on time); 作废 only received.
            assertThat(street.path("received").asLong()).isEqualTo(10);
            assertThat(rate(street, "closureRate")).isEqualTo("87.50");
            assertThat(rate(street, "onTimeClosureRate")).isEqualTo("75.00");

            // The version read is now stale: 409, nothing changed.
            var stale = saveSettings(Staff.sysAdmin(), "30", "35", "35", "1", true, version);
            assertThat(stale.getStatus()).isEqualTo(409);
            assertThat(ok(calls.send(get("/api/v1/indicators/settings"), dispatcher(), null))
                            .path("responseWeight")
                            .asInt())
                    .isEqualTo(20);
        } finally {
            long now = ok(calls.send(get("/api/v1/indicators/settings"), dispatcher(), null))
                    .path("version")
                    .asLong();
            if (now != version) {
                assertThat(saveSettings(Staff.sysAdmin(), "20", "40", "40", "1.00", true, now)
                                .getStatus())
                        .isEqualTo(302);
            }
        }
    }

    MockHttpServletResponse saveSettings(
            org.springframework.test.web.servlet.request.RequestPostProcessor who,
            String response,
            String resolution,
            String satisfaction,
            String partial,
            boolean exclude,
            long version)
            throws Exception {
        var request = post("/settings/indicators")
                .with(who)
                .accept(MediaType.TEXT_HTML)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("responseWeight", response)
                .param("resolutionWeight", resolution)
                .param("satisfactionWeight", satisfaction)
                .param("basicallySatisfiedWeight", partial)
                .param("version", String.valueOf(version));
        if (exclude) {
            request = request.param("excludeAnsweredAtIntake", "true")
                    .param("excludeVoided", "true")
                    .param("excludeRepeats", "true");
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    @Order(4)
    void the_nightly_reconciliation_puts_right_a_missing_or_wrong_row_and_says_so() throws Exception {
        UUID a1 = UUID.fromString(FIXTURE.get("A1"));
        UUID a5 = UUID.fromString(FIXTURE.get("A5"));
        jdbc.sql("delete from indicator.appeal_fact where appeal_id = :id")
                .param("id", a1)
                .update();
        jdbc.sql("update indicator.appeal_fact set responded_at = null, state = 'CLOSED' where appeal_id = :id")
                .param("id", a5)
                .update();
        UUID stray = UUID.randomUUID();
        jdbc.sql("insert into indicator.appeal_fact select :stray, period, registered_at, channel, type, category_code,"
                        + " subdistrict_id, community_id, grid_id, handler_id, state, closure, dispatch_count,"
                        + " dispatched_at, response_due, responded_at, resolution_due, answered_at, closed_at,"
                        + " yellow_from, red_after, reworks, extensions, suspensions, reached, resolved, satisfaction,"
                        + " followed_up_at, synthetic, source_version, refreshed_at from indicator.appeal_fact"
                        + " where appeal_id = :id")
                .param("stray", stray)
                .param("id", a5)
                .update();
        // The category's figures are counted from the facts directly, so the damage shows there.
        assertThat(rate(scorecard("dimension=CATEGORY&key=" + CATEGORY).path("current"), "composite"))
                .isNotEqualTo("74.29");

        Reconciliation.Reconciled r = reconciliation.run();
        assertThat(r.corrected()).isEqualTo(2);
        assertThat(r.removed()).isEqualTo(1);
        assertThat(rate(scorecard("dimension=CATEGORY&key=" + CATEGORY).path("current"), "composite"))
                .isEqualTo("74.29");
        assertThat(rate(scorecard("dimension=STREET&key=" + xueyuanlu()).path("current"), "composite"))
                .isEqualTo("74.29");
        // Run again: nothing left to put right.
        assertThat(reconciliation.run().corrected()).isZero();
        assertThat(jdbc.sql("select count(*) from platform.audit_event where action = 'indicator.facts.reconciled'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(5)
    void the_dashboard_and_its_workbook_show_the_same_figures() throws Exception {
        // A whistle in the month, so its assessment shows beside the rates.
        TestClock.freeze(at("2027-09-30T15:00"));
        Map<String, Object> whistle = new LinkedHashMap<>();
        whistle.put("unitId", xueyuanlu());
        whistle.put("matter", "指标样例月：二里庄路面塌陷");
        whistle.put("whistleCase", "EMERGENCY");
        whistle.put("reportBy", at("2027-09-30T17:00").toString());
        whistle.put("departmentIds", List.of(calls.organisation(POLICE)));
        var blown = calls.send(post("/api/v1/whistles"), dispatcher(), whistle);
        assertThat(blown.getStatus()).as(blown.getContentAsString()).isEqualTo(201);
        TestClock.freeze(at("2027-10-25T10:00"));
        var page = calls.send(
                get("/indicators?month=2027-09&dimension=HANDLER").accept(MediaType.TEXT_HTML), dispatcher(), null);
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("74.29", POLICE, ENFORCEMENT, "indicator-charts");
        // The month's whistle: its chart and the departments' table (the assessment page's own) are shown.
        assertThat(page.getContentAsString())
                .contains("chart-whistles", "报到及时率")
                .doesNotContain("该月没有吹哨");

        var file = calls.send(get("/indicators/export.xlsx?month=2027-09&dimension=HANDLER"), dispatcher(), null);
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getHeader("Content-Disposition")).contains("indicators-2027-09-handler.xlsx");
        List<String> sheets = new ArrayList<>();
        List<String> ranking = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file.getContentAsByteArray()))) {
            wb.getSheets().forEach(s -> sheets.add(s.getName()));
            Sheet sheet = wb.getSheets().toList().get(1);
            for (Row row : sheet.read()) {
                ranking.add(row.getCellText(1) + "|" + row.getCellText(9));
            }
        }
        assertThat(sheets).containsExactly("概况", "排名", "走势", "红黄绿灯", "吹哨-街道", "吹哨-部门");
        assertThat(ranking).contains(POLICE + "|100.00", ENFORCEMENT + "|66.67");
        assertThat(jdbc.sql("select count(*) from platform.audit_event where action = 'indicator.exported'")
                        .query(Long.class)
                        .single())
                .isPositive();

        // Bad input: a month that is not one, a breakdown that does not exist — a readable page, 400.
        var bad = calls.send(
                get("/indicators?month=2027-13&dimension=PLANET").accept(MediaType.TEXT_HTML), dispatcher(), null);
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains("2027-13");
        // A key that is not one, names a unit of another kind, does not exist, or is the "no handler" bucket: 400.
        UUID community = territory.requireByCode(ERLIZHUANG).id().value();
        for (String query : List.of(
                "dimension=STREET&key=nope",
                "dimension=STREET&key=" + community,
                "dimension=COMMUNITY&key=" + xueyuanlu(),
                "dimension=HANDLER&key=" + UUID.randomUUID(),
                "dimension=HANDLER&key=00000000-0000-0000-0000-000000000000",
                "dimension=CATEGORY&key=ZZZZ")) {
            var api = calls.send(get("/api/v1/indicators?month=2027-09&" + query), dispatcher(), null);
            assertThat(api.getStatus()).as(query).isEqualTo(400);
            assertThat(calls.read(api).path("errors").get(0).path("location").asString())
                    .isEqualTo("key");
        }
        // Months outside 2000–2099 or not written yyyy-MM, and a table without its dimension: 400, never 500.
        for (String path : List.of(
                "/api/v1/indicators?month=-999999999-01",
                "/api/v1/indicators?month=%2B999999999-12",
                "/api/v1/indicators/ranking?dimension=HANDLER&from=%2B999999999-12&to=%2B999999999-12",
                "/api/v1/indicators/trend?from=2027-01&to=99999-01",
                "/api/v1/indicators/ranking?dimension=&from=2027-09",
                "/api/v1/indicators/lights?dimension=")) {
            assertThat(calls.send(get(path), dispatcher(), null).getStatus())
                    .as(path)
                    .isEqualTo(400);
        }
        assertThat(calls.send(get("/indicators?month=%2B999999999-12").accept(MediaType.TEXT_HTML), dispatcher(), null)
                        .getStatus())
                .isEqualTo(400);
    }

    @Test
    @Order(7)
    void an_appeal_sent_back_and_not_yet_answered_again_counts_as_handled_and_reworked() throws Exception {
        // Registered in July (the fixture month is September): the street's July holds this one appeal.
        register("R1", "COMPLAINT", "2027-07-01T09:00");
        act("R1", "2027-07-01T09:30", "accept", dispatcher(), Map.of("categoryCode", CATEGORY));
        act("R1", "2027-07-01T10:00", "dispatch", dispatcher(), Map.of("handlerId", calls.organisation(ENFORCEMENT)));
        act("R1", "2027-07-01T10:10", "sign", calls.staffOf(ENFORCEMENT), null);
        act("R1", "2027-07-01T10:20", "response", calls.staffOf(ENFORCEMENT), Map.of("note", "已联系"));
        act("R1", "2027-07-02T10:00", "answer", calls.staffOf(ENFORCEMENT), Map.of("result", "已修复"));
        followUp("R1", "2027-07-05T10:00", false, "DISSATISFIED");
        act("R1", "2027-07-05T15:00", "verification", dispatcher(), Map.of("passed", false, "note", "未修复"));
        awaitFacts();
        for (String query : List.of("dimension=STREET&key=" + xueyuanlu(), "dimension=CATEGORY&key=" + CATEGORY)) {
            TestClock.freeze(at("2027-07-06T10:00"));
            JsonNode july = ok(calls.send(get("/api/v1/indicators?month=2027-07&" + query), dispatcher(), null))
                    .path("current");
            assertThat(july.path("handled").asLong()).as(query).isEqualTo(1);
            assertThat(july.path("reworked").asLong()).as(query).isEqualTo(1);
            assertThat(rate(july, "reworkRate")).as(query).isEqualTo("100.00");
        }
    }

    @Test
    @Order(6)
    void each_viewer_sees_only_the_appeals_of_their_reach() throws Exception {
        TestClock.freeze(at("2027-10-25T10:00"));
        // The police station sees the one appeal it led; another street's administrator sees none of them.
        JsonNode police = ok(calls.send(get("/api/v1/indicators?month=2027-09"), calls.staffOf(POLICE), null));
        assertThat(police.path("current").path("received").asLong()).isEqualTo(1);
        UUID other = territory.requireByCode("110101008").id().value();
        JsonNode elsewhere = ok(calls.send(get("/api/v1/indicators?month=2027-09"), Staff.streetAdmin(other), null));
        assertThat(elsewhere.path("current").path("received").asLong()).isZero();
        // Asking for a 街道 outside one's places is refused, not answered with zeros.
        var outside = calls.send(
                get("/api/v1/indicators?month=2027-09&dimension=STREET&key=" + xueyuanlu()),
                Staff.streetAdmin(other),
                null);
        assertThat(outside.getStatus()).isEqualTo(403);
        // Nor does the other street see the month's whistle in 学院路 in its assessment.
        JsonNode whistles = ok(
                calls.send(get("/api/v1/whistles/assessment?from=2027-09&to=2027-09"), Staff.streetAdmin(other), null));
        assertThat(whistles.path("departments")).isEmpty();
        assertThat(whistles.path("streets")).isEmpty();
        assertThat(ok(calls.send(get("/api/v1/whistles/assessment?from=2027-09&to=2027-09"), dispatcher(), null))
                        .path("departments"))
                .hasSize(1);
        // A visitor is asked to sign in.
        assertThat(mvc.perform(get("/api/v1/indicators"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
    }
}
