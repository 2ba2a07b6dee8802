package org.gongzhi.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.identity.Role;
import org.gongzhi.support.AppealTest;
import org.gongzhi.support.Concurrently;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.gongzhi.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Appeals over the API: the lifecycle with If-Match (428, 412, 409), registration's bad input refused with nothing
 * written, 12345 work orders and Idempotency-Key replayed, tracking by code and token, and races decided once.
 */
@PlatformTest
class AppealApiIT extends AppealTest {

    static final String ENFORCEMENT = "海淀区城市管理综合行政执法局学院路执法队";
    static final String POLICE = "海淀分局学院路派出所";
    static final String WATER = "北京市自来水集团海淀营业所";

    static Map<String, Object> hotline(String workOrder, String content) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("channel", "HOTLINE");
        m.put("type", "COMPLAINT");
        m.put("categoryCode", "E0504");
        m.put("content", content);
        m.put("address", "学院路二里庄小区北门");
        m.put("unitCode", ERLIZHUANG);
        m.put("reporterName", "张三丰");
        m.put("reporterPhone", "138 0013 8000");
        m.put("workOrderNumber", workOrder);
        return m;
    }

    static String number() {
        return "GD" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    }

    JsonNode register(Map<String, Object> body) throws Exception {
        var r = calls.send(post("/api/v1/appeals"), dispatcher(), body);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return calls.read(r);
    }

    JsonNode ok(MockHttpServletResponse r) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return calls.read(r);
    }

    @Test
    void one_appeal_from_the_hotline_to_closure_through_objection_redispatch_and_an_approved_extension()
            throws Exception {
        // Friday 13 February 2026, 10:00: the 7-工作日 limit runs over 春节 and ends on Monday 2 March.
        TestClock.freeze(LocalDateTime.parse("2026-02-13T10:00")
                .atZone(ZoneId.of("Asia/Shanghai"))
                .toInstant());
        JsonNode registered = register(hotline(number(), "小区北门外机动车长期乱停放，堵塞消防通道。"));
        String id = registered.path("appeal").path("id").asString();
        assertThat(registered.path("token").asString()).hasSize(26);
        assertThat(registered.path("appeal").path("reporterName").asString()).isEqualTo("张**");
        assertThat(registered.path("appeal").path("reporterPhone").asString()).isEqualTo("138****8000");
        assertThat(registered.path("appeal").path("community").path("name").asString())
                .isNotBlank();
        assertThat(registered.path("appeal").path("state").asString()).isEqualTo("REGISTERED");

        ok(calls.act(id, "accept", dispatcher(), Map.of()));
        JsonNode dispatched =
                ok(calls.act(id, "dispatch", dispatcher(), Map.of("handlerId", calls.organisation(POLICE))));
        assertThat(dispatched.path("resolutionDue").asString()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(dispatched.path("responseDue").asString()).isEqualTo("2026-02-13T04:00:00Z");
        assertThat(dispatched.path("light").asString()).isEqualTo("GREEN");

        // The police station objects; the reviewer sends it to the enforcement team with the police as co-handler.
        ok(calls.act(id, "objection", calls.staffOf(POLICE), Map.of("reason", "机动车乱停放属交通支队或城管职责")));
        ok(calls.act(
                id,
                "redispatch",
                dispatcher(),
                Map.of(
                        "handlerId",
                        calls.organisation(ENFORCEMENT),
                        "coHandlerIds",
                        List.of(calls.organisation(POLICE)))));
        // The police can no longer sign: it is not the lead unit now.
        assertThat(calls.act(id, "sign", calls.staffOf(POLICE), null).getStatus())
                .isEqualTo(403);
        ok(calls.act(id, "sign", calls.staffOf(ENFORCEMENT), null));
        // 响应 says how the reporter was contacted: without it, 400 on the note and nothing changes.
        var silent = calls.act(id, "response", calls.staffOf(ENFORCEMENT), Map.of("note", "  "));
        assertThat(silent.getStatus()).isEqualTo(400);
        assertThat(calls.read(silent).path("errors").toString()).contains("note");
        assertThat(calls.read(calls.send(get("/api/v1/appeals/" + id), dispatcher(), null))
                        .path("state")
                        .asString())
                .isEqualTo("SIGNED");
        ok(calls.act(id, "response", calls.staffOf(ENFORCEMENT), Map.of("note", "已电话联系诉求人")));
        var note = calls.send(post("/api/v1/appeals/" + id + "/notes"), calls.staffOf(POLICE), Map.of("text", "已协助贴条"));
        assertThat(note.getStatus()).as(note.getContentAsString()).isEqualTo(200);
        ok(calls.act(
                id,
                "extension-request",
                calls.staffOf(ENFORCEMENT),
                Map.of("extension", "5wd", "reason", "需协调物业施划车位")));
        JsonNode extended = ok(calls.act(id, "extension-decision", dispatcher(), Map.of("approved", true)));
        // Redispatched on 13 February (clock fixed): due 2 March 17:00; five more working days → 9 March 17:00.
        assertThat(extended.path("resolutionDue").asString()).isEqualTo("2026-03-09T09:00:00Z");
        ok(calls.act(id, "answer", calls.staffOf(ENFORCEMENT), Map.of("result", "已施划禁停标线并清理车辆")));
        ok(calls.act(
                id, "follow-up", dispatcher(), Map.of("reached", true, "resolved", true, "satisfaction", "SATISFIED")));
        JsonNode closed = ok(calls.act(id, "closure", dispatcher(), Map.of()));
        assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("closure").asString()).isEqualTo("RESOLVED");
        assertThat(closed.path("dispatchCount").asInt()).isEqualTo(2);

        JsonNode timeline = calls.read(calls.send(get("/api/v1/appeals/" + id + "/timeline"), dispatcher(), null));
        List<String> actions = new ArrayList<>();
        timeline.forEach(step -> actions.add(step.path("action").asString()));
        assertThat(actions)
                .containsExactly(
                        "REGISTER",
                        "ACCEPT",
                        "DISPATCH",
                        "OBJECT",
                        "REDISPATCH",
                        "SIGN",
                        "RESPOND",
                        "NOTE",
                        "REQUEST_EXTENSION",
                        "DECIDE_EXTENSION",
                        "ANSWER",
                        "FOLLOW_UP",
                        "CLOSE");
        assertThat(timeline.get(3).path("reason").asString()).contains("交通支队");
        assertThat(timeline.get(3).path("actorRole").asString()).contains("DEPARTMENT_STAFF");
        assertThat(jdbc.sql("select count(*) from platform.audit_event where object_type = 'appeal' and object_id = :id"
                                + " and action like 'appeal.%'")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(13);

        // The reporter follows it with code and token, without an account.
        var tracked = mvc.perform(
                        post("/api/v1/appeals/track")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json.writeValueAsString(Map.of(
                                        "trackingCode",
                                        registered
                                                .path("appeal")
                                                .path("trackingCode")
                                                .asString()
                                                .toLowerCase(),
                                        "token",
                                        registered.path("token").asString()))))
                .andReturn()
                .getResponse();
        assertThat(tracked.getStatus()).isEqualTo(200);
        assertThat(calls.read(tracked).path("answer").asString()).isEqualTo("已施划禁停标线并清理车辆");
        assertThat(calls.read(tracked).path("handler").asString()).isEqualTo(ENFORCEMENT);
        assertThat(tracked.getContentAsString()).doesNotContain("张三丰").doesNotContain("13800138000");
        var wrong = mvc.perform(post("/api/v1/appeals/track")
                        .with(
                                org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of(
                                "trackingCode",
                                registered.path("appeal").path("trackingCode").asString(),
                                "token",
                                "WRONG"))))
                .andReturn()
                .getResponse();
        assertThat(wrong.getStatus()).isEqualTo(404);
    }

    @Test
    void an_extension_is_decided_by_someone_other_than_who_asked_for_it() throws Exception {
        String id = register(hotline(number(), "小区内路灯不亮，夜间出行不便。"))
                .path("appeal")
                .path("id")
                .asString();
        ok(calls.act(id, "accept", dispatcher(), Map.of()));
        // The 街道办事处 handles it itself: its administrator signs, responds and asks for more time.
        ok(calls.act(id, "dispatch", dispatcher(), Map.of("handlerId", calls.organisation("学院路街道办事处"))));
        ok(calls.act(id, "sign", dispatcher(), null));
        ok(calls.act(id, "response", dispatcher(), Map.of("note", "已联系诉求人")));
        // One extension is at most 30 working days (or 240 working hours, 720 hours): one more is refused.
        for (String tooLong : List.of("31wd", "241wh", "721h", "999wd")) {
            var refused =
                    calls.act(id, "extension-request", dispatcher(), Map.of("extension", tooLong, "reason", "需等待灯具到货"));
            assertThat(refused.getStatus()).as(tooLong).isEqualTo(400);
            assertThat(calls.read(refused)
                            .path("errors")
                            .get(0)
                            .path("location")
                            .asString())
                    .isEqualTo("extension");
        }
        JsonNode asked =
                ok(calls.act(id, "extension-request", dispatcher(), Map.of("extension", "30wd", "reason", "需等待灯具到货")));

        var own = calls.act(id, "extension-decision", dispatcher(), Map.of("approved", true));
        assertThat(own.getStatus()).as(own.getContentAsString()).isEqualTo(422);
        JsonNode refusal = calls.read(own);
        assertThat(refusal.path("code").asString()).isEqualTo("appeal.extension.own-request");
        assertThat(refusal.path("errors").get(0).path("location").asString()).isEqualTo("approved");
        JsonNode unchanged = calls.read(calls.send(get("/api/v1/appeals/" + id), dispatcher(), null));
        assertThat(unchanged.path("version").asLong())
                .isEqualTo(asked.path("version").asLong());
        assertThat(unchanged.path("resolutionDue").asString())
                .isEqualTo(asked.path("resolutionDue").asString());

        var supervisor = org.gongzhi.support.Staff.as(
                "xueyuanlu.supervisor", java.util.Set.of(xueyuanlu()), org.gongzhi.identity.Role.STREET_ADMIN);
        // The decision is offered to the second person only.
        assertThat(calls.send(get("/api/v1/appeals/" + id + "/actions"), dispatcher(), null)
                        .getContentAsString())
                .doesNotContain("DECIDE_EXTENSION");
        assertThat(calls.send(get("/api/v1/appeals/" + id + "/actions"), supervisor, null)
                        .getContentAsString())
                .contains("DECIDE_EXTENSION");
        JsonNode decided = ok(calls.act(id, "extension-decision", supervisor, Map.of("approved", true)));
        assertThat(decided.path("resolutionDue").asString())
                .isNotEqualTo(asked.path("resolutionDue").asString());
    }

    @Test
    void an_action_needs_the_current_version_and_a_state_that_allows_it() throws Exception {
        String id =
                register(hotline(number(), "路灯不亮")).path("appeal").path("id").asString();
        var missing = calls.send(post("/api/v1/appeals/" + id + "/accept"), dispatcher(), Map.of());
        assertThat(missing.getStatus()).isEqualTo(428);
        assertThat(calls.read(missing).path("code").asString()).isEqualTo("appeal.version.missing");
        ok(calls.act(id, "accept", dispatcher(), Map.of()));
        var stale = calls.send(
                post("/api/v1/appeals/" + id + "/void").header("If-Match", "\"0\""),
                dispatcher(),
                Map.of("reason", "重复"));
        assertThat(stale.getStatus()).isEqualTo(412);
        var illegal = calls.act(id, "sign", calls.staffOf(POLICE), null);
        // Not dispatched yet: the police station is no party to it and is not even told it exists …
        assertThat(illegal.getStatus()).isEqualTo(404);
        // … and the dispatcher asking to close an accepted appeal meets the state machine.
        var closing = calls.act(id, "closure", dispatcher(), Map.of());
        assertThat(closing.getStatus()).isEqualTo(409);
        JsonNode problem = calls.read(closing);
        assertThat(problem.path("code").asString()).isEqualTo("appeal.transition.not-allowed");
        assertThat(problem.path("detail").asString()).contains("已立案").contains("结案");
        assertThat(calls.read(calls.send(get("/api/v1/appeals/" + id + "/actions"), dispatcher(), null))
                        .toString())
                .contains("DISPATCH")
                .contains("VOID")
                .doesNotContain("CLOSE");
    }

    @Test
    void bad_registrations_are_refused_field_by_field_and_write_nothing() throws Exception {
        long appeals = count("appeal.appeal");
        long steps = count("appeal.step");
        Map<String, Object> bad = new java.util.LinkedHashMap<>(hotline(null, "  "));
        bad.put("categoryCode", "Z9999");
        bad.put("latitude", 95.0);
        bad.put("longitude", 500.0);
        bad.put("reporterPhone", "12345");
        bad.put("anonymous", true);
        var r = calls.send(post("/api/v1/appeals"), dispatcher(), bad);
        assertThat(r.getStatus()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        calls.read(r).path("errors").forEach(v -> fields.add(v.path("location").asString()));
        assertThat(fields)
                .contains(
                        "categoryCode",
                        "content",
                        "latitude",
                        "longitude",
                        "reporterPhone",
                        "reporterName",
                        "workOrderNumber");
        var tooLong = hotline(number(), "长".repeat(2001));
        assertThat(calls.send(post("/api/v1/appeals"), dispatcher(), tooLong).getStatus())
                .isEqualTo(400);
        assertThat(count("appeal.appeal")).isEqualTo(appeals);
        assertThat(count("appeal.step")).isEqualTo(steps);
    }

    @Test
    void a_point_outside_every_unit_goes_to_the_coordination_queue() throws Exception {
        Map<String, Object> body = hotline(number(), "外地诉求");
        body.remove("unitCode");
        body.put("latitude", 30.0);
        body.put("longitude", 100.0);
        // Nobody's place: the street operator may still take it, and it waits in the coordination queue.
        JsonNode a = register(body).path("appeal");
        assertThat(a.path("coordination").asBoolean()).isTrue();
        assertThat(a.path("subdistrict").isNull()).isTrue();
    }

    @Test
    void a_work_order_registered_again_changes_nothing_and_another_body_under_its_number_is_refused() throws Exception {
        String number = number();
        JsonNode first = register(hotline(number, "噪音扰民"));
        long appeals = count("appeal.appeal");
        var again = calls.send(post("/api/v1/appeals"), dispatcher(), hotline(number, "噪音扰民"));
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(calls.read(again).path("repeated").asBoolean()).isTrue();
        assertThat(calls.read(again).path("token").isNull()).isTrue();
        assertThat(calls.read(again).path("appeal").path("id").asString())
                .isEqualTo(first.path("appeal").path("id").asString());
        var changed = calls.send(post("/api/v1/appeals"), dispatcher(), hotline(number, "噪音扰民，夜间施工"));
        assertThat(changed.getStatus()).isEqualTo(409);
        assertThat(calls.read(changed).path("code").asString()).isEqualTo("appeal.work-order.changed");
        assertThat(count("appeal.appeal")).isEqualTo(appeals);
    }

    @Test
    void an_idempotency_key_replays_the_first_response_and_refuses_another_body() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = hotline(number(), "井盖缺失");
        var first = calls.send(post("/api/v1/appeals").header("Idempotency-Key", key), dispatcher(), body);
        assertThat(first.getStatus()).isEqualTo(201);
        long appeals = count("appeal.appeal");
        var replay = calls.send(post("/api/v1/appeals").header("Idempotency-Key", key), dispatcher(), body);
        assertThat(replay.getStatus()).isEqualTo(201);
        assertThat(replay.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(replay.getHeader("Location")).isEqualTo(first.getHeader("Location"));
        Map<String, Object> other = hotline(number(), "井盖缺失");
        var refused = calls.send(post("/api/v1/appeals").header("Idempotency-Key", key), dispatcher(), other);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(calls.read(refused).path("code").asString()).isEqualTo("idempotency.key-reused");
        assertThat(count("appeal.appeal")).isEqualTo(appeals);
        // The kept response holds the token: it is stored encrypted.
        String token = calls.read(first).path("token").asString();
        assertThat(jdbc.sql("select count(*) from platform.idempotency_key where body like :t")
                        .param("t", "%" + token + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void one_idempotency_key_sent_fifty_times_at_once_registers_one_appeal() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = hotline(number(), "绿地脏乱");
        long before = count("appeal.appeal");
        List<Integer> statuses = Concurrently.run(
                50,
                i -> null,
                (i, unused) -> calls.send(post("/api/v1/appeals").header("Idempotency-Key", key), dispatcher(), body)
                        .getStatus());
        assertThat(statuses).containsOnly(201);
        assertThat(count("appeal.appeal")).isEqualTo(before + 1);
    }

    @Test
    void fifty_parallel_signatures_on_one_work_order_give_exactly_one_winner() throws Exception {
        String id =
                register(hotline(number(), "道路破损")).path("appeal").path("id").asString();
        ok(calls.act(id, "accept", dispatcher(), Map.of()));
        ok(calls.act(id, "dispatch", dispatcher(), Map.of("handlerId", calls.organisation(ENFORCEMENT))));
        long version = calls.read(calls.send(get("/api/v1/appeals/" + id), dispatcher(), null))
                .path("version")
                .asLong();
        List<Integer> statuses = Concurrently.run(
                50,
                i -> null,
                (i, unused) -> calls.send(
                                post("/api/v1/appeals/" + id + "/sign").header("If-Match", "\"" + version + "\""),
                                calls.staffOf(ENFORCEMENT),
                                null)
                        .getStatus());
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(statuses.stream().filter(s -> s != 200)).allMatch(s -> s == 412 || s == 409);
        assertThat(jdbc.sql("select count(*) from appeal.step where appeal_id = :id and action = 'SIGN'")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void a_consultation_is_answered_at_intake_and_closed_without_dispatch() throws Exception {
        Map<String, Object> body = hotline(number(), "请问居住证在哪里办理？");
        body.put("type", "CONSULTATION");
        body.put("categoryCode", "L0206");
        String id = register(body).path("appeal").path("id").asString();
        JsonNode closed = ok(calls.act(id, "answer-at-intake", dispatcher(), Map.of("answer", "请携带身份证到街道政务服务中心办理。")));
        assertThat(closed.path("closure").asString()).isEqualTo("ANSWERED_AT_INTAKE");
        assertThat(closed.path("handler").isNull()).isTrue();
    }

    @Test
    void staff_of_another_street_neither_see_nor_act_on_the_appeal() throws Exception {
        String id =
                register(hotline(number(), "垃圾暴露")).path("appeal").path("id").asString();
        UUID wujiaochang = territory.requireByCode("310110012").id().value();
        var other = Staff.as("wujiaochang.dispatcher", Set.of(wujiaochang), Role.STREET_ADMIN);
        assertThat(calls.send(get("/api/v1/appeals/" + id), other, null).getStatus())
                .isEqualTo(404);
        var act = calls.send(post("/api/v1/appeals/" + id + "/accept").header("If-Match", "\"0\""), other, Map.of());
        assertThat(act.getStatus()).isEqualTo(404);
    }

    @Test
    void a_category_edit_is_a_new_version_that_only_new_appeals_use() throws Exception {
        var current = calls.send(get("/api/v1/appeal-categories/E0303"), dispatcher(), null);
        String etag = current.getHeader("ETag");
        JsonNode c = calls.read(current);
        String id = register(Map.of(
                        "channel", "HOTLINE",
                        "type", "COMPLAINT",
                        "categoryCode", "E0303",
                        "content", "渣土车遗撒",
                        "unitCode", ERLIZHUANG,
                        "reporterPhone", "010-62345678",
                        "workOrderNumber", number()))
                .path("appeal")
                .path("id")
                .asString();
        Map<String, Object> edit = new java.util.LinkedHashMap<>();
        edit.put("name", c.path("name").asString());
        edit.put("keywords", c.path("keywords").asString());
        edit.put("filingCondition", c.path("filingCondition").asString());
        edit.put("closingCondition", c.path("closingCondition").asString());
        edit.put("responseLimit", "1h");
        edit.put("emergencyLimit", "2h");
        edit.put("ordinaryLimit", "3wd");
        edit.put("complexLimit", "10wd");
        edit.put("defaultHandler", c.path("defaultHandler").asString());
        var noTag = calls.send(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                        "/api/v1/appeal-categories/E0303"),
                dispatcher(),
                edit);
        assertThat(noTag.getStatus()).isEqualTo(428);
        edit.put("ordinaryLimit", "3 days");
        var bad = calls.send(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/appeal-categories/E0303")
                        .header("If-Match", etag),
                dispatcher(),
                edit);
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(calls.read(bad).path("errors").get(0).path("location").asString())
                .isEqualTo("ordinaryLimit");
        edit.put("ordinaryLimit", "3wd");
        var revised = calls.send(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/appeal-categories/E0303")
                        .header("If-Match", etag),
                dispatcher(),
                edit);
        assertThat(revised.getStatus()).as(revised.getContentAsString()).isEqualTo(200);
        int newVersion = calls.read(revised).path("version").asInt();
        assertThat(newVersion).isEqualTo(c.path("version").asInt() + 1);
        var staleAgain = calls.send(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/appeal-categories/E0303")
                        .header("If-Match", etag),
                dispatcher(),
                edit);
        assertThat(staleAgain.getStatus()).isEqualTo(412);
        // The appeal registered before keeps its version; one registered now takes the new one.
        JsonNode before = calls.read(calls.send(get("/api/v1/appeals/" + id), dispatcher(), null));
        assertThat(before.path("categoryVersion").asInt())
                .isEqualTo(c.path("version").asInt());
        Map<String, Object> later = hotline(number(), "渣土车遗撒");
        later.put("categoryCode", "E0303");
        assertThat(register(later).path("appeal").path("categoryVersion").asInt())
                .isEqualTo(newVersion);
        assertThat(calls.read(calls.send(get("/api/v1/appeal-categories/E0303/versions"), dispatcher(), null))
                        .size())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void the_category_type_ahead_finds_chinese_words_inside_names_and_keywords() throws Exception {
        JsonNode found = calls.read(calls.send(get("/api/v1/appeal-categories?q=乱停车"), dispatcher(), null));
        List<String> codes = new ArrayList<>();
        found.forEach(c -> codes.add(c.path("code").asString()));
        assertThat(codes).contains("E0504", "L0101");
        JsonNode lift = calls.read(calls.send(get("/api/v1/appeal-categories?q=电梯"), dispatcher(), null));
        assertThat(lift.get(0).path("name").asString()).contains("电梯");
        assertThat(calls.read(calls.send(get("/api/v1/appeal-categories"), dispatcher(), null))
                        .size())
                .isGreaterThanOrEqualTo(80);
    }

    @Test
    void the_operator_sees_a_callers_earlier_appeals_masked_by_their_number() throws Exception {
        Map<String, Object> body = hotline(number(), "楼道堆物严重");
        body.put("reporterPhone", "13912345678");
        register(body);
        var r = calls.send(post("/api/v1/appeals/caller-history"), dispatcher(), Map.of("phone", "139-1234-5678"));
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(calls.read(r).size()).isGreaterThanOrEqualTo(1);
        assertThat(calls.read(r).get(0).path("summary").asString()).isEqualTo("楼道堆物严重");
        assertThat(r.getContentAsString()).doesNotContain("13912345678");

        // Another 街道's operator does not see them: the caller's appeals here are not theirs to read.
        var elsewhere = Staff.as(
                "dongzhimen.dispatcher",
                Set.of(territory.requireByCode("110101008").id().value()),
                Role.STREET_ADMIN);
        var none = calls.send(post("/api/v1/appeals/caller-history"), elsewhere, Map.of("phone", "139-1234-5678"));
        assertThat(none.getStatus()).isEqualTo(200);
        assertThat(none.getContentAsString()).doesNotContain("楼道堆物严重");
    }

    @Test
    void the_handling_unit_opens_the_contact_with_a_reason_while_the_case_is_theirs_and_it_is_audited()
            throws Exception {
        String id =
                register(hotline(number(), "需要电话核实")).path("appeal").path("id").asString();
        calls.act(id, "accept", dispatcher(), Map.of());
        calls.act(id, "dispatch", dispatcher(), Map.of("handlerId", calls.organisation(ENFORCEMENT)));
        var handler = Staff.ofOrganisation("enforcer", calls.organisation(ENFORCEMENT), true, Role.DEPARTMENT_STAFF);
        String url = "/api/v1/appeals/" + id + "/contact";
        assertThat(calls.send(post(url), handler, Map.of("reason", "短")).getStatus())
                .isEqualTo(400);
        var opened = calls.send(post(url), handler, Map.of("reason", "电话联系诉求人核实位置"));
        assertThat(opened.getStatus()).as(opened.getContentAsString()).isEqualTo(200);
        assertThat(calls.read(opened).path("phone").asString()).isEqualTo("13800138000");
        assertThat(calls.read(opened).path("name").asString()).isEqualTo("张三丰");
        assertThat(jdbc.sql("select count(*) from platform.audit_event where action = 'personal-data.unmasked'"
                                + " and object_id = :id and summary like '%电话联系诉求人核实位置%'")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // On the page: masked until asked, then shown once with the note that it was recorded.
        var page = mvc.perform(get("/appeals/" + id).with(handler).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
        assertThat(page.getContentAsString())
                .contains("138****8000")
                .doesNotContain("13800138000")
                .contains("查看联系方式");
        var shown = mvc.perform(post("/appeals/" + id + "/contact")
                        .with(handler)
                        .accept(MediaType.TEXT_HTML)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("reason", "上门核实前电话确认"))
                .andReturn()
                .getResponse();
        assertThat(shown.getStatus()).isEqualTo(200);
        assertThat(shown.getContentAsString()).contains("13800138000").contains("本次查看及理由已记入审计日志");
        assertThat(shown.getHeader("Cache-Control")).contains("no-store");
        // Without the personal-data permission, another unit, or the dispatcher who is no handler: refused.
        assertThat(calls.send(post(url), calls.staffOf(ENFORCEMENT), Map.of("reason", "电话联系诉求人"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(calls.send(
                                post(url),
                                Staff.ofOrganisation("police", calls.organisation(POLICE), true, Role.DEPARTMENT_STAFF),
                                Map.of("reason", "电话联系诉求人"))
                        .getStatus())
                .isEqualTo(404);
        // Once the case is no longer theirs (voided here), not even the handler.
        String other =
                register(hotline(number(), "作废后不可查看")).path("appeal").path("id").asString();
        calls.act(other, "void", dispatcher(), Map.of("reason", "重复来电"));
        assertThat(calls.send(post("/api/v1/appeals/" + other + "/contact"), handler, Map.of("reason", "电话联系诉求人"))
                        .getStatus())
                .isIn(403, 404);
    }
}
