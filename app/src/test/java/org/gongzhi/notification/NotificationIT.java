package org.gongzhi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.support.AppealCalls;
import org.gongzhi.support.AppealTest;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.TestSms;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/** Inbox notices for the units an appeal concerns, and texts to its reporter, each once. */
@PlatformTest
class NotificationIT extends AppealTest {

    JsonNode register(String phone) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", "HOTLINE");
        m.put("type", "COMPLAINT");
        m.put("categoryCode", "E0504");
        m.put("content", "通知测试");
        m.put("unitCode", "110108010005");
        m.put("reporterPhone", phone);
        m.put(
                "workOrderNumber",
                "N" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        var r = calls.send(post("/api/v1/appeals"), dispatcher(), m);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return calls.read(r).path("appeal");
    }

    List<String> kinds(RequestPostProcessor who, String trackingCode) throws Exception {
        List<String> kinds = new java.util.ArrayList<>();
        calls.read(calls.send(get("/api/v1/inbox?limit=200"), who, null))
                .path("notices")
                .forEach(n -> {
                    if (n.path("trackingCode").asString().equals(trackingCode)) {
                        kinds.add(n.path("kind").asString());
                    }
                });
        return kinds;
    }

    @Test
    void the_lead_unit_the_co_handler_and_the_street_each_get_their_notice_once() throws Exception {
        JsonNode appeal = register("13700001111");
        String id = appeal.path("id").asString();
        String code = appeal.path("trackingCode").asString();
        calls.act(id, "accept", dispatcher(), Map.of());
        var dispatched = calls.act(
                id,
                "dispatch",
                dispatcher(),
                Map.of(
                        "handlerId", calls.organisation("海淀交通支队学院路大队"),
                        "coHandlerIds", List.of(calls.organisation("海淀分局学院路派出所"))));
        assertThat(dispatched.getStatus()).as(dispatched.getContentAsString()).isEqualTo(200);
        var traffic = calls.staffOf("海淀交通支队学院路大队");
        var police = calls.staffOf("海淀分局学院路派出所");
        AppealCalls.await("new work order", () -> {
            try {
                return kinds(traffic, code).contains("NEW_WORK_ORDER");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(kinds(traffic, code)).containsExactly("NEW_WORK_ORDER");
        assertThat(kinds(police, code)).containsExactly("CO_HANDLING");
        assertThat(kinds(calls.staffOf("海淀区市场监督管理局学院路所"), code)).isEmpty();

        calls.act(id, "objection", traffic, Map.of("reason", "应由城管处理"));
        AppealCalls.await("objection", () -> {
            try {
                return kinds(dispatcher(), code).contains("OBJECTION");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        JsonNode inbox = calls.read(calls.send(get("/api/v1/inbox?limit=200"), traffic, null));
        long unread = inbox.path("unread").asLong();
        long notice = 0;
        for (JsonNode n : inbox.path("notices")) {
            if (n.path("trackingCode").asString().equals(code)) {
                notice = n.path("id").asLong();
            }
        }
        assertThat(calls.send(post("/api/v1/inbox/" + notice + "/read"), traffic, null)
                        .getStatus())
                .isEqualTo(204);
        assertThat(calls.read(calls.send(get("/api/v1/inbox"), traffic, null))
                        .path("unread")
                        .asLong())
                .isEqualTo(unread - 1);
        // Someone else's notice is not in your inbox.
        assertThat(calls.send(post("/api/v1/inbox/" + notice + "/read"), calls.staffOf("海淀区市场监督管理局学院路所"), null)
                        .getStatus())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from notification.notice where tracking_code = :c and kind ="
                                + " 'NEW_WORK_ORDER'")
                        .param("c", code)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // Re-dispatched away (the police co-handling no more): the traffic team's old notice says so on the inbox
        // page instead of opening an appeal that is no longer theirs.
        var moved = calls.act(
                id,
                "redispatch",
                dispatcher(),
                Map.of("handlerId", calls.organisation("海淀区城市管理综合行政执法局学院路执法队"), "reason", "城管职责"));
        assertThat(moved.getStatus()).as(moved.getContentAsString()).isEqualTo(200);
        var opened = mvc.perform(
                        post("/inbox/" + notice + "/open")
                                .with(traffic)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn()
                .getResponse();
        assertThat(opened.getStatus()).isEqualTo(409);
        assertThat(opened.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("已改派给其他单位");
    }

    @Test
    void a_work_order_sent_to_the_residents_committee_reaches_the_community_workers_inbox() throws Exception {
        JsonNode appeal = register("13900001234");
        String id = appeal.path("id").asString();
        String code = appeal.path("trackingCode").asString();
        calls.act(id, "accept", dispatcher(), Map.of());
        var dispatched = calls.act(id, "dispatch", dispatcher(), Map.of("handlerId", calls.organisation("二里庄社区居委会")));
        assertThat(dispatched.getStatus()).as(dispatched.getContentAsString()).isEqualTo(200);
        // The community worker's scope is the 社区, not the committee: the committee is their place's office.
        var community = org.gongzhi.support.Staff.as(
                "erlizhuang.worker",
                java.util.Set.of(territory.requireByCode(ERLIZHUANG).id().value()),
                org.gongzhi.identity.Role.COMMUNITY_WORKER);
        AppealCalls.await("the committee's new work order", () -> {
            try {
                return kinds(community, code).contains("NEW_WORK_ORDER");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // Another 社区's worker does not see it.
        var elsewhere = org.gongzhi.support.Staff.as(
                "other.worker",
                java.util.Set.of(territory.requireByCode("110108010006").id().value()),
                org.gongzhi.identity.Role.COMMUNITY_WORKER);
        assertThat(kinds(elsewhere, code)).isEmpty();
    }

    @Test
    void the_reporter_is_texted_the_tracking_code_and_told_of_the_answer_and_a_landline_gets_nothing()
            throws Exception {
        String mobile = "1370000" + String.format("%04d", (int) (Math.random() * 10_000));
        int before = TestSms.sentTo(mobile);
        JsonNode appeal = register(mobile);
        String code = appeal.path("trackingCode").asString();
        AppealCalls.await("registration text", () -> TestSms.sentTo(mobile) == before + 1);
        assertThat(TestSms.last(mobile)).contains(code);

        String id = appeal.path("id").asString();
        calls.act(id, "accept", dispatcher(), Map.of());
        calls.act(id, "dispatch", dispatcher(), Map.of("handlerId", calls.organisation("海淀交通支队学院路大队")));
        var traffic = calls.staffOf("海淀交通支队学院路大队");
        calls.act(id, "sign", traffic, null);
        calls.act(id, "response", traffic, Map.of("note", "已联系"));
        assertThat(calls.act(id, "answer", traffic, Map.of("result", "已处理")).getStatus())
                .isEqualTo(200);
        AppealCalls.await("answer text", () -> TestSms.sentTo(mobile) == before + 2);
        assertThat(TestSms.last(mobile)).contains("答复");
        Thread.sleep(500);
        assertThat(TestSms.sentTo(mobile)).isEqualTo(before + 2);

        JsonNode landline = register("010-62345678");
        Thread.sleep(1000);
        assertThat(jdbc.sql("select count(*) from notification.text_sent where appeal_id = :id")
                        .param("id", UUID.fromString(landline.path("id").asString()))
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
