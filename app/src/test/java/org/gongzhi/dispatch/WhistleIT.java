package org.gongzhi.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.support.AppealCalls;
import org.gongzhi.support.AppealTest;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * 吹哨报到 (DOMAIN.md §4): a street summons three departments; one reports in time, one late, one not at all and is
 * escalated once; a department not summoned cannot report; the street closes with a rating of each, and the double
 * assessment (Art 33) counts it all.
 */
@PlatformTest
class WhistleIT extends AppealTest {

    static final String ENFORCEMENT = "海淀区城市管理综合行政执法局学院路执法队";
    static final String POLICE = "海淀分局学院路派出所";
    static final String MARKET = "海淀区市场监督管理局学院路所";
    static final String WATER = "北京市自来水集团海淀营业所";

    @Autowired
    Whistles whistles;

    Map<String, Object> whistle(Instant reportBy, String... departments) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", xueyuanlu());
        body.put("matter", "学院路 3 号楼前路面塌陷，燃气管线受影响");
        body.put("address", "学院路 3 号楼前");
        body.put("whistleCase", "EMERGENCY");
        body.put("reportBy", reportBy.toString());
        body.put(
                "departmentIds",
                java.util.Arrays.stream(departments).map(calls::organisation).toList());
        return body;
    }

    JsonNode ok(MockHttpServletResponse r) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isBetween(200, 201);
        return calls.read(r);
    }

    Map<String, JsonNode> byDepartment(JsonNode whistle) {
        Map<String, JsonNode> out = new HashMap<>();
        whistle.path("summons").forEach(s -> out.put(s.path("departmentName").asString(), s));
        return out;
    }

    @Test
    void an_assessment_month_that_cannot_be_counted_in_is_refused_not_a_server_error() throws Exception {
        for (String month : List.of("+999999999-12", "-999999999-01", "2026-13", "1999-12")) {
            var r = calls.send(get("/api/v1/whistles/assessment").param("from", month), dispatcher(), null);
            assertThat(r.getStatus()).as(month).isEqualTo(400);
            assertThat(calls.read(r).path("errors").get(0).path("code").asString())
                    .isEqualTo("form.month");
        }
    }

    Map<String, JsonNode> ranking(YearMonth month) throws Exception {
        JsonNode a = ok(calls.send(
                get("/api/v1/whistles/assessment")
                        .param("from", month.toString())
                        .param("to", month.toString()),
                dispatcher(),
                null));
        Map<String, JsonNode> out = new HashMap<>();
        a.path("departments").forEach(d -> out.put(d.path("name").asString(), d));
        return out;
    }

    long summonsRows() {
        return jdbc.sql("select count(*) from dispatch.summons where acknowledged_at is not null or arrived_at is not"
                        + " null")
                .query(Long.class)
                .single();
    }

    @Test
    void three_departments_summoned_one_in_time_one_late_one_absent_and_the_street_rates_them() throws Exception {
        Instant t = Instant.now();

        YearMonth month = YearMonth.from(t.atZone(ZoneId.of("Asia/Shanghai")));
        JsonNode w = ok(calls.send(
                post("/api/v1/whistles"),
                dispatcher(),
                whistle(t.plus(Duration.ofHours(1)), ENFORCEMENT, POLICE, MARKET)));
        String id = w.path("id").asString();
        assertThat(w.path("summons")).hasSize(3);
        assertThat(byDepartment(w).get(MARKET).path("status").asString()).isEqualTo("SUMMONED");

        RequestPostProcessor enforcement = calls.staffOf(ENFORCEMENT);
        RequestPostProcessor police = calls.staffOf(POLICE);
        TestClock.advance(Duration.ofMinutes(10));
        ok(calls.send(post("/api/v1/whistles/" + id + "/acknowledgement"), enforcement, null));
        // Acknowledged twice: 409, the first time kept.
        assertThat(calls.send(post("/api/v1/whistles/" + id + "/acknowledgement"), enforcement, null)
                        .getStatus())
                .isEqualTo(409);
        // An action before arriving is refused.
        assertThat(calls.send(post("/api/v1/whistles/" + id + "/action"), enforcement, Map.of("action", "已到"))
                        .getStatus())
                .isEqualTo(409);
        TestClock.advance(Duration.ofMinutes(15));
        ok(calls.send(post("/api/v1/whistles/" + id + "/arrival"), enforcement, null));
        ok(calls.send(post("/api/v1/whistles/" + id + "/action"), enforcement, Map.of("action", "设置围挡，疏导交通")));
        ok(calls.send(post("/api/v1/whistles/" + id + "/acknowledgement"), police, null));

        // The water company was not summoned: its 报到 is refused and nothing is written.
        long reported = summonsRows();
        var stranger = calls.send(post("/api/v1/whistles/" + id + "/arrival"), calls.staffOf(WATER), null);
        assertThat(stranger.getStatus()).isEqualTo(403);
        assertThat(calls.read(stranger).path("code").asString()).isEqualTo("dispatch.whistle.not-summoned");
        assertThat(summonsRows()).isEqualTo(reported);

        // Past the report-by time: the police arrive late; the market office never comes and is escalated, once.
        TestClock.advance(Duration.ofMinutes(50));
        ok(calls.send(post("/api/v1/whistles/" + id + "/arrival"), police, null));
        assertThat(whistles.escalate(new WhistleId(UUID.fromString(id)))).isEqualTo(1);
        assertThat(whistles.escalate(new WhistleId(UUID.fromString(id)))).isZero();
        // The departments were told they were summoned; the absent one, the street too, that it was not there.
        AppealCalls.await(
                "summons and overdue notices",
                () -> notices(id, "SUMMONED") == 3 && notices(id, "REPORT_OVERDUE") >= 2);
        assertThat(jdbc.sql("select count(*) from notification.notice where whistle_id = cast(:id as uuid) and kind ="
                                + " 'REPORT_OVERDUE' and unit_id = :street")
                        .param("id", id)
                        .param("street", xueyuanlu())
                        .query(Long.class)
                        .single())
                .isOne();
        JsonNode now = ok(calls.send(get("/api/v1/whistles/" + id), dispatcher(), null));
        Map<String, JsonNode> s = byDepartment(now);
        assertThat(s.get(ENFORCEMENT).path("status").asString()).isEqualTo("ARRIVED_ON_TIME");
        assertThat(s.get(ENFORCEMENT).path("action").asString()).isEqualTo("设置围挡，疏导交通");
        assertThat(s.get(POLICE).path("status").asString()).isEqualTo("ARRIVED_LATE");
        assertThat(s.get(MARKET).path("status").asString()).isEqualTo("OVERDUE");
        assertThat(s.get(MARKET).path("escalatedAt").isNull()).isFalse();
        assertThat(jdbc.sql("select count(*) from platform.audit_event where action = 'dispatch.whistle.report-overdue'"
                                + " and object_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isOne();

        // Closing needs If-Match and a rating of every department.
        Map<String, Object> closure = new HashMap<>();
        closure.put("outcome", "RESOLVED");
        closure.put("note", "塌陷已回填，燃气管线检修完毕");
        Map<String, Integer> ratings = new HashMap<>();
        ratings.put(calls.organisation(ENFORCEMENT).toString(), 5);
        ratings.put(calls.organisation(POLICE).toString(), 3);
        closure.put("ratings", ratings);
        assertThat(calls.send(post("/api/v1/whistles/" + id + "/closure"), dispatcher(), closure)
                        .getStatus())
                .isEqualTo(428);
        String version = "\"" + now.path("version").asLong() + "\"";
        var unrated = calls.send(
                post("/api/v1/whistles/" + id + "/closure").header("If-Match", version), dispatcher(), closure);
        assertThat(unrated.getStatus()).isEqualTo(400);
        assertThat(calls.read(unrated).path("errors").toString())
                .contains("ratings[" + calls.organisation(MARKET) + "]");
        ratings.put(calls.organisation(MARKET).toString(), 1);
        var stale = calls.send(
                post("/api/v1/whistles/" + id + "/closure").header("If-Match", "\"99\""), dispatcher(), closure);
        assertThat(stale.getStatus()).isEqualTo(412);
        // A 报到 step moves the version: a closing form read before the market office's late action is stale.
        ok(calls.send(post("/api/v1/whistles/" + id + "/arrival"), calls.staffOf(MARKET), null));
        var beforeTheArrival = calls.send(
                post("/api/v1/whistles/" + id + "/closure").header("If-Match", version), dispatcher(), closure);
        assertThat(beforeTheArrival.getStatus()).isEqualTo(412);
        version = "\""
                + ok(calls.send(get("/api/v1/whistles/" + id), dispatcher(), null))
                        .path("version")
                        .asLong() + "\"";
        // A department may not close the whistle.
        assertThat(calls.send(
                                post("/api/v1/whistles/" + id + "/closure").header("If-Match", version),
                                enforcement,
                                closure)
                        .getStatus())
                .isEqualTo(403);
        JsonNode closed = ok(calls.send(
                post("/api/v1/whistles/" + id + "/closure").header("If-Match", version), dispatcher(), closure));
        assertThat(closed.path("open").asBoolean()).isFalse();
        assertThat(closed.path("outcome").asString()).isEqualTo("RESOLVED");
        assertThat(calls.send(post("/api/v1/whistles/" + id + "/action"), enforcement, Map.of("action", "补充"))
                        .getStatus())
                .isEqualTo(409);

        // The double assessment over the instant this whistle was blown (other tests blow whistles too): each
        // department's side, ranked in time first, and the street's.
        Instant blown = Instant.parse(w.path("blownAt").asString());
        var assessment = whistles.assessment(blown, blown.plusMillis(1));
        Map<String, Whistles.DepartmentAssessment> d = new HashMap<>();
        assessment.departments().forEach(x -> d.put(x.name(), x));
        assertThat(d.get(ENFORCEMENT)).satisfies(x -> {
            assertThat(x.summoned()).isOne();
            assertThat(x.onTime()).isOne();
            assertThat(x.timelyRate()).isEqualTo(1.0);
            assertThat(x.meanRating()).isEqualTo(5.0);
            assertThat(x.rank()).isEqualTo(1);
        });
        assertThat(d.get(POLICE)).satisfies(x -> {
            assertThat(x.late()).isOne();
            assertThat(x.timelyRate()).isEqualTo(0.0);
            assertThat(x.meanRating()).isEqualTo(3.0);
            assertThat(x.rank()).isEqualTo(2);
        });
        assertThat(d.get(MARKET)).satisfies(x -> {
            // Escalated as absent, then came after all: late.
            assertThat(x.late()).isOne();
            assertThat(x.absent()).isZero();
            assertThat(x.rank()).isEqualTo(3);
        });
        assertThat(assessment.streets()).singleElement().satisfies(x -> {
            assertThat(x.name()).isEqualTo("学院路街道");
            assertThat(x.emergency()).isOne();
            assertThat(x.resolved()).isOne();
        });
        // The same over the API, by month.
        assertThat(ranking(month)).containsKeys(ENFORCEMENT, POLICE, MARKET);
    }

    long notices(String whistle, String kind) {
        return jdbc.sql(
                        "select count(*) from notification.notice where whistle_id = cast(:id as uuid) and kind = :kind")
                .param("id", whistle)
                .param("kind", kind)
                .query(Long.class)
                .single();
    }

    @Test
    void bad_whistles_are_refused_field_by_field_and_write_nothing() throws Exception {
        long whistlesBefore = count("dispatch.whistle");
        Map<String, Object> past = whistle(Instant.now().minus(Duration.ofMinutes(1)), ENFORCEMENT, ENFORCEMENT);
        past.put("matter", " ");
        past.put("trackingCode", "NOSUCHCODE00");
        var r = calls.send(post("/api/v1/whistles"), dispatcher(), past);
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(calls.read(r).path("errors").toString())
                .contains("reportBy")
                .contains("departmentIds")
                .contains("matter")
                .contains("trackingCode");
        // A school is not a department one can summon; a unit outside the scope is refused.
        var school = calls.send(
                post("/api/v1/whistles"), dispatcher(), whistle(Instant.now().plus(Duration.ofHours(1)), "学院路第一小学"));
        assertThat(school.getStatus()).isEqualTo(400);
        // A department of another district (Shanghai's 五角场) is not one 学院路 can summon.
        var elsewhereDepartment = calls.send(
                post("/api/v1/whistles"),
                dispatcher(),
                whistle(Instant.now().plus(Duration.ofHours(1)), "五角场街道社区管理办公室"));
        assertThat(elsewhereDepartment.getStatus()).isEqualTo(400);
        assertThat(calls.read(elsewhereDepartment).path("errors").toString()).contains("不属于本区");
        Map<String, Object> elsewhere = whistle(Instant.now().plus(Duration.ofHours(1)), POLICE);
        elsewhere.put("unitId", territory.requireByCode("110101008").id().value());
        assertThat(calls.send(post("/api/v1/whistles"), dispatcher(), elsewhere).getStatus())
                .isEqualTo(403);
        // A department cannot blow the whistle.
        assertThat(calls.send(
                                post("/api/v1/whistles"),
                                calls.staffOf(POLICE),
                                whistle(Instant.now().plus(Duration.ofHours(1)), POLICE))
                        .getStatus())
                .isEqualTo(403);
        assertThat(count("dispatch.whistle")).isEqualTo(whistlesBefore);
    }

    @Test
    void the_report_by_timer_escalates_the_departments_not_on_site() throws Exception {
        JsonNode w = ok(calls.send(
                post("/api/v1/whistles"),
                dispatcher(),
                whistle(Instant.now().plus(Duration.ofSeconds(2)), ENFORCEMENT, POLICE)));
        String id = w.path("id").asString();
        ok(calls.send(post("/api/v1/whistles/" + id + "/arrival"), calls.staffOf(POLICE), null));
        AppealCalls.await(
                "the absent department is escalated",
                () -> jdbc.sql("select count(*) from dispatch.summons where whistle_id = cast(:id as uuid)"
                                        + " and escalated_at is not null")
                                .param("id", id)
                                .query(Long.class)
                                .single()
                        == 1);
        JsonNode now = ok(calls.send(get("/api/v1/whistles/" + id), dispatcher(), null));
        assertThat(byDepartment(now).get(ENFORCEMENT).path("status").asString()).isEqualTo("OVERDUE");
        assertThat(byDepartment(now).get(POLICE).path("status").asString()).isEqualTo("ARRIVED_ON_TIME");
    }

    @Test
    void the_board_shows_a_department_only_the_whistles_that_summon_it() throws Exception {
        JsonNode w = ok(calls.send(
                post("/api/v1/whistles"), dispatcher(), whistle(Instant.now().plus(Duration.ofHours(2)), POLICE)));
        String id = w.path("id").asString();
        var police = calls.read(calls.send(get("/api/v1/whistles"), calls.staffOf(POLICE), null));
        assertThat(police.toString()).contains(id);
        var market = calls.read(calls.send(get("/api/v1/whistles"), calls.staffOf(MARKET), null));
        assertThat(market.toString()).doesNotContain(id);
        assertThat(calls.send(get("/api/v1/whistles/" + id), calls.staffOf(MARKET), null)
                        .getStatus())
                .isEqualTo(404);
        List.of(id).forEach(x -> {});
    }
}
