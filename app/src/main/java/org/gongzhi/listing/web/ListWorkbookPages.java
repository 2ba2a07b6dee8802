package org.gongzhi.listing.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.gongzhi.listing.ListWorkbooks;
import org.gongzhi.platform.Notices;
import org.gongzhi.shared.DomainException;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Export and import of the three lists as .xlsx from their pages (ADR 0032). */
@Controller
class ListWorkbookPages {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ListWorkbooks workbooks;
    private final Notices notices;
    private final Clock clock;

    ListWorkbookPages(ListWorkbooks workbooks, Notices notices, Clock clock) {
        this.workbooks = workbooks;
        this.notices = notices;
        this.clock = clock;
    }

    /** The list a path names: its first segment. */
    static ListWorkbooks.Kind kind(HttpServletRequest request) {
        String first = request.getRequestURI()
                .substring(request.getContextPath().length())
                .split("/")[1];
        return ListWorkbooks.Kind.valueOf(first.toUpperCase(Locale.ROOT));
    }

    static String slug(ListWorkbooks.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @GetMapping({"/resources/workbook.xlsx", "/needs/workbook.xlsx", "/projects/workbook.xlsx"})
    void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(kind(request), false, response);
    }

    @GetMapping({"/resources/import/template.xlsx", "/needs/import/template.xlsx", "/projects/import/template.xlsx"})
    void template(HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(kind(request), true, response);
    }

    private void send(ListWorkbooks.Kind kind, boolean template, HttpServletResponse response) throws IOException {
        response.setContentType(XLSX);
        response.setHeader(
                "Content-Disposition",
                ContentDisposition.attachment()
                        .filename(slug(kind) + (template ? "-template" : "-" + LocalDate.now(clock)) + ".xlsx")
                        .build()
                        .toString());
        workbooks.write(kind, template, response.getOutputStream());
    }

    @GetMapping({"/resources/import", "/needs/import", "/projects/import"})
    String importPage(HttpServletRequest request, Model model) {
        ListWorkbooks.Kind kind = kind(request);
        model.addAttribute("list", slug(kind));
        model.addAttribute("titleKey", "listing.import.title." + slug(kind));
        model.addAttribute("parentKey", "listing." + slug(kind) + ".title");
        return "listing/import";
    }

    /** Imports all or nothing; a refused file is shown with every row's problems (the error page), nothing written. */
    @PostMapping({"/resources/import", "/needs/import", "/projects/import"})
    String importWorkbook(HttpServletRequest request, @RequestParam("file") MultipartFile file, RedirectAttributes next)
            throws IOException {
        ListWorkbooks.Kind kind = kind(request);
        if (file.isEmpty()) {
            throw DomainException.invalid("import.file.empty");
        }
        try (InputStream in = file.getInputStream()) {
            int added = workbooks.importWorkbook(kind, in);
            notices.next(next, "listing.page.imported", added);
        }
        return "redirect:/" + slug(kind);
    }
}
