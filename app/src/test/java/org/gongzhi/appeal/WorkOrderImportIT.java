package org.gongzhi.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gongzhi.support.AppealTest;
import org.gongzhi.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 12345 work orders imported all or nothing, by their usual column names, idempotent by number. */
@PlatformTest
class WorkOrderImportIT extends AppealTest {

    static byte[] workbook(List<String> header, List<List<String>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "12345", "1.0");
        Worksheet ws = wb.newWorksheet("工单");
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                ws.value(r + 1, c, rows.get(r).get(c));
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    MockHttpServletResponse upload(byte[] xlsx) throws Exception {
        return mvc.perform(multipart("/api/v1/appeals/import")
                        .file(new MockMultipartFile("file", "12345.xlsx", "application/octet-stream", xlsx))
                        .with(dispatcher())
                        .accept(MediaType.APPLICATION_JSON))
                .andReturn()
                .getResponse();
    }

    static final List<String> HEADER =
            List.of("工单编号", "受理时间", "来电号码", "诉求人", "诉求类型", "问题分类", "诉求内容", "事发地址", "社区编码", "是否紧急", "承办单位");

    static List<String> row(String number, String type, String category, String content, String urgent) {
        return List.of(
                number,
                "2026-11-30 09:00",
                "13811112222",
                "李四",
                type,
                category,
                content,
                "学院路二里庄",
                "110108010005",
                urgent,
                "学院路街道");
    }

    @Test
    void a_workbook_with_one_bad_row_imports_nothing_and_names_each_fault() throws Exception {
        long before = count("appeal.appeal");
        String n = "I" + UUID.randomUUID().toString().substring(0, 8);
        List<List<String>> rows = new ArrayList<>();
        rows.add(row(n + "1", "投诉", "机动车乱停放", "门口乱停车", "否"));
        rows.add(row(n + "2", "抱怨", "不存在的分类", "", "也许"));
        rows.add(row(n + "1", "投诉", "E0504", "门口乱停车", "否"));
        var r = upload(workbook(HEADER, rows));
        assertThat(r.getStatus()).isEqualTo(422);
        JsonNode problem = JsonMapper.shared().readTree(r.getContentAsString());
        assertThat(problem.path("code").asString()).isEqualTo("appeal.import.invalid");
        List<String> at = new ArrayList<>();
        problem.path("errors").forEach(e -> at.add(e.path("location").asString()));
        assertThat(at)
                .contains(
                        "rows[3].type",
                        "rows[3].category",
                        "rows[3].content",
                        "rows[3].urgent",
                        "rows[4].workOrderNumber");
        assertThat(count("appeal.appeal")).isEqualTo(before);
    }

    @Test
    void a_file_without_the_mandatory_columns_is_refused_naming_them() throws Exception {
        var r = upload(workbook(List.of("编号", "内容"), List.of(List.of("1", "x"))));
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString()).contains("工单编号").contains("诉求内容").contains("来电号码");
        var junk = upload("not a workbook".getBytes());
        assertThat(junk.getStatus()).isEqualTo(400);
    }

    @Test
    void importing_the_same_work_orders_again_adds_nothing_and_a_changed_one_is_refused() throws Exception {
        String n = "J" + UUID.randomUUID().toString().substring(0, 8);
        List<List<String>> rows =
                List.of(row(n + "1", "投诉", "机动车乱停放", "门口乱停车", "否"), row(n + "2", "求助", "E0402", "自来水管破裂，水流到路上", "是"));
        long before = count("appeal.appeal");
        var first = upload(workbook(HEADER, rows));
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(200);
        assertThat(first.getContentAsString()).contains("\"created\":2").contains("\"unchanged\":0");
        assertThat(count("appeal.appeal")).isEqualTo(before + 2);
        assertThat(jdbc.sql("select urgency from appeal.appeal where work_order_number = :n")
                        .param("n", n + "2")
                        .query(String.class)
                        .single())
                .isEqualTo("EMERGENCY");
        var again = upload(workbook(HEADER, rows));
        assertThat(again.getContentAsString()).contains("\"created\":0").contains("\"unchanged\":2");
        assertThat(count("appeal.appeal")).isEqualTo(before + 2);

        String json = "[{\"工单编号\":\"" + n + "1\",\"来电号码\":\"13811112222\",\"诉求人\":\"李四\",\"诉求类型\":\"投诉\","
                + "\"问题分类\":\"机动车乱停放\",\"诉求内容\":\"门口乱停车，改了内容\",\"事发地址\":\"学院路二里庄\","
                + "\"社区编码\":\"110108010005\",\"是否紧急\":\"否\"}]";
        var changed = mvc.perform(post("/api/v1/appeals/import")
                        .with(dispatcher())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn()
                .getResponse();
        assertThat(changed.getStatus()).isEqualTo(422);
        var objects = mvc.perform(post("/api/v1/appeals/import")
                        .with(dispatcher())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"工单编号\":\"" + n + "9\",\"来电号码\":\"13811112222\",\"诉求类型\":\"投诉\","
                                + "\"诉求内容\":{\"x\":1},\"社区编码\":110108010005}]"))
                .andReturn()
                .getResponse();
        assertThat(objects.getStatus()).isEqualTo(422);
        assertThat(objects.getContentAsString()).contains("rows[1].content");
        assertThat(changed.getContentAsString())
                .contains("rows[1].workOrderNumber")
                .contains("appeal.work-order.changed");
        assertThat(count("appeal.appeal")).isEqualTo(before + 2);
    }
}
