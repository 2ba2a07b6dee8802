package org.gongzhi.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.HashMap;
import java.util.List;
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
 * The 智库: the street lists experts who agreed to be listed, their phones masked; bad input changes nothing; experts
 * are asked onto needs and projects of their own 街道 once each (双师联动: a planner and a community builder on one
 * project); edits need If-Match.
 */
@PlatformTest
class ExpertIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TerritoryQueries territory;

    AppealCalls calls;
    UUID xueyuanlu;
    UUID dongzhimen;
    UUID erlizhuang;
    RequestPostProcessor street;

    @BeforeEach
    void setUp() {
        calls = new AppealCalls(mvc, jdbc, Staff.sysAdmin());
        xueyuanlu = territory.requireByCode("110108010").id().value();
        dongzhimen = territory.requireByCode("110101008").id().value();
        erlizhuang = territory.requireByCode("110108010005").id().value();
        street = Staff.streetAdmin(xueyuanlu);
    }

    static Map<String, Object> expert(UUID subdistrict, String name, String role) {
        Map<String, Object> m = new HashMap<>();
        m.put("subdistrictId", subdistrict.toString());
        m.put("name", name);
        m.put("role", role);
        m.put("affiliation", "街区责任规划师团队");
        m.put("tags", List.of("适老化改造", "加装电梯", " ", "公共空间"));
        m.put("bio", "参与老旧小区综合整治。");
        m.put("contactPhone", "13800138000");
        m.put("consent", true);
        return m;
    }

    long count() {
        return jdbc.sql("select count(*) from listing.expert").query(Long.class).single();
    }

    JsonNode ok(MockHttpServletResponse r, int status) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
        return calls.read(r);
    }

    @Test
    void the_street_lists_an_expert_who_agreed_and_bad_input_changes_nothing() throws Exception {
        JsonNode e =
                ok(calls.send(post("/api/v1/experts"), street, expert(xueyuanlu, "韩规划", "RESPONSIBLE_PLANNER")), 201);
        assertThat(e.path("contactPhone").asString()).isEqualTo("138****8000");
        assertThat(e.path("tags").toString()).isEqualTo("[\"适老化改造\",\"加装电梯\",\"公共空间\"]");
        String stored = jdbc.sql("select contact_phone from listing.expert where id = ?")
                .param(UUID.fromString(e.path("id").asString()))
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain("13800138000");

        long before = count();
        Map<String, Object> bad = expert(xueyuanlu, "", "RESPONSIBLE_PLANNER");
        bad.put("consent", false);
        bad.put("tags", List.of("这是一个远远超过二十个字的专长标签用来测试长度限制是否生效"));
        bad.put("contactPhone", "12345");
        JsonNode problem = ok(calls.send(post("/api/v1/experts"), street, bad), 400);
        assertThat(problem.path("errors").toString())
                .contains("\"consent\"")
                .contains("\"tags\"")
                .contains("\"name\"")
                .contains("\"contactPhone\"");
        Map<String, Object> nowhere = expert(erlizhuang, "韩规划", "SCHOLAR");
        assertThat(ok(calls.send(post("/api/v1/experts"), street, nowhere), 400)
                        .path("errors")
                        .toString())
                .contains("subdistrictId");
        // Only the street keeps the list, and only its own 街道's.
        var worker = Staff.as("erlizhuang-worker", Set.of(erlizhuang), Role.COMMUNITY_WORKER);
        assertThat(calls.send(post("/api/v1/experts"), worker, expert(xueyuanlu, "韩规划", "SCHOLAR"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(calls.send(post("/api/v1/experts"), street, expert(dongzhimen, "韩规划", "SCHOLAR"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(count()).isEqualTo(before);

        // Staff of the 街道 read it; another 街道 does not find it.
        String id = e.path("id").asString();
        ok(calls.send(get("/api/v1/experts/" + id), worker, null), 200);
        assertThat(calls.send(get("/api/v1/experts/" + id), Staff.streetAdmin(dongzhimen), null)
                        .getStatus())
                .isEqualTo(404);
        assertThat(ok(calls.send(get("/api/v1/experts?tag=加装电梯"), worker, null), 200)
                        .toString())
                .contains(id);

        // Revising needs the version read.
        Map<String, Object> revised = expert(xueyuanlu, "韩规划", "COMMUNITY_PLANNER");
        revised.put("contactPhone", "138****8000");
        assertThat(calls.send(put("/api/v1/experts/" + id), street, revised).getStatus())
                .isEqualTo(428);
        assertThat(calls.send(put("/api/v1/experts/" + id).header("If-Match", "\"7\""), street, revised)
                        .getStatus())
                .isEqualTo(412);
        JsonNode r = ok(calls.send(put("/api/v1/experts/" + id).header("If-Match", "\"0\""), street, revised), 200);
        assertThat(r.path("role").asString()).isEqualTo("COMMUNITY_PLANNER");
        assertThat(r.path("contactPhone").asString())
                .as("kept when sent back masked")
                .isEqualTo("138****8000");
    }

    @Test
    void a_planner_and_a_community_builder_advise_one_project_and_each_only_once() throws Exception {
        String planner = ok(
                        calls.send(post("/api/v1/experts"), street, expert(xueyuanlu, "严规划", "COMMUNITY_PLANNER")), 201)
                .path("id")
                .asString();
        String builder = ok(
                        calls.send(post("/api/v1/experts"), street, expert(xueyuanlu, "柳营造", "COMMUNITY_BUILDER")), 201)
                .path("id")
                .asString();
        String far = ok(
                        calls.send(
                                post("/api/v1/experts"),
                                Staff.streetAdmin(dongzhimen),
                                expert(dongzhimen, "东规划", "RESPONSIBLE_PLANNER")),
                        201)
                .path("id")
                .asString();
        String project = jdbc.sql("select id from listing.project where subdistrict_id = ? limit 1")
                .param(xueyuanlu)
                .query(String.class)
                .single();

        ok(calls.send(post("/api/v1/projects/" + project + "/experts"), street, Map.of("expertId", planner)), 201);
        JsonNode advising = ok(
                calls.send(
                        post("/api/v1/projects/" + project + "/experts"),
                        street,
                        Map.of("expertId", builder, "note", "组织居民议事")),
                201);
        assertThat(advising.toString()).contains("柳营造").contains("组织居民议事");
        assertThat(advising.toString()).contains("\"role\":\"COMMUNITY_PLANNER\"", "\"role\":\"COMMUNITY_BUILDER\"");
        assertThat(calls.send(post("/api/v1/projects/" + project + "/experts"), street, Map.of("expertId", planner))
                        .getStatus())
                .isEqualTo(409);
        // Another 街道's expert: unseen by this street (404); refused to one who sees both 街道 (422).
        assertThat(calls.send(post("/api/v1/projects/" + project + "/experts"), street, Map.of("expertId", far))
                        .getStatus())
                .isEqualTo(404);
        assertThat(calls.send(
                                post("/api/v1/projects/" + project + "/experts"),
                                Staff.streetAdmin(xueyuanlu, dongzhimen),
                                Map.of("expertId", far))
                        .getStatus())
                .isEqualTo(422);
        assertThat(calls.send(post("/api/v1/projects/" + project + "/experts"), street, Map.of())
                        .getStatus())
                .isEqualTo(400);

        JsonNode left =
                ok(calls.send(delete("/api/v1/projects/" + project + "/experts/" + builder), street, null), 200);
        assertThat(left.toString()).doesNotContain("柳营造");
        assertThat(calls.send(delete("/api/v1/projects/" + project + "/experts/" + builder), street, null)
                        .getStatus())
                .isEqualTo(404);
    }
}
