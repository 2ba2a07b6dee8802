package org.gongzhi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.gongzhi.identity.Role;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.gongzhi.support.TestSms;
import org.gongzhi.territory.TerritoryQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Inbox notices for the units an appeal concerns, and texts to its reporter, each once. */
@PlatformTest
class NotificationIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TerritoryQueries territory;

    final JsonMapper json = JsonMapper.shared();

    RequestPostProcessor dispatcher() {
        return Staff.as(
                "xueyuanlu.dispatcher",
                Set.of(territory.requireByCode("110108010").id().value()),
                Role.STREET_ADMIN);
    }

    UUID organisation(String name) {
        return jdbc.sql("select id from organization.organisation where name = :name")
                .param("name", name)
                .query(UUID.class)
                .single();
    }

    RequestPostProcessor staffOf(String name) {
        return Staff.ofOrganisation("staff-" + Math.abs(name.hashCode()), organisation(name), Role.DEPARTMENT_STAFF);
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder request, RequestPostProcessor who, Object body)
            throws Exception {
        return mvc.perform(request.with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .content(body == null ? "" : json.writeValueAsString(body)))
                .andReturn()
                .getResponse();
    }

    JsonNode read(MockHttpServletResponse r) throws Exception {
        return json.readTree(r.getContentAsString());
    }

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
        var r = send(post("/api/v1/appeals"), dispatcher(), m);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return read(r).path("appeal");
    }

    MockHttpServletResponse act(String id, String action, RequestPostProcessor who, Object body) throws Exception {
        long version = read(send(get("/api/v1/appeals/" + id), dispatcher(), null))
                .path("version")
                .asLong();
        return send(post("/api/v1/appeals/" + id + "/" + action).header("If-Match", "\"" + version + "\""), who, body);
    }

    static void await(String what, BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(until);
            Thread.sleep(100);
        }
    }

    List<String> kinds(RequestPostProcessor who, String trackingCode) throws Exception {
        List<String> kinds = new java.util.ArrayList<>();
        read(send(get("/api/v1/inbox?limit=200"), who, null)).path("notices").forEach(n -> {
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
        act(id, "accept", dispatcher(), Map.of());
        var dispatched = act(
                id,
                "dispatch",
                dispatcher(),
                Map.of(
                        "handlerId", organisation("海淀交通支队学院路大队"),
                        "coHandlerIds", List.of(organisation("海淀分局学院路派出所"))));
        assertThat(dispatched.getStatus()).as(dispatched.getContentAsString()).isEqualTo(200);
        var traffic = staffOf("海淀交通支队学院路大队");
        var police = staffOf("海淀分局学院路派出所");
        await("new work order", () -> {
            try {
                return kinds(traffic, code).contains("NEW_WORK_ORDER");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(kinds(traffic, code)).containsExactly("NEW_WORK_ORDER");
        assertThat(kinds(police, code)).containsExactly("CO_HANDLING");
        assertThat(kinds(staffOf("海淀区市场监督管理局学院路所"), code)).isEmpty();

        act(id, "objection", traffic, Map.of("reason", "应由城管处理"));
        await("objection", () -> {
            try {
                return kinds(dispatcher(), code).contains("OBJECTION");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        JsonNode inbox = read(send(get("/api/v1/inbox?limit=200"), traffic, null));
        long unread = inbox.path("unread").asLong();
        long notice = 0;
        for (JsonNode n : inbox.path("notices")) {
            if (n.path("trackingCode").asString().equals(code)) {
                notice = n.path("id").asLong();
            }
        }
        assertThat(send(post("/api/v1/inbox/" + notice + "/read"), traffic, null)
                        .getStatus())
                .isEqualTo(204);
        assertThat(read(send(get("/api/v1/inbox"), traffic, null))
                        .path("unread")
                        .asLong())
                .isEqualTo(unread - 1);
        // Someone else's notice is not in your inbox.
        assertThat(send(post("/api/v1/inbox/" + notice + "/read"), staffOf("海淀区市场监督管理局学院路所"), null)
                        .getStatus())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from notification.notice where tracking_code = :c and kind ="
                                + " 'NEW_WORK_ORDER'")
                        .param("c", code)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void the_reporter_is_texted_the_tracking_code_and_told_of_the_answer_and_a_landline_gets_nothing()
            throws Exception {
        String mobile = "1370000" + String.format("%04d", (int) (Math.random() * 10_000));
        int before = TestSms.sentTo(mobile);
        JsonNode appeal = register(mobile);
        String code = appeal.path("trackingCode").asString();
        await("registration text", () -> TestSms.sentTo(mobile) == before + 1);
        assertThat(TestSms.last(mobile)).contains(code);

        String id = appeal.path("id").asString();
        act(id, "accept", dispatcher(), Map.of());
        act(id, "dispatch", dispatcher(), Map.of("handlerId", organisation("海淀交通支队学院路大队")));
        var traffic = staffOf("海淀交通支队学院路大队");
        act(id, "sign", traffic, null);
        act(id, "response", traffic, Map.of("note", "已联系"));
        assertThat(act(id, "answer", traffic, Map.of("result", "已处理")).getStatus())
                .isEqualTo(200);
        await("answer text", () -> TestSms.sentTo(mobile) == before + 2);
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
