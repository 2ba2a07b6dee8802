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
import java.util.List;
import java.util.UUID;
import org.gongzhi.organization.AdmitMember;
import org.gongzhi.organization.CouncilView;
import org.gongzhi.organization.DrawResponsibilityList;
import org.gongzhi.organization.FoundCouncil;
import org.gongzhi.organization.OrganisationDetails;
import org.gongzhi.organization.OrganisationFilter;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganisationKind;
import org.gongzhi.organization.OrganisationPage;
import org.gongzhi.organization.OrganisationView;
import org.gongzhi.organization.OrganisationsImported;
import org.gongzhi.organization.OrganizationManagement;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.organization.RecordDutyDone;
import org.gongzhi.organization.ResponsibilityListView;
import org.gongzhi.platform.IfMatch;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ErrorKind;
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
@Tag(name = "organizations", description = "多元主体, 党建工作协调委员会 and 责任清单")
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

    @GetMapping("/organizations/{id}")
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
        long current = queries.require(new OrganisationId(id)).version();
        long expected = IfMatch.expectedVersion(ifMatch, current, "organization.version.missing");
        try {
            OrganisationView o = management.revise(new OrganisationId(id), expected, details);
            return ResponseEntity.ok().eTag("\"" + o.version() + "\"").body(o);
        } catch (DomainException e) {
            throw e.code().equals("organization.version.stale") ? e.as(ErrorKind.PRECONDITION_FAILED) : e;
        }
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

    @GetMapping("/councils")
    @Operation(summary = "党建工作协调委员会 at 街道 and 社区 level")
    List<CouncilView> councils() {
        return queries.councils();
    }

    @GetMapping("/councils/{id}")
    CouncilView council(@PathVariable UUID id) {
        return queries.council(id);
    }

    @PostMapping("/councils")
    ResponseEntity<CouncilView> found(@Valid @RequestBody FoundCouncil command) {
        CouncilView c = management.foundCouncil(command);
        return ResponseEntity.created(URI.create("/api/v1/councils/" + c.id())).body(c);
    }

    @PostMapping("/councils/{id}/members")
    @Operation(summary = "Seat a member unit with its 联络员")
    CouncilView admit(@PathVariable UUID id, @Valid @RequestBody AdmitMember command) {
        return management.admit(id, command);
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/councils/{id}/members/{organisation}")
    @Operation(summary = "Unseat a member unit")
    CouncilView remove(@PathVariable UUID id, @PathVariable UUID organisation) {
        return management.removeMember(id, new OrganisationId(organisation));
    }

    @org.springframework.web.bind.annotation.PutMapping("/councils/{id}/members/{organisation}/liaison")
    @Operation(summary = "Name a member unit's new 联络员")
    CouncilView appoint(
            @PathVariable UUID id,
            @PathVariable UUID organisation,
            @Valid @RequestBody org.gongzhi.organization.AppointLiaison command) {
        return management.appointLiaison(id, new OrganisationId(organisation), command);
    }

    /** The reason for opening a masked name, as the audit trail will record it. */
    record UnmaskRequest(
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 200)
            String reason) {}

    @PostMapping("/councils/{id}/members/{organisation}/unmask")
    @Operation(
            summary = "Open the full name of a member's 联络员",
            description = "Needs the unmask permission and the council in scope; the reason is audited.")
    java.util.Map<String, String> unmask(
            @PathVariable UUID id, @PathVariable UUID organisation, @Valid @RequestBody UnmaskRequest request) {
        return java.util.Map.of("liaisonName", management.unmaskLiaison(id, organisation, request.reason()));
    }

    @GetMapping("/responsibility-lists")
    List<ResponsibilityListView> lists() {
        return queries.responsibilityLists();
    }

    @GetMapping("/responsibility-lists/{id}")
    ResponsibilityListView responsibilityList(@PathVariable UUID id) {
        return queries.responsibilityList(id);
    }

    @PostMapping("/responsibility-lists")
    ResponseEntity<ResponsibilityListView> draw(@Valid @RequestBody DrawResponsibilityList command) {
        ResponsibilityListView l = management.drawResponsibilityList(command);
        return ResponseEntity.created(URI.create("/api/v1/responsibility-lists/" + l.id()))
                .body(l);
    }

    @PostMapping("/responsibility-lists/{id}/duties/{number}/records")
    @Operation(summary = "Record that a duty was done, with its evidence")
    ResponsibilityListView record(
            @PathVariable UUID id, @PathVariable int number, @Valid @RequestBody RecordDutyDone command) {
        return management.recordDutyDone(id, number, command);
    }
}
