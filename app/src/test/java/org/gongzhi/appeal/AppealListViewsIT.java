package org.gongzhi.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.gongzhi.identity.Role;
import org.gongzhi.support.AppealTest;
import org.gongzhi.support.Staff;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The appeal list as a workbook and on the map: only what the viewer may read, the filter applied, the watermark
 * naming who took it and when, no reporter's name or number anywhere, and every export audited.
 */
class AppealListViewsIT extends AppealTest {

    String register(String unitCode, String content, Double latitude, Double longitude) throws Exception {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("channel", "WALK_IN");
        body.put("type", "COMPLAINT");
        body.put("categoryCode", "E0601");
        body.put("content", content);
        body.put("reporterName", "钱多多");
        body.put("reporterPhone", "13712345678");
        if (latitude != null) {
            body.put("latitude", latitude);
            body.put("longitude", longitude);
        } else {
            body.put("unitCode", unitCode);
        }
        boolean here = unitCode == null || unitCode.startsWith(XUEYUANLU);
        var who = here
                ? dispatcher()
                : Staff.as(
                        "dongzhimen.dispatcher",
                        Set.of(territory.requireByCode("110101008").id().value()),
                        Role.STREET_ADMIN);
        var r = calls.send(post("/api/v1/appeals"), who, body);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return calls.read(r).path("appeal").path("trackingCode").asString();
    }

    @Test
    void the_export_holds_what_the_viewer_may_read_with_a_watermark_and_no_personal_data() throws Exception {
        String mine = register(ERLIZHUANG, "联系13712345678，二里庄社区晚上广场舞音响太响。", null, null);
        String theirs = register("110101008004", "胡家园社区楼下商户夜间噪声扰民。", null, null);
        long audited = jdbc.sql("select count(*) from platform.audit_event where action = 'appeal.exported'")
                .query(Long.class)
                .single();

        var r = mvc.perform(
                        post("/appeals/export")
                                .param("category", "E06")
                                .with(dispatcher())
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.getHeader("Content-Disposition")).contains("attachment").contains(".xlsx");

        List<String> cells = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            var sheets = wb.getSheets().toList();
            assertThat(sheets).extracting(s -> s.getName()).containsExactly("诉求台账", "导出说明");
            List<Row> rows = sheets.get(0).read();
            assertThat(rows.get(0).getCellText(0))
                    .contains("xueyuanlu.dispatcher（街道管理员）")
                    .contains("E06")
                    .contains("仅限工作使用");
            assertThat(rows.get(1).getCellText(0)).isEqualTo("查询码");
            for (Row row : rows.subList(2, rows.size())) {
                codes.add(row.getCellText(0));
                assertThat(row.getCellText(4))
                        .as("category of %s", row.getCellText(0))
                        .isIn("噪声扰民", "违规养犬", "群租房", "动物尸体", "违法排污");
                row.stream().forEach(c -> cells.add(c == null ? "" : c.getText()));
            }
            assertThat(sheets.get(1).read().get(0).getCellText(0)).contains("xueyuanlu.dispatcher");
        }
        assertThat(codes).contains(mine).doesNotContain(theirs);
        assertThat(String.join("|", cells))
                .doesNotContain("钱多多")
                .doesNotContain("13712345678")
                .contains("137****5678");
        assertThat(jdbc.sql("select count(*) from platform.audit_event where action = 'appeal.exported'")
                        .query(Long.class)
                        .single())
                .isEqualTo(audited + 1);

        // Signed out: nothing.
        var anonymous = mvc.perform(
                        post("/appeals/export")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn()
                .getResponse();
        assertThat(anonymous.getStatus()).isIn(302, 401, 403);
        assertThat(anonymous.getContentAsString()).doesNotStartWith("PK").doesNotContain("二里庄");
    }

    @Test
    void the_list_is_an_api_too_a_page_at_a_time_with_the_same_filters() throws Exception {
        // The reporter repeats their name and number (with the country code) in the content: neither is listed.
        String first = register(ERLIZHUANG, "钱多多反映：楼下广场舞夜间扰民，电话+8613712345678。", null, null);
        String second = register(ERLIZHUANG, "二里庄社区商铺夜间音响扰民。", null, null);
        // Newest first, a page of one, the cursor to the next: the two newest are the two just registered.
        JsonNode page = calls.read(calls.send(get("/api/v1/appeals?category=E06&limit=1"), dispatcher(), null));
        assertThat(page.path("rows")).hasSize(1);
        assertThat(page.path("rows").get(0).path("trackingCode").asString()).isEqualTo(second);
        assertThat(page.toString()).doesNotContain("13712345678").doesNotContain("钱多多");
        JsonNode next = calls.read(calls.send(
                get("/api/v1/appeals?category=E06&limit=1&after="
                        + page.path("next").asString()),
                dispatcher(),
                null));
        assertThat(next.path("rows").get(0).path("trackingCode").asString()).isEqualTo(first);
        assertThat(next.path("rows").get(0).path("summary").asString())
                .startsWith("钱**反映")
                .contains("+86137****5678");
        // The page reached by a cursor offers the way back to the first.
        assertThat(mvc.perform(get("/appeals")
                                .param("category", "E06")
                                .param("after", page.path("next").asString())
                                .with(dispatcher()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains(">第一页</a>");
        // A category is a code the picker offers, not a pattern; limits and cursors are checked, not bent.
        for (String bad : new String[] {
            "category=ZZZ",
            "category=%25%25%25",
            "category=C0_",
            "limit=0",
            "limit=101",
            "after=garbage",
            "mine=true&after=" + page.path("next").asString()
        }) {
            var refused = calls.send(get("/api/v1/appeals?" + bad), dispatcher(), null);
            assertThat(refused.getStatus()).as(bad).isEqualTo(400);
            assertThat(calls.read(refused).path("errors").toString())
                    .as(bad)
                    .contains(bad.startsWith("mine") ? "after" : bad.substring(0, bad.indexOf('=')));
        }
        assertThat(calls.read(calls.send(get("/api/v1/appeals?category=e06&limit=1"), dispatcher(), null))
                        .path("rows")
                        .get(0)
                        .path("trackingCode")
                        .asString())
                .isEqualTo(second);
        // The same refusals as the page: dates the wrong way round name the field.
        var reversed = calls.send(get("/api/v1/appeals?from=2026-11-10&to=2026-11-01"), dispatcher(), null);
        assertThat(reversed.getStatus()).isEqualTo(400);
        assertThat(calls.read(reversed).path("errors").toString()).contains("to");
        // Another 街道's staff do not see them; a visitor signs in first.
        var other = Staff.as(
                "dongzhimen.dispatcher",
                Set.of(territory.requireByCode("110101008").id().value()),
                Role.STREET_ADMIN);
        assertThat(calls.read(calls.send(get("/api/v1/appeals?category=E06&limit=100"), other, null))
                        .toString())
                .doesNotContain(first)
                .doesNotContain(second);
        assertThat(mvc.perform(get("/api/v1/appeals").accept(org.springframework.http.MediaType.APPLICATION_JSON))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
    }

    @Test
    void filters_that_cannot_be_read_are_said_beside_their_fields_not_dropped() throws Exception {
        // Dates the wrong way round: the list says so beside 至 and lists nothing, rather than everything.
        var list = mvc.perform(get("/appeals")
                        .param("from", "2026-11-10")
                        .param("to", "2026-11-01")
                        .with(dispatcher()))
                .andReturn()
                .getResponse();
        assertThat(list.getStatus()).isEqualTo(400);
        String page = list.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("截止日期早于起始日期").contains("value=\"2026-11-10\"").doesNotContain("<table");
        // The same day on both ends is one day's appeals, not an error.
        assertThat(mvc.perform(get("/appeals")
                                .param("from", "2026-11-10")
                                .param("to", "2026-11-10")
                                .with(dispatcher()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        // A light that is not one: the map's markers answer 400 naming the field; the map page shows no markers.
        var markers = mvc.perform(
                        get("/appeals/markers").param("light", "PURPLE").with(dispatcher()))
                .andReturn()
                .getResponse();
        assertThat(markers.getStatus()).isEqualTo(400);
        assertThat(calls.read(markers).path("errors").toString()).contains("light");
        var map = mvc.perform(get("/appeals/map").param("light", "PURPLE").with(dispatcher()))
                .andReturn()
                .getResponse();
        assertThat(map.getStatus()).isEqualTo(400);
        assertThat(map.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("data-markers")
                .contains("class=\"field-error\">请从候选中选择");
        // And the export of an unreadable filter writes nothing and records nothing.
        long audited = jdbc.sql("select count(*) from platform.audit_event where action = 'appeal.exported'")
                .query(Long.class)
                .single();
        var export = mvc.perform(
                        post("/appeals/export")
                                .param("from", "someday")
                                .with(dispatcher())
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn()
                .getResponse();
        assertThat(export.getStatus()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from platform.audit_event where action = 'appeal.exported'")
                        .query(Long.class)
                        .single())
                .isEqualTo(audited);
    }

    @Test
    void the_map_places_appeals_by_point_or_by_community_within_the_viewers_scope() throws Exception {
        String placed = register(null, "学院路上井盖附近噪声很大。", 39.99731, 116.35521);
        String counted = register(ERLIZHUANG, "二里庄社区工地夜间施工噪声。", null, null);
        String theirs = register("110101008004", "胡家园社区夜间装修噪声。", null, null);

        var r = mvc.perform(get("/appeals/markers").param("category", "E0601").with(dispatcher()))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        JsonNode markers = json.readTree(r.getContentAsString());
        Map<String, JsonNode> byCode = new java.util.HashMap<>();
        markers.forEach(m -> byCode.put(m.path("trackingCode").asString(), m));
        assertThat(byCode).containsKeys(placed, counted).doesNotContainKey(theirs);
        assertThat(byCode.get(placed).path("latitude").asDouble()).isEqualTo(39.99731);
        assertThat(byCode.get(placed).path("unitCode").asString()).startsWith(XUEYUANLU);
        assertThat(byCode.get(counted).path("latitude").isNull()).isTrue();
        assertThat(byCode.get(counted).path("unitCode").asString()).isEqualTo(ERLIZHUANG);
        assertThat(r.getContentAsString()).doesNotContain("钱多多").doesNotContain("1371234");
    }
}
