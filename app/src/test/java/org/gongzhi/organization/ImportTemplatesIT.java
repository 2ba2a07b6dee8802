package org.gongzhi.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.gongzhi.identity.Role;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The import pages' templates are files the import reads: downloaded, filled as they come, imported. */
@PlatformTest
class ImportTemplatesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.gongzhi.territory.TerritoryQueries territory;

    org.springframework.test.web.servlet.request.RequestPostProcessor streetAdmin() {
        return Staff.as(
                "xueyuanlu.street-admin",
                java.util.Set.of(territory.requireByCode("110108010").id().value()),
                Role.STREET_ADMIN);
    }

    @Test
    void the_workbook_template_has_the_header_an_example_row_and_drop_downs_and_imports_as_it_comes() throws Exception {
        byte[] template = mvc.perform(get("/organizations/import/template.xlsx"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(template))) {
            var sheets = wb.getSheets().toList();
            assertThat(sheets).extracting(s -> s.getName()).containsExactly("组织台账", "可选值", "填写说明");
            var rows = sheets.get(0).read();
            assertThat(rows.get(0).getCellText(1)).isEqualTo("名称");
            assertThat(rows.get(1).getCellText(2)).isEqualTo("社会组织");
        }
        // Kinds and yes/no are drop-downs over the "可选值" sheet (its name written as character references).
        assertThat(sheetXml(template, "xl/worksheets/sheet1.xml"))
                .contains("<dataValidations count=\"2\">")
                .contains("'&#x53ef;&#x9009;&#x503c;'!$A$1:$A$" + OrganisationKind.values().length)
                .contains("请从下拉列表中选择组织类型")
                .doesNotContain("\"null\"");

        var imported = mvc.perform(multipart("/organizations/import")
                        .file(new MockMultipartFile("file", "template.xlsx", null, template))
                        .with(streetAdmin()))
                .andReturn();
        assertThat(imported.getResponse().getRedirectedUrl()).isEqualTo("/organizations/import");
        assertThat(imported.getFlashMap().get("notice")).isEqualTo("导入完成：新增 1 条，更新 0 条，未变 0 条。");
        assertThat(jdbc.sql("select count(*) from organization.organisation where name like '示例：二里庄社区便民服务中心%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void the_sample_geojson_imports_as_it_comes() throws Exception {
        var sample =
                mvc.perform(get("/territory/import/sample.geojson")).andReturn().getResponse();
        assertThat(sample.getContentType()).startsWith("application/geo+json");
        assertThat(sample.getHeader("Content-Disposition")).contains("attachment");
        var imported = mvc.perform(multipart("/territory/import")
                        .file(new MockMultipartFile(
                                "file", "sample.geojson", "application/geo+json", sample.getContentAsByteArray()))
                        .with(streetAdmin()))
                .andReturn();
        assertThat(imported.getResponse().getRedirectedUrl()).isEqualTo("/territory/import");
        assertThat((String) imported.getFlashMap().get("notice")).contains("新增 1 条");
    }

    private static String sheetXml(byte[] xlsx, String entry) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("template", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (var zip = new java.util.zip.ZipFile(file.toFile())) {
                return new String(zip.getInputStream(zip.getEntry(entry)).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
