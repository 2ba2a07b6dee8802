package org.gongzhi.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.gongzhi.shared.CreditCode;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PlatformTest
class OrganizationApiIT {

    static final String ERLIZHUANG = "110108010005";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.gongzhi.territory.TerritoryQueries territory;

    /** All three demo 街道: the workbook round trip touches organisations in each. */
    java.util.UUID[] subdistricts() {
        return org.gongzhi.support.DemoUnits.subdistricts(territory);
    }

    JsonMapper json = JsonMapper.shared();

    static String validCode(String first17) {
        return first17 + CreditCode.checkCharacter(first17).orElseThrow();
    }

    long organisations() {
        return jdbc.sql("select count(*) from organization.organisation")
                .query(Long.class)
                .single();
    }

    MockHttpServletResponse postJson(String url, String body) throws Exception {
        return mvc.perform(post(url)
                        .with(Staff.streetAdmin(subdistricts()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
    }

    byte[] export() throws Exception {
        var r = mvc.perform(get("/api/v1/organizations/export")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return r.getContentAsByteArray();
    }

    MockHttpServletResponse importing(byte[] xlsx) throws Exception {
        return mvc.perform(multipart("/api/v1/organizations/import")
                        .with(Staff.streetAdmin(subdistricts()))
                        .file(new MockMultipartFile("file", "o.xlsx", null, xlsx)))
                .andReturn()
                .getResponse();
    }

    @Test
    void the_demo_xueyuanlu_has_the_units_seed_000_counts() throws Exception {
        for (var expected :
                Map.of("UNIVERSITY", 10, "RESEARCH_INSTITUTE", 11, "SCHOOL", 11).entrySet()) {
            JsonNode page =
                    json.readTree(mvc.perform(get("/api/v1/organizations?unit=110108010&kind=" + expected.getKey()))
                            .andReturn()
                            .getResponse()
                            .getContentAsString());
            assertThat(page.path("total").asInt()).as(expected.getKey()).isEqualTo(expected.getValue());
        }
        JsonNode named = json.readTree(mvc.perform(get("/api/v1/organizations?q=北京科技大学"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(named.path("items").get(0).path("synthetic").asBoolean()).isFalse();
        assertThat(named.path("items").get(0).path("unitCode").asString()).startsWith("110108010");
    }

    @Test
    void an_organisation_placed_by_a_point_lands_in_the_unit_that_contains_it() throws Exception {
        JsonNode at = json.readTree(mvc.perform(get("/api/v1/territory/locate?lat=39.992&lng=116.35"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        var r = postJson(
                "/api/v1/organizations",
                "{\"name\":\"测试科技有限公司\",\"kind\":\"ENTERPRISE\",\"creditCode\":\""
                        + validCode("91110108MA0000001").toLowerCase()
                        + "\",\"latitude\":39.992,\"longitude\":116.35}");
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        JsonNode o = json.readTree(r.getContentAsString());
        assertThat(o.path("unitCode").asString())
                .isEqualTo(at.path("grid").path("code").asString());
        assertThat(o.path("creditCode").asString()).isEqualTo(validCode("91110108MA0000001"));
    }

    @Test
    void a_wrong_credit_code_is_refused_naming_the_field_and_nothing_is_stored() throws Exception {
        long before = organisations();
        String wrong = validCode("91110108MA0000002");
        wrong = wrong.substring(0, 17) + (wrong.charAt(17) == '0' ? '1' : '0');
        var r = postJson(
                "/api/v1/organizations",
                "{\"name\":\"校验失败公司\",\"kind\":\"ENTERPRISE\",\"creditCode\":\"" + wrong + "\",\"unitCode\":\""
                        + ERLIZHUANG + "\"}");
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(r.getContentAsString());
        assertThat(problem.path("errors").get(0).path("location").asString()).isEqualTo("creditCode");
        assertThat(problem.path("errors").get(0).path("code").asString()).isEqualTo("credit-code.check");
        assertThat(problem.path("errors").get(0).path("message").asString()).contains("校验码");
        assertThat(organisations()).isEqualTo(before);
    }

    @Test
    void a_legal_entity_needs_a_credit_code_but_an_owners_committee_does_not() throws Exception {
        var company = postJson(
                "/api/v1/organizations",
                "{\"name\":\"无代码公司\",\"kind\":\"ENTERPRISE\",\"unitCode\":\"" + ERLIZHUANG + "\"}");
        assertThat(company.getStatus()).isEqualTo(400);
        assertThat(json.readTree(company.getContentAsString())
                        .path("errors")
                        .get(0)
                        .path("code")
                        .asString())
                .isEqualTo("organization.credit-code.required");
        var committee = postJson(
                "/api/v1/organizations",
                "{\"name\":\"测试业委会\",\"kind\":\"OWNERS_COMMITTEE\",\"unitCode\":\"" + ERLIZHUANG + "\"}");
        assertThat(committee.getStatus()).isEqualTo(201);
    }

    @Test
    void missing_fields_and_unknown_kinds_are_named() throws Exception {
        var r = postJson("/api/v1/organizations", "{\"kind\":\"ENTERPRISE\",\"latitude\":91}");
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(json.readTree(r.getContentAsString()).path("errors").findValuesAsString("location"))
                .contains("name", "latitude");
        var bad = postJson(
                "/api/v1/organizations", "{\"name\":\"x\",\"kind\":\"SPACESHIP\",\"unitCode\":\"" + ERLIZHUANG + "\"}");
        assertThat(bad.getStatus()).isEqualTo(400);
    }

    @Test
    void the_workbook_round_trip_keeps_every_field_and_changes_nothing() throws Exception {
        byte[] first = export();
        var r = importing(first);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        JsonNode outcome = json.readTree(r.getContentAsString());
        assertThat(outcome.path("created").asInt()).isZero();
        assertThat(outcome.path("updated").asInt()).isZero();

        List<Map<String, String>> rows = rows(first);
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(first))) {
            var about = wb.getSheet(1).orElseThrow().read();
            assertThat(about.get(0).getCellText(0)).contains("exported by").contains("rows");
        }
        assertThat(jdbc.sql("select count(*) from platform.audit_event where action = 'organization.exported'")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(outcome.path("unchanged").asInt()).isEqualTo(rows.size());
        for (Map<String, String> row : rows) {
            JsonNode o = json.readTree(mvc.perform(get("/api/v1/organizations/" + row.get("编号")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            assertThat(row.get("名称")).isEqualTo(o.path("name").asString());
            assertThat(row.get("统一社会信用代码")).isEqualTo(text(o, "creditCode"));
            assertThat(row.get("治理单元编码")).isEqualTo(text(o, "unitCode"));
            assertThat(row.get("简介")).isEqualTo(text(o, "description"));
            assertThat(row.get("上级组织编号")).isEqualTo(text(o, "parentId"));
            assertThat(row.get("示例数据")).isEqualTo(o.path("synthetic").asBoolean() ? "是" : "否");
            assertThat(Long.parseLong(row.get("版本")))
                    .isEqualTo(o.path("version").asLong());
        }
    }

    private static String text(JsonNode o, String field) {
        return o.path(field).isNull() || o.path(field).isMissingNode()
                ? null
                : o.path(field).asString();
    }

    private static List<Map<String, String>> rows(byte[] xlsx) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> all = wb.getFirstSheet().read();
            Row header = all.get(0);
            for (Row row : all.subList(1, all.size())) {
                Map<String, String> values = new java.util.HashMap<>();
                for (int c = 0; c < header.getCellCount(); c++) {
                    String v = row.hasCell(c) ? row.getCellText(c) : null;
                    values.put(header.getCellText(c), v == null || v.isEmpty() ? null : v);
                }
                rows.add(values);
            }
        }
        return rows;
    }

    /** A new organisation's row: no ID, the given name, kind, credit code and unit, not demo data. */
    private static String[] row(String name, String kind, String creditCode, String unitCode) {
        return new String[] {null, name, kind, creditCode, unitCode, null, null, null, null, null, null, "否", null};
    }

    private static byte[] workbook(List<String[]> rows) throws Exception {
        var out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("组织台账");
        String[] header = {
            "编号", "名称", "类型", "统一社会信用代码", "治理单元编码", "治理单元", "地址", "纬度", "经度", "上级组织编号", "简介", "示例数据", "版本"
        };
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, header[c]);
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).length; c++) {
                if (rows.get(r)[c] != null) {
                    ws.value(r + 1, c, rows.get(r)[c]);
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    @Test
    void a_workbook_with_bad_rows_is_refused_whole_naming_each_row() throws Exception {
        long before = organisations();
        byte[] xlsx = workbook(List.of(
                row("好的新公司", "企业", validCode("91110108MA0000003"), ERLIZHUANG),
                row("坏代码公司", "企业", "91110108MA00000039", ERLIZHUANG),
                row("无处可去公司", "企业", validCode("91110108MA0000004"), "110108010999"),
                row("怪类型", "飞船", null, ERLIZHUANG),
                row("重复代码公司", "Enterprise", validCode("91110108MA0000003"), ERLIZHUANG)));
        var r = importing(xlsx);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(422);
        JsonNode problem = json.readTree(r.getContentAsString());
        assertThat(problem.path("code").asString()).isEqualTo("organization.import.invalid");
        assertThat(problem.path("errors").findValuesAsString("location"))
                .containsExactlyInAnyOrder(
                        "rows[3].creditCode", "rows[4].unitCode", "rows[5].kind", "rows[6].creditCode");
        assertThat(organisations()).isEqualTo(before);
    }

    @Test
    void a_workbook_that_is_not_the_register_is_refused() throws Exception {
        var notExcel = importing("just text".getBytes());
        assertThat(notExcel.getStatus()).isEqualTo(400);
        assertThat(json.readTree(notExcel.getContentAsString()).path("code").asString())
                .isEqualTo("organization.workbook.unreadable");
        var out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        wb.newWorksheet("x").value(0, 0, "随便");
        wb.finish();
        var wrongHeader = importing(out.toByteArray());
        assertThat(wrongHeader.getStatus()).isEqualTo(422);
        assertThat(json.readTree(wrongHeader.getContentAsString())
                        .path("errors")
                        .get(0)
                        .path("code")
                        .asString())
                .isEqualTo("organization.workbook.header");
    }

    @Test
    void a_stale_edit_is_a_conflict_and_an_edit_without_a_version_is_refused() throws Exception {
        var created = postJson(
                "/api/v1/organizations",
                "{\"name\":\"版本测试自管会\",\"kind\":\"SELF_MANAGEMENT_COMMITTEE\",\"unitCode\":\"" + ERLIZHUANG + "\"}");
        String id = json.readTree(created.getContentAsString()).path("id").asString();
        String etag = created.getHeader("ETag");
        String body =
                "{\"name\":\"版本测试自管会（改）\",\"kind\":\"SELF_MANAGEMENT_COMMITTEE\",\"unitCode\":\"" + ERLIZHUANG + "\"}";
        var first = mvc.perform(put("/api/v1/organizations/" + id)
                        .with(Staff.streetAdmin(subdistricts()))
                        .header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
        assertThat(first.getStatus()).isEqualTo(200);
        var second = mvc.perform(put("/api/v1/organizations/" + id)
                        .with(Staff.streetAdmin(subdistricts()))
                        .header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("（改）", "（再改）")))
                .andReturn()
                .getResponse();
        // RFC 9110 §13.1.1 and RFC 6585 §3: a stale If-Match fails the precondition, a missing one is required.
        assertThat(second.getStatus()).isEqualTo(412);
        var none = mvc.perform(put("/api/v1/organizations/" + id)
                        .with(Staff.streetAdmin(subdistricts()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
        assertThat(none.getStatus()).isEqualTo(428);
        assertThat(json.readTree(mvc.perform(get("/api/v1/organizations/" + id))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .path("name")
                        .asString())
                .isEqualTo("版本测试自管会（改）");
    }

    @Test
    void the_xueyuanlu_council_seats_its_units_with_masked_liaisons_and_a_unit_holds_one_seat() throws Exception {
        JsonNode councils = json.readTree(
                mvc.perform(get("/api/v1/councils")).andReturn().getResponse().getContentAsString());
        JsonNode xueyuanlu = null;
        for (JsonNode c : councils) {
            if (c.path("name").asString().equals("学院路街道党建工作协调委员会")) {
                xueyuanlu = c;
            }
        }
        assertThat(xueyuanlu).isNotNull();
        assertThat(xueyuanlu.path("level").asString()).isEqualTo("SUBDISTRICT");
        assertThat(xueyuanlu.path("members").size()).isEqualTo(14);
        assertThat(xueyuanlu.path("members").findValuesAsString("liaison")).allMatch(n -> n.matches(".\\*\\*"));

        String member = xueyuanlu.path("members").get(0).path("organisation").asString();
        var twice = postJson(
                "/api/v1/councils/" + xueyuanlu.path("id").asString() + "/members",
                "{\"organisationId\":\"" + member + "\",\"liaisonName\":\"李四\"}");
        assertThat(twice.getStatus()).isEqualTo(409);

        var wrongLevel =
                postJson("/api/v1/councils", "{\"name\":\"错层委员会\",\"level\":\"COMMUNITY\",\"unitCode\":\"110108010\"}");
        assertThat(wrongLevel.getStatus()).isEqualTo(400);
        JsonNode level =
                json.readTree(wrongLevel.getContentAsString()).path("errors").get(0);
        assertThat(level.path("location").asString()).isEqualTo("unitCode");
        assertThat(level.path("message").asString()).contains("学院路街道").contains("街道");
    }

    @Test
    void the_three_carriages_list_has_six_parties_and_27_duties_and_records_evidence() throws Exception {
        JsonNode lists = json.readTree(mvc.perform(get("/api/v1/responsibility-lists"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        JsonNode list = lists.get(0);
        assertThat(list.path("parties").size()).isEqualTo(6);
        assertThat(list.path("duties").size()).isEqualTo(27);
        String url = "/api/v1/responsibility-lists/" + list.path("id").asString() + "/duties/6/records";

        var future = postJson(url, "{\"doneOn\":\"2999-01-01\",\"evidence\":\"台账\"}");
        assertThat(future.getStatus()).isEqualTo(400);
        var noEvidence = postJson(url, "{\"doneOn\":\"2026-11-01\"}");
        assertThat(noEvidence.getStatus()).isEqualTo(400);
        assertThat(json.readTree(noEvidence.getContentAsString())
                        .path("errors")
                        .get(0)
                        .path("location")
                        .asString())
                .isEqualTo("evidence");
        var unknownDuty = postJson(url.replace("/6/", "/28/"), "{\"doneOn\":\"2026-11-01\",\"evidence\":\"台账\"}");
        assertThat(unknownDuty.getStatus()).isEqualTo(404);

        var done = postJson(url, "{\"doneOn\":\"2026-11-01\",\"note\":\"11 月诉求\",\"evidence\":\"诉求台账 2026-11\"}");
        assertThat(done.getStatus()).as(done.getContentAsString()).isEqualTo(200);
        JsonNode after = json.readTree(done.getContentAsString());
        assertThat(after.path("duties").get(5).path("lastDone").asString()).isEqualTo("2026-11-01");
    }

    @Test
    void a_duty_owned_by_no_party_is_refused() throws Exception {
        var r = postJson(
                "/api/v1/responsibility-lists",
                "{\"title\":\"测试清单\",\"parties\":[{\"key\":\"a\",\"name\":\"甲方\"}],"
                        + "\"duties\":[{\"number\":1,\"description\":\"做事\",\"ownerKey\":\"b\",\"cadence\":\"WEEKLY\"}]}");
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(json.readTree(r.getContentAsString())
                        .path("errors")
                        .get(0)
                        .path("code")
                        .asString())
                .isEqualTo("organization.list.duty-owner");
    }
}
