package org.gongzhi.listing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.gongzhi.listing.NeedCategory;
import org.gongzhi.listing.NeedDetails;
import org.gongzhi.listing.NeedFilter;
import org.gongzhi.listing.NeedPage;
import org.gongzhi.listing.NeedPriority;
import org.gongzhi.listing.NeedSource;
import org.gongzhi.listing.NeedStatus;
import org.gongzhi.listing.NeedView;
import org.gongzhi.listing.Needs;
import org.gongzhi.platform.IfMatch;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "needs", description = "需求清单: needs gathered by meetings, 座谈, 走访, online or converted from appeals")
class NeedApi {

    private final Needs needs;
    private final org.gongzhi.listing.Experts experts;
    private final org.gongzhi.listing.Matching matching;
    private final org.gongzhi.listing.ListWorkbooks workbooks;

    NeedApi(
            Needs needs,
            org.gongzhi.listing.Experts experts,
            org.gongzhi.listing.Matching matching,
            org.gongzhi.listing.ListWorkbooks workbooks) {
        this.workbooks = workbooks;
        this.needs = needs;
        this.experts = experts;
        this.matching = matching;
    }

    @GetMapping("/needs")
    @Operation(summary = "Needs the caller reads, by category, status, source, priority and text; most urgent first")
    NeedPage list(
            @RequestParam(required = false) String category,
            @RequestParam(required = false) NeedStatus status,
            @RequestParam(required = false) NeedSource source,
            @RequestParam(required = false) NeedPriority priority,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "50") int size) {
        return needs.list(new NeedFilter(category, status, source, priority, q), page, size);
    }

    @GetMapping("/needs/categories")
    @Operation(summary = "The need categories: seed 000's six, then the 街道's own")
    List<NeedCategory> categories() {
        return needs.categories();
    }

    /** A category to add. */
    record NewCategory(String code, String name) {}

    @PostMapping("/needs/categories")
    @Operation(summary = "Add a local need category (street administrator)")
    ResponseEntity<NeedCategory> addCategory(@RequestBody NewCategory c) {
        return ResponseEntity.status(201)
                .body(needs.addCategory(c == null ? null : c.code(), c == null ? null : c.name()));
    }

    @GetMapping("/needs/{id}")
    @Operation(summary = "One need; the ETag carries the version to send back as If-Match")
    ResponseEntity<NeedView> one(@PathVariable UUID id) {
        NeedView n = needs.one(id);
        return ResponseEntity.ok().eTag("\"" + n.version() + "\"").body(n);
    }

    @PostMapping("/needs")
    @Operation(summary = "Record a need gathered by a meeting, 座谈, 走访 or online")
    ResponseEntity<NeedView> record(@RequestBody NeedDetails details) {
        NeedView n = needs.record(details);
        return ResponseEntity.created(URI.create("/api/v1/needs/" + n.id()))
                .eTag("\"" + n.version() + "\"")
                .body(n);
    }

    @PostMapping("/needs/from-appeal/{trackingCode}")
    @Operation(
            summary = "Convert an appeal into a need (清单诉)",
            description = "Fields left out come from the appeal; the appeal keeps a link to the need. 409 when the"
                    + " appeal was converted already.")
    ResponseEntity<NeedView> fromAppeal(@PathVariable String trackingCode, @RequestBody NeedDetails details) {
        NeedView n = needs.fromAppeal(trackingCode, details);
        return ResponseEntity.created(URI.create("/api/v1/needs/" + n.id()))
                .eTag("\"" + n.version() + "\"")
                .body(n);
    }

    @PutMapping("/needs/{id}")
    @Operation(summary = "Revise a need", description = "If-Match carries the version read: without it 428, stale 412.")
    ResponseEntity<NeedView> revise(
            @PathVariable UUID id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody NeedDetails details) {
        NeedView n = IfMatch.change(
                ifMatch,
                needs.one(id).version(),
                "listing.need.version.missing",
                "listing.need.version.stale",
                expected -> needs.revise(id, expected, details));
        return ResponseEntity.ok().eTag("\"" + n.version() + "\"").body(n);
    }

    /** A move of a need's status, with the reason where one is needed. */
    record Move(NeedStatus status, String note) {}

    @PostMapping("/needs/{id}/status")
    @Operation(
            summary = "Move a need: 已对接, 已解决, 不予采纳 (with a reason) or reopen (with a reason)",
            description = "If-Match as for revising; 409 for a move the status does not allow.")
    ResponseEntity<NeedView> move(
            @PathVariable UUID id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody Move move) {
        NeedView n = IfMatch.change(
                ifMatch,
                needs.one(id).version(),
                "listing.need.version.missing",
                "listing.need.version.stale",
                expected -> needs.move(
                        id, expected, move == null ? null : move.status(), move == null ? null : move.note()));
        return ResponseEntity.ok().eTag("\"" + n.version() + "\"").body(n);
    }

    @GetMapping("/needs/{id}/experts")
    @Operation(summary = "The experts advising the need (智库; 双师联动 when a planner and a community builder both do)")
    List<org.gongzhi.listing.ExpertAssignment> experts(@PathVariable UUID id) {
        return experts.onNeed(id);
    }

    @PostMapping("/needs/{id}/experts")
    @Operation(
            summary = "Ask an expert of the 街道's think tank onto the need",
            description = "409 when the expert already advises on it; 422 for an expert of another 街道.")
    ResponseEntity<List<org.gongzhi.listing.ExpertAssignment>> assignExpert(
            @PathVariable UUID id, @RequestBody ExpertAsk advice) {
        return ResponseEntity.status(201)
                .body(experts.assignToNeed(
                        id, advice == null ? null : advice.expertId(), advice == null ? null : advice.note()));
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/needs/{id}/experts/{expertId}")
    @Operation(summary = "The expert no longer advises on the need")
    List<org.gongzhi.listing.ExpertAssignment> unassignExpert(@PathVariable UUID id, @PathVariable UUID expertId) {
        return experts.unassignFromNeed(id, expertId);
    }

    @GetMapping("/needs/{id}/matches")
    @Operation(
            summary = "Resources, units and experts for the need, ranked, each with its reasons",
            description = "Ranked by Chinese text relevance (segmented words, bigrams, concepts), kind and service fit,"
                    + " walking distance from the need's 社区, availability and past collaboration (ADR 0030); ten of"
                    + " each at most.")
    org.gongzhi.listing.NeedMatches matches(@PathVariable UUID id) {
        return matching.forNeed(id);
    }

    @GetMapping(value = "/needs/workbook", produces = ListWorkbookPages.XLSX)
    @Operation(summary = "The 需求清单 the caller reads as .xlsx")
    ResponseEntity<byte[]> exportNeeds() throws java.io.IOException {
        return ListWorkbookApi.export(workbooks, org.gongzhi.listing.ListWorkbooks.Kind.NEEDS);
    }

    @PostMapping(value = "/needs/workbook", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import needs from .xlsx all or nothing (422 with every row's problems)")
    java.util.Map<String, Integer> importNeeds(
            @org.springframework.web.bind.annotation.RequestPart("file")
                    org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        return ListWorkbookApi.load(workbooks, org.gongzhi.listing.ListWorkbooks.Kind.NEEDS, file);
    }
}
