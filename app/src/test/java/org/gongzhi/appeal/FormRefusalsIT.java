package org.gongzhi.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.gongzhi.identity.Role;
import org.gongzhi.support.AppealTest;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * What the pages say when they refuse: each field's reason beside it with the text kept, a rule about the whole
 * appeal at the top, a stale one-button action on the page as it is now, a refused address where the places would
 * be, and 403 before any If-Match question for someone who may not edit at all.
 */
@PlatformTest
class FormRefusalsIT extends AppealTest {

    String register(String type) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", "WALK_IN");
        m.put("type", type);
        m.put("content", "表单拒绝测试");
        m.put("unitCode", ERLIZHUANG);
        JsonNode r = calls.read(calls.send(post("/api/v1/appeals"), dispatcher(), m));
        return r.path("appeal").path("id").asString();
    }

    MockHttpServletResponse form(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(dispatcher())).andReturn().getResponse();
    }

    @Test
    void an_empty_reason_is_said_beside_its_field_and_what_was_typed_stays() throws Exception {
        String id = register("COMPLAINT");
        var page = form(post("/appeals/" + id + "/act")
                .param("action", "VOID")
                .param("version", "0")
                .param("reason", " "));
        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(page.getContentAsString()).containsPattern("class=\"field-error\">[^<]*不能为空");

        var tooLong = form(post("/appeals/" + id + "/act")
                .param("action", "VOID")
                .param("version", "0")
                .param("reason", "理由" + "长".repeat(2000)));
        assertThat(tooLong.getStatus()).isEqualTo(400);
        assertThat(tooLong.getContentAsString()).contains("理由长长长");
    }

    @Test
    void an_action_without_the_version_read_is_428_keeps_the_text_and_changes_nothing() throws Exception {
        String id = register("COMPLAINT");
        for (String version : new String[] {"-1", "", "abc"}) {
            var request =
                    post("/appeals/" + id + "/act").param("action", "VOID").param("reason", "诉求人撤回，理由保留");
            var page = form(version.isEmpty() ? request : request.param("version", version));
            assertThat(page.getStatus()).as(version).isEqualTo(428);
            assertThat(page.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                    .contains("请刷新页面后再操作")
                    .contains("诉求人撤回，理由保留")
                    .doesNotContain("第 -1 版");
        }
        // Over the API, an If-Match naming no version this appeal issued is 412 without a made-up version.
        var api = calls.send(
                post("/api/v1/appeals/" + id + "/void").header("If-Match", "\"abc\""),
                dispatcher(),
                Map.of("reason", "撤回"));
        assertThat(api.getStatus()).isEqualTo(412);
        JsonNode problem = calls.read(api);
        assertThat(problem.path("code").asString()).isEqualTo("if-match.unknown-tag");
        // (The detail only: the instance is a path with a random id in it.)
        assertThat(problem.path("detail").asString()).doesNotContain("-1");
        assertThat(calls.read(calls.send(get("/api/v1/appeals/" + id), dispatcher(), null))
                        .path("state")
                        .asString())
                .isEqualTo("REGISTERED");
    }

    @Test
    void a_category_form_without_the_version_read_is_refused_and_changes_nothing() throws Exception {
        long versions = jdbc.sql("select count(*) from appeal.category where code = 'E0402'")
                .query(Long.class)
                .single();
        for (String version : new String[] {"-1", "", "第二版"}) {
            var page = form(post("/settings/categories")
                    .param("code", "E0402")
                    .param("version", version)
                    .param("name", "改过的名称")
                    .param("filingCondition", "有")
                    .param("closingCondition", "有")
                    .param("responseLimit", "2h")
                    .param("emergencyLimit", "4h")
                    .param("ordinaryLimit", "5wd")
                    .param("complexLimit", "15wd")
                    .param("defaultHandler", "街道城管执法队")
                    .param("active", "true"));
            assertThat(page.getStatus()).as(version).isEqualTo(428);
            assertThat(page.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                    .contains("请刷新页面后再修改")
                    .doesNotContain("第 -1 版");
        }
        assertThat(jdbc.sql("select count(*) from appeal.category where code = 'E0402'")
                        .query(Long.class)
                        .single())
                .isEqualTo(versions);
    }

    @Test
    void a_rule_about_the_whole_appeal_is_said_at_the_top() throws Exception {
        String id = register("COMPLAINT");
        var page = form(post("/appeals/" + id + "/act")
                .param("action", "ANSWER_AT_INTAKE")
                .param("version", "0")
                .param("answer", "已解答"));
        assertThat(page.getStatus()).isEqualTo(422);
        assertThat(page.getContentAsString()).contains("只有咨询类诉求可以即答办结");
    }

    @Test
    void a_retired_or_wrong_kind_article_is_refused_beside_the_suggestions() throws Exception {
        String id = register("CONSULTATION");
        String route = calls.read(calls.send(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                        "/api/v1/knowledge-articles")
                                .param("q", "拖欠工资")
                                .param("kind", "LEGAL_ROUTE"),
                        dispatcher(),
                        null))
                .get(0)
                .path("id")
                .asString();
        var page = form(post("/appeals/" + id + "/act")
                .param("action", "ANSWER_AT_INTAKE")
                .param("version", "0")
                .param("answer", "")
                .param("article", route));
        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(page.getContentAsString()).contains("已停用或不适用于此操作");
        assertThat(calls.read(calls.send(
                                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                        "/api/v1/appeals/" + id),
                                dispatcher(),
                                null))
                        .path("state")
                        .asString())
                .isEqualTo("REGISTERED");
    }

    @Test
    void retiring_from_a_stale_list_shows_the_list_as_it_is_now() throws Exception {
        Map<String, Object> draft = Map.of("kind", "ANSWER", "title", "过期列表测试", "answer", "答复内容");
        String id = calls.read(calls.send(post("/api/v1/knowledge-articles"), dispatcher(), draft))
                .path("id")
                .asString();
        calls.send(put("/api/v1/knowledge-articles/" + id).header("If-Match", "\"0\""), dispatcher(), draft);
        var page = form(post("/settings/knowledge/active")
                .param("id", id)
                .param("version", "0")
                .param("active", "false"));
        assertThat(page.getStatus()).isEqualTo(409);
        assertThat(page.getContentAsString()).contains("notice refusal", "已被他人修改", "过期列表测试");
    }

    @Test
    void a_refused_address_is_said_where_the_places_would_be() throws Exception {
        var page = form(post("/appeals/new/address-candidates").param("address", "路".repeat(201)));
        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(page.getContentAsString()).contains("class=\"field-error\"").doesNotContain("<html");
    }

    @Test
    void someone_who_may_not_edit_hears_403_whatever_their_if_match() throws Exception {
        var worker = Staff.as(
                "erlizhuang.refusals",
                Set.of(territory.requireByCode(ERLIZHUANG).id().value()),
                Role.COMMUNITY_WORKER);
        String article = calls.read(calls.send(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/api/v1/knowledge-articles"),
                        dispatcher(),
                        null))
                .get(0)
                .path("id")
                .asString();
        assertThat(calls.send(put("/api/v1/knowledge-articles/" + article), worker, Map.of("title", "x"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(calls.send(put("/api/v1/appeal-categories/E0504"), worker, Map.of("name", "x"))
                        .getStatus())
                .isEqualTo(403);
        var malformed = calls.send(
                put("/api/v1/knowledge-articles/" + article).header("If-Match", "garbage"),
                dispatcher(),
                Map.of("title", "x"));
        assertThat(malformed.getStatus()).isEqualTo(400);
        assertThat(calls.read(malformed).path("code").asString()).isEqualTo("if-match.malformed");
    }
}
