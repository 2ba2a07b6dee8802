package org.gongzhi.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The lists as .xlsx: exported as the caller reads them (contacts masked), imported all or nothing — a file with one
 * bad row writes none of its rows and names every row and column at fault; the template's header is what the import
 * reads.
 */
@PlatformTest
class ListWorkbookIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TerritoryQueries territory;

    AppealCalls calls;
    RequestPostProcessor street;

    @BeforeEach
    void setUp() {
        calls = new AppealCalls(mvc, jdbc, Staff.sysAdmin());
        street = Staff.streetAdmin(territory.requireByCode("110108010").id().value());
    }

    List<List<String>> sheet(byte[] xlsx) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
                var rows = wb.getFirstSheet().openStream()) {
            rows.forEach(r -> {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < r.getCellCount(); c++) {
                    cells.add(r.hasCell(c) ? r.getCellText(c) : "");
                }
                out.add(cells);
            });
        }
        return out;
    }

    /** A workbook of the template's header and these rows. */
    byte[] workbook(String list, List<List<Object>> rows) throws Exception {
        byte[] template = mvc.perform(get("/" + list + "/import/template.xlsx").with(street))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<String> header = sheet(template).get(0);
        var out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("sheet");
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object v = rows.get(r).get(c);
                if (v instanceof Number n) {
                    ws.value(r + 1, c, n);
                } else if (v != null) {
                    ws.value(r + 1, c, v.toString());
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    MockHttpServletResponse upload(String list, byte[] file, RequestPostProcessor who) throws Exception {
        return mvc.perform(multipart("/api/v1/" + list + "/workbook")
                        .file(new MockMultipartFile("file", list + ".xlsx", "application/octet-stream", file))
                        .with(who))
                .andReturn()
                .getResponse();
    }

    long count(String table) {
        return jdbc.sql("select count(*) from listing." + table)
                .query(Long.class)
                .single();
    }

    static List<Object> resource(String name, String provider, String kind, double lat) {
        List<Object> r = new ArrayList<>(List.of(
                name,
                provider,
                kind,
                "可开放",
                50,
                lat,
                116.35521,
                "",
                "多功能厅",
                "提前预约",
                "是",
                "1-5 09:00-17:00",
                "文化活动、教育培训",
                "李明",
                "13800138000"));
        return r;
    }

    @Test
    void resources_export_masked_and_import_all_or_nothing_naming_every_bad_row() throws Exception {
        var export = mvc.perform(get("/api/v1/resources/workbook").with(street))
                .andReturn()
                .getResponse();
        assertThat(export.getStatus()).isEqualTo(200);
        List<List<String>> rows = sheet(export.getContentAsByteArray());
        assertThat(rows.get(0)).startsWith("名称", "提供单位", "类别");
        assertThat(rows.stream().map(r -> r.get(0))).contains("逸夫楼报告厅");
        assertThat(rows.toString()).contains("王**").doesNotContain("王海");

        long before = count("resource");
        byte[] bad = workbook(
                "resources",
                List.of(
                        resource("导入测试厅甲", "北京科技大学", "场所阵地", 39.99731),
                        resource("导入测试厅乙", "不存在的单位", "宫殿", 39.99731),
                        resource("导入测试厅丙", "北京科技大学", "VENUE", 31.0)));
        var refused = upload("resources", bad, street);
        assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(422);
        assertThat(refused.getContentAsString())
                .contains("rows[3].provider")
                .contains("rows[3].kind")
                .contains("rows[4].latitude");
        assertThat(count("resource"))
                .as("nothing written, not even the good row")
                .isEqualTo(before);
        // From the page, the problems are listed by row and column name.
        var page = mvc.perform(
                        multipart("/resources/import")
                                .file(new MockMultipartFile("file", "resources.xlsx", "application/octet-stream", bad))
                                .with(street)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(422);
        assertThat(page.getContentAsString()).contains("第 3 行 · 提供单位").contains("第 4 行 · 纬度");

        byte[] good = workbook(
                "resources",
                List.of(
                        resource("导入测试厅甲", "北京科技大学", "场所阵地", 39.99731),
                        resource("导入测试厅丁", "北京科技大学", "Venue", 39.99731)));
        var done = upload("resources", good, street);
        assertThat(done.getStatus()).as(done.getContentAsString()).isEqualTo(200);
        assertThat(done.getContentAsString()).contains("\"added\":2");
        assertThat(count("resource")).isEqualTo(before + 2);
        String services = jdbc.sql("select array_to_string(services, ',') from listing.resource where name = '导入测试厅丁'")
                .query(String.class)
                .single();
        assertThat(services).isEqualTo("CULTURE,EDUCATION");

        // An export imported again would copy every entry: refused at each row's 编号, nothing written.
        long now = count("resource");
        byte[] exported = mvc.perform(get("/api/v1/resources/workbook").with(street))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        var again = upload("resources", exported, street);
        assertThat(again.getStatus()).isEqualTo(422);
        assertThat(again.getContentAsString()).contains("rows[2].id").contains("listing.workbook.existing");
        // The template as downloaded holds no data row (its example is on a sheet of its own).
        byte[] template = mvc.perform(get("/resources/import/template.xlsx").with(street))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        var empty = upload("resources", template, street);
        assertThat(empty.getStatus()).isEqualTo(422);
        assertThat(empty.getContentAsString()).contains("listing.workbook.empty");
        assertThat(count("resource")).isEqualTo(now);

        var garbage = upload("resources", "not a workbook".getBytes(), street);
        assertThat(garbage.getStatus()).isEqualTo(400);
        var worker = Staff.as("grid-only", Set.of(UUID.randomUUID()), Role.GRID_WORKER);
        assertThat(upload("resources", good, worker).getStatus()).isEqualTo(403);
    }

    @Test
    void needs_and_projects_import_with_chinese_names_and_a_split_that_does_not_add_up_is_refused() throws Exception {
        long needs = count("need");
        byte[] file = workbook(
                "needs",
                List.of(List.of("导入的需求", "楼道堆物", "环境整治", "走访", "社区", "110108010005", "", "", "12 号楼居民", 80, "中")));
        var r = upload("needs", file, street);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        assertThat(count("need")).isEqualTo(needs + 1);

        long projects = count("project");
        byte[] split = workbook(
                "projects",
                List.of(
                        List.of("导入项目甲", "口袋公园", "110108010005", "100万", "北京科技大学 50万；学院路街道办事处 50万", "学院路街道办事处"),
                        List.of("导入项目乙", "加装电梯", "110108010005", "100万", "北京科技大学 50万；学院路街道办事处 40万", "")));
        var refused = upload("projects", split, street);
        assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("rows[3].parties");
        assertThat(count("project")).isEqualTo(projects);
        byte[] fixed = workbook(
                "projects",
                List.of(List.of("导入项目甲", "口袋公园", "110108010005", "100万", "北京科技大学 50万；学院路街道办事处 50万", "学院路街道办事处")));
        var ok = upload("projects", fixed, street);
        assertThat(ok.getStatus()).as(ok.getContentAsString()).isEqualTo(200);
        long lead = jdbc.sql(
                        "select count(*) from listing.project_party pp join listing.project p on p.id = pp.project_id"
                                + " where p.title = '导入项目甲' and pp.lead and pp.pledged_fen = 50000000")
                .query(Long.class)
                .single();
        assertThat(lead).isEqualTo(1);
    }
}
