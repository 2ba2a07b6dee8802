package org.gongzhi.listing.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.gongzhi.listing.ListWorkbooks;
import org.gongzhi.shared.DomainException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/**
 * The lists as .xlsx through the API (ADR 0032): GET …/workbook exports, POST …/workbook imports all or nothing; the
 * endpoints sit in each list's API under its tag.
 */
final class ListWorkbookApi {

    private ListWorkbookApi() {}

    static ResponseEntity<byte[]> export(ListWorkbooks workbooks, ListWorkbooks.Kind kind) throws IOException {
        var out = new ByteArrayOutputStream();
        workbooks.write(kind, false, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ListWorkbookPages.XLSX))
                .header("Content-Disposition", "attachment; filename=" + ListWorkbookPages.slug(kind) + ".xlsx")
                .body(out.toByteArray());
    }

    static Map<String, Integer> load(ListWorkbooks workbooks, ListWorkbooks.Kind kind, MultipartFile file)
            throws IOException {
        if (file.isEmpty()) {
            throw DomainException.invalid("import.file.empty");
        }
        try (InputStream in = file.getInputStream()) {
            return Map.of("added", workbooks.importWorkbook(kind, in));
        }
    }
}
