package org.gongzhi.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.RealHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Workbook uploads are bounded before and while they are parsed: a small file that inflates to 150 MiB, an oversized
 * cell, an oversized upload — each is refused with a clear 4xx and nothing is written. Blanks a spreadsheet hides
 * (a no-break space after a unit code) do not make a good row bad.
 */
@PlatformTest
class WorkbookLimitsIT {

    /** The template's header in its English form (the reader takes Chinese or English). */
    static final String[] HEADER = {
        "ID",
        "Name",
        "Kind",
        "Credit code",
        "Unit code",
        "Unit",
        "Address",
        "Latitude",
        "Longitude",
        "Parent ID",
        "Description",
        "Demo",
        "Version"
    };

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    JsonMapper json = JsonMapper.shared();

    long organisations() {
        return jdbc.sql("select count(*) from organization.organisation")
                .query(Long.class)
                .single();
    }

    static byte[] workbook(String[]... rows) throws Exception {
        var out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("组织台账");
        for (int c = 0; c < HEADER.length; c++) {
            ws.value(0, c, HEADER[c]);
        }
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                if (rows[r][c] != null) {
                    ws.value(r + 1, c, rows[r][c]);
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    static String[] row(String name, String unitCode, String description) {
        return new String[] {null, name, "自管会", null, unitCode, null, null, null, null, null, description, "否", null};
    }

    /** 155 KB on the wire: one shared string of 150 MiB, the rest of a workbook around it. */
    static byte[] inflatingWorkbook() throws Exception {
        var out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                            + "package/2006/content-types\"/>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            zip.write("<sst><si><t>".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 150; i++) {
                zip.write(chunk);
            }
            zip.write("</t></si></sst>".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    JsonNode refused(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return json.readTree(response.body());
    }

    @Test
    void a_file_inflating_to_150_mib_is_refused_before_it_is_parsed() throws Exception {
        byte[] bomb = inflatingWorkbook();
        assertThat(bomb.length).isLessThan(400_000);
        RealHttp http = RealHttp.signedIn(port, "xueyuanlu.street-admin");
        long before = organisations();
        JsonNode p = refused(http.multipart("/api/v1/organizations/import", "file", "bomb.xlsx", bomb), 422);
        assertThat(p.path("errors").get(0).path("code").asString()).isEqualTo("upload.inflated-too-large");
        // Bytes before the archive hide nothing: the entries are found from the directory at its end.
        byte[] disguised = new byte[256 + bomb.length];
        System.arraycopy(bomb, 0, disguised, 256, bomb.length);
        JsonNode q = refused(http.multipart("/api/v1/organizations/import", "file", "bomb.xlsx", disguised), 422);
        assertThat(q.path("errors").get(0).path("code").asString()).isEqualTo("upload.inflated-too-large");
        assertThat(organisations()).isEqualTo(before);
    }

    @Test
    void a_cell_beyond_excels_limit_is_named_by_row_and_column() throws Exception {
        RealHttp http = RealHttp.signedIn(port, "xueyuanlu.street-admin");
        long before = organisations();
        byte[] file = workbook(row("超长简介的自管会", "110108010005", "长".repeat(40_000)));
        JsonNode p = refused(http.multipart("/api/v1/organizations/import", "file", "long.xlsx", file), 422);
        assertThat(p.path("errors").get(0).path("location").asString()).isEqualTo("rows[2].description");
        assertThat(p.path("errors").get(0).path("code").asString()).isEqualTo("organization.workbook.cell-too-long");
        assertThat(organisations()).isEqualTo(before);
    }

    @Test
    void an_upload_over_the_limit_is_413() {
        RealHttp http = RealHttp.signedIn(port, "xueyuanlu.street-admin");
        byte[] big = new byte[21 * 1024 * 1024];
        var response = http.multipart("/api/v1/organizations/import", "file", "big.xlsx", big);
        refused(response, 413);
    }

    @Test
    void a_unit_code_followed_by_a_no_break_space_is_found() throws Exception {
        RealHttp http = RealHttp.signedIn(port, "xueyuanlu.street-admin");
        long before = organisations();
        byte[] file = workbook(row("\u3000空格后缀的自管会\u00A0", "110108010\u00A0", null));
        var response = http.multipart("/api/v1/organizations/import", "file", "blanks.xlsx", file);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(organisations()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from organization.organisation where name = '空格后缀的自管会'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
