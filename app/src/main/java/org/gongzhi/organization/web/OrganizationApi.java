package org.gongzhi.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.gongzhi.organization.OrganisationDetails;
import org.gongzhi.organization.OrganisationFilter;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganisationKind;
import org.gongzhi.organization.OrganisationPage;
import org.gongzhi.organization.OrganisationView;
import org.gongzhi.organization.OrganisationsImported;
import org.gongzhi.organization.OrganizationManagement;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.IfMatch;
import org.gongzhi.shared.DomainException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "organizations", description = "多元主体: every kind of organisation, placed in the territory")
class OrganizationApi {

    static final String XLSX_VALUE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final MediaType XLSX = MediaType.parseMediaType(XLSX_VALUE);

    private final OrganizationQueries queries;
    private final OrganizationManagement management;
    private final Clock clock;

    OrganizationApi(OrganizationQueries queries, OrganizationManagement management, Clock clock) {
        this.queries = queries;
        this.management = management;
        this.clock = clock;
    }

    @GetMapping("/organizations")
    @Operation(summary = "Organisations by kind, kind group, unit (with all below it) and name, a page at a time")
    OrganisationPage list(
            @RequestParam(required = false) OrganisationKind kind,
            @RequestParam(required = false) OrganisationKind.Group group,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "50") int size) {
        return queries.list(new OrganisationFilter(kind, group, unit, q), page, size);
    }

    @GetMapping("/organizations/linkable")
    @Operation(
            summary = "Organisations the caller may link to a place, for pickers",
            description = "Names or credit code matching q, among those the caller may name as a parent or a party for"
                    + " something placed at the unit `to` (its scope, or organisations serving that place); without"
                    + " `to`, those in the caller's scope. At most limit (1–50).")
    OrganisationPage linkable(
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "10") int limit) {
        return OrganisationPage.whole(queries.linkable(to, q, limit));
    }

    @GetMapping("/organizations/{id}")
    @Operation(summary = "One organisation; the ETag carries the version to send back as If-Match")
    ResponseEntity<OrganisationView> one(@PathVariable UUID id) {
        OrganisationView o = queries.require(new OrganisationId(id));
        return ResponseEntity.ok().eTag("\"" + o.version() + "\"").body(o);
    }

    @PostMapping("/organizations")
    @Operation(summary = "Register an organisation; legal entities need a valid 统一社会信用代码")
    ResponseEntity<OrganisationView> register(@Valid @RequestBody OrganisationDetails details) {
        OrganisationView o = management.register(details);
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + o.id()))
                .eTag("\"" + o.version() + "\"")
                .body(o);
    }

    @PutMapping("/organizations/{id}")
    @Operation(
            summary = "Revise an organisation",
            description = "If-Match carries the version read (the ETag): without it 428, a stale one 412.")
    ResponseEntity<OrganisationView> revise(
            @PathVariable UUID id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody OrganisationDetails details) {
        OrganisationView o = IfMatch.change(
                ifMatch,
                queries.require(new OrganisationId(id)).version(),
                "organization.version.missing",
                "organization.version.stale",
                expected -> management.revise(new OrganisationId(id), expected, details));
        return ResponseEntity.ok().eTag("\"" + o.version() + "\"").body(o);
    }

    @GetMapping(value = "/organizations/export", produces = XLSX_VALUE)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "The workbook, with a watermark sheet naming who exported it",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = XLSX_VALUE,
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @Operation(summary = "The organisations matching the filter as an .xlsx 台账")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) OrganisationKind kind,
            @RequestParam(required = false) OrganisationKind.Group group,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String q)
            throws IOException {
        var out = new ByteArrayOutputStream();
        management.exportWorkbook(new OrganisationFilter(kind, group, unit, q), out);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("organisations-" + LocalDate.now(clock) + ".xlsx")
                                .build()
                                .toString())
                .contentType(XLSX)
                .body(out.toByteArray());
    }

    @PostMapping(value = "/organizations/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import an .xlsx 台账 all or nothing",
            description = "Rows with an ID revise that organisation, rows without one register a new one; any bad row"
                    + " refuses the file with 422 and an errors list naming row and column.")
    OrganisationsImported importWorkbook(@RequestPart("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw DomainException.invalid("import.file.empty");
        }
        try (InputStream in = file.getInputStream()) {
            return management.importWorkbook(in);
        }
    }
}
