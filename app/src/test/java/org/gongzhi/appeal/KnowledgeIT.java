package org.gongzhi.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.gongzhi.identity.Role;
import org.gongzhi.support.AppealCalls;
import org.gongzhi.support.AppealTest;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.gongzhi.support.TestSms;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Classification (接诉即办条例 Art 11): the knowledge base searched in Chinese and edited with If-Match, a 咨询 answered
 * from it and closed without dispatch, a legal route given, and repeats found nearby, linked and told.
 */
@PlatformTest
class KnowledgeIT extends AppealTest {

    RequestPostProcessor worker() {
        return Staff.as(
                "erlizhuang.kb", Set.of(territory.requireByCode(ERLIZHUANG).id().value()), Role.COMMUNITY_WORKER);
    }

    JsonNode search(String q, String kind) throws Exception {
        var r = calls.send(
                get("/api/v1/knowledge-articles").param("q", q).param("kind", kind == null ? "" : kind),
                worker(),
                null);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return calls.read(r);
    }

    @Test
    void a_question_in_other_words_finds_its_answer_first() throws Exception {
        assertThat(search("请问暖气什么时候开始供暖？", null).get(0).path("title").asString())
                .isEqualTo("集中供暖时间和室温标准");
        assertThat(search("老楼想装电梯要多少户同意", "ANSWER").get(0).path("title").asString())
                .isEqualTo("既有多层住宅加装电梯");
        JsonNode route = search("公司拖欠我三个月工资", "LEGAL_ROUTE");
        assertThat(route.get(0).path("title").asString()).startsWith("劳动争议");
        assertThat(route.get(0).path("kind").asString()).isEqualTo("LEGAL_ROUTE");
        assertThat(search("的了吗？！", null)).isEmpty();
    }

    @Test
    void articles_are_added_revised_and_retired_with_their_versions_and_audited() throws Exception {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("kind", "ANSWER");
        draft.put("title", "社区食堂就餐");
        draft.put("questions", "老年食堂在哪里\n社区食堂几点开饭");
        draft.put("answer", "二里庄社区老年餐桌每日11:00至13:00供应午餐，60周岁以上老人凭养老助残卡享受补贴。");
        draft.put("source", "学院路街道养老服务清单");

        var refused = calls.send(post("/api/v1/knowledge-articles"), worker(), draft);
        assertThat(refused.getStatus()).isEqualTo(403);

        var created = calls.send(post("/api/v1/knowledge-articles"), dispatcher(), draft);
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        assertThat(created.getHeader("ETag")).isEqualTo("\"0\"");
        String id = calls.read(created).path("id").asString();
        assertThat(search("老年餐桌几点开饭", null).get(0).path("id").asString()).isEqualTo(id);

        draft.put("answer", "二里庄社区老年餐桌每日11:00至13:30供应午餐。");
        assertThat(calls.send(put("/api/v1/knowledge-articles/" + id), dispatcher(), draft)
                        .getStatus())
                .isEqualTo(428);
        var revised =
                calls.send(put("/api/v1/knowledge-articles/" + id).header("If-Match", "\"0\""), dispatcher(), draft);
        assertThat(revised.getStatus()).as(revised.getContentAsString()).isEqualTo(200);
        assertThat(revised.getHeader("ETag")).isEqualTo("\"1\"");
        assertThat(calls.send(put("/api/v1/knowledge-articles/" + id).header("If-Match", "\"0\""), dispatcher(), draft)
                        .getStatus())
                .isEqualTo(412);

        var retired = calls.send(
                put("/api/v1/knowledge-articles/" + id + "/active").header("If-Match", "\"1\""),
                dispatcher(),
                Map.of("active", false));
        assertThat(retired.getStatus()).as(retired.getContentAsString()).isEqualTo(200);
        assertThat(search("老年餐桌几点开饭", null).toString()).doesNotContain(id);

        assertThat(jdbc.sql("select string_agg(action, ',' order by sequence) from platform.audit_event"
                                + " where object_type = 'appeal-knowledge' and object_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("appeal.knowledge.added,appeal.knowledge.revised,appeal.knowledge.retired");
    }

    @Test
    void a_bad_article_names_every_field_and_writes_nothing() throws Exception {
        long before = count("appeal.knowledge_article");
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("title", "标".repeat(101));
        bad.put("answer", " ");
        bad.put("categoryCode", "X9999");
        bad.put("source", "依".repeat(201));
        var r = calls.send(post("/api/v1/knowledge-articles"), dispatcher(), bad);
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString())
                .contains(
                        "\"location\":\"kind\"",
                        "\"location\":\"title\"",
                        "\"location\":\"answer\"",
                        "\"location\":\"categoryCode\"",
                        "\"location\":\"source\"");
        assertThat(count("appeal.knowledge_article")).isEqualTo(before);
    }

    Map<String, Object> walkIn(String type, String content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", "WALK_IN");
        m.put("type", type);
        m.put("content", content);
        m.put("unitCode", ERLIZHUANG);
        return m;
    }

    @Test
    void a_consultation_is_answered_from_the_knowledge_base_on_the_page_and_closed_without_dispatch() throws Exception {
        JsonNode registered = calls.read(
                calls.send(post("/api/v1/appeals"), dispatcher(), walkIn("CONSULTATION", "居民咨询：今年暖气几号开始供？")));
        String id = registered.path("appeal").path("id").asString();
        String article = search("暖气几号开始", "ANSWER").get(0).path("id").asString();
        long version = registered.path("appeal").path("version").asLong();
        var page = mvc.perform(get("/appeals/" + id).with(dispatcher()))
                .andReturn()
                .getResponse();
        assertThat(page.getContentAsString()).contains("集中供暖时间和室温标准", "value=\"" + article + "\"");

        var answered = mvc.perform(
                        post("/appeals/" + id + "/act")
                                .with(dispatcher())
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("action", "ANSWER_AT_INTAKE")
                                .param("version", String.valueOf(version))
                                .param("answer", "")
                                .param("article", article))
                .andReturn()
                .getResponse();
        assertThat(answered.getStatus()).isEqualTo(302);
        JsonNode closed = calls.read(calls.send(get("/api/v1/appeals/" + id), dispatcher(), null));
        assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("handler").isNull()).isTrue();
        JsonNode timeline = calls.read(calls.send(get("/api/v1/appeals/" + id + "/timeline"), dispatcher(), null));
        assertThat(timeline.get(timeline.size() - 1).path("reason").asString())
                .contains("11月15日")
                .contains("北京市供热采暖管理办法");
    }

    @Test
    void an_open_appeal_of_the_same_kind_nearby_is_suggested_linked_and_both_reporters_are_told() throws Exception {
        double lat = 39.99731;
        double lng = 116.35521;
        Map<String, Object> first = walkIn("COMPLAINT", "楼下餐馆油烟扰民，每天晚上都很严重。");
        first.remove("unitCode");
        first.put("categoryCode", "E0109");
        first.put("latitude", lat);
        first.put("longitude", lng);
        first.put("reporterPhone", "13900000001");
        JsonNode original = calls.read(calls.send(post("/api/v1/appeals"), dispatcher(), first));
        String originalId = original.path("appeal").path("id").asString();

        // The original's own reporter calls again at once: linked too, and later told the answer once. (Registered
        // before the other repeat, so the texts of the answer go out in the order original, this, the other.)
        Map<String, Object> again = new LinkedHashMap<>(first);
        again.put("content", "还是油烟的事，再催一下。");
        String againId = calls.read(calls.send(post("/api/v1/appeals"), dispatcher(), again))
                .path("appeal")
                .path("id")
                .asString();
        calls.act(againId, "repeat-of", dispatcher(), Map.of("original", originalId));
        AppealCalls.await("the second call is linked and told", () -> TestSms.sentTo("13900000001") == 3);

        Map<String, Object> second = new LinkedHashMap<>(first);
        second.put("content", "餐馆油烟太大，窗户都不敢开。");
        second.put("latitude", lat + 0.0009); // 100 m north
        second.put("reporterPhone", "13900000002");
        JsonNode repeat = calls.read(calls.send(post("/api/v1/appeals"), dispatcher(), second));
        String repeatId = repeat.path("appeal").path("id").asString();

        Map<String, Object> far = new LinkedHashMap<>(first);
        far.put("latitude", lat + 0.0027); // 300 m north
        far.put("reporterPhone", "13900000003");
        String farId = calls.read(calls.send(post("/api/v1/appeals"), dispatcher(), far))
                .path("appeal")
                .path("id")
                .asString();

        JsonNode suggested =
                calls.read(calls.send(get("/api/v1/appeals/" + repeatId + "/possible-repeats"), dispatcher(), null));
        assertThat(suggested.toString()).contains(originalId).doesNotContain(farId);
        JsonNode fromFar =
                calls.read(calls.send(get("/api/v1/appeals/" + farId + "/possible-repeats"), dispatcher(), null));
        assertThat(fromFar.toString()).doesNotContain(originalId);

        var linked = calls.act(repeatId, "repeat-of", dispatcher(), Map.of("original", originalId, "reason", "同一餐馆油烟"));
        assertThat(linked.getStatus()).as(linked.getContentAsString()).isEqualTo(200);
        AppealCalls.await(
                "the repeat's reporter is told",
                () -> TestSms.last("13900000002") != null
                        && TestSms.last("13900000002")
                                .contains(original.path("appeal")
                                        .path("trackingCode")
                                        .asString()));
        assertThat(calls.read(calls.send(
                                get("/api/v1/appeals/" + originalId + "/possible-repeats"), dispatcher(), null))
                        .toString())
                .doesNotContain(repeatId);

        // The original's answer goes to both reporters.
        calls.act(originalId, "accept", dispatcher(), Map.of());
        calls.act(originalId, "dispatch", dispatcher(), Map.of());
        String handler = calls.read(calls.send(get("/api/v1/appeals/" + originalId), dispatcher(), null))
                .path("handler")
                .path("name")
                .asString();
        calls.act(originalId, "sign", calls.staffOf(handler), null);
        calls.act(originalId, "response", calls.staffOf(handler), Map.of("note", "已联系"));
        var answer = calls.act(originalId, "answer", calls.staffOf(handler), Map.of("result", "已责令餐馆加装油烟净化设备"));
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
        // The repeat's reporter has had three texts (registered, linked, answered) once the answer reached them.
        AppealCalls.await("the repeat's reporter hears the answer", () -> TestSms.sentTo("13900000002") == 3);
        assertThat(TestSms.last("13900000002"))
                .contains(repeat.path("appeal").path("trackingCode").asString())
                .contains("办理答复");
        assertThat(TestSms.last("13900000001"))
                .contains(original.path("appeal").path("trackingCode").asString())
                .contains("办理答复");
        assertThat(TestSms.sentTo("13900000001")).isEqualTo(4);
    }

    @Test
    void the_repeats_of_a_consultation_answered_at_intake_are_told_the_answer() throws Exception {
        Map<String, Object> first = walkIn("CONSULTATION", "集中供暖几号开始？");
        first.put("categoryCode", "L0201");
        first.put("reporterPhone", "13900000011");
        String originalId = calls.read(calls.send(post("/api/v1/appeals"), dispatcher(), first))
                .path("appeal")
                .path("id")
                .asString();
        Map<String, Object> second = new LinkedHashMap<>(first);
        second.put("reporterPhone", "13900000012");
        JsonNode repeat = calls.read(calls.send(post("/api/v1/appeals"), dispatcher(), second));
        String repeatId = repeat.path("appeal").path("id").asString();
        calls.act(repeatId, "repeat-of", dispatcher(), Map.of("original", originalId));
        AppealCalls.await("the repeat is linked and told", () -> TestSms.sentTo("13900000012") == 2);

        var answered = calls.act(originalId, "answer-at-intake", dispatcher(), Map.of("answer", "11月15日开始供暖。"));
        assertThat(answered.getStatus()).as(answered.getContentAsString()).isEqualTo(200);
        AppealCalls.await("the repeat's reporter hears the answer", () -> TestSms.sentTo("13900000012") == 3);
        assertThat(TestSms.last("13900000012"))
                .contains(repeat.path("appeal").path("trackingCode").asString())
                .contains("办理答复");
    }
}
