package org.gongzhi.listing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.gongzhi.listing.ProjectLedger;
import org.gongzhi.listing.ProjectPage;
import org.gongzhi.listing.ProjectStatus;
import org.gongzhi.listing.ProjectView;
import org.gongzhi.listing.Projects;
import org.gongzhi.listing.ProposeProject;
import org.gongzhi.platform.IfMatch;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "projects", description = "项目清单: co-funded projects (money in 分), milestones, spend and evaluation")
class ProjectApi {

    private final Projects projects;
    private final org.gongzhi.listing.Experts experts;
    private final org.gongzhi.platform.IdempotentRequests idempotent;
    private final org.gongzhi.platform.ActorResolver actors;
    private final tools.jackson.databind.json.JsonMapper json;
    private final org.gongzhi.listing.ListWorkbooks workbooks;

    ProjectApi(
            Projects projects,
            org.gongzhi.listing.Experts experts,
            org.gongzhi.listing.ListWorkbooks workbooks,
            org.gongzhi.platform.IdempotentRequests idempotent,
            org.gongzhi.platform.ActorResolver actors,
            tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.idempotent = idempotent;
        this.actors = actors;
        this.workbooks = workbooks;
        this.projects = projects;
        this.experts = experts;
    }

    @GetMapping("/projects")
    @Operation(summary = "Projects the caller reads, by status and text, newest first; a page and the total")
    ProjectPage list(
            @RequestParam(required = false) ProjectStatus status,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "50") int size) {
        return projects.list(status, q, page, size);
    }

    @GetMapping("/projects/{id}")
    @Operation(summary = "One project with its co-funding, milestones, needs and resources; ETag = version")
    ResponseEntity<ProjectView> one(@PathVariable UUID id) {
        ProjectView p = projects.one(id);
        return ResponseEntity.ok().eTag("\"" + p.version() + "\"").body(p);
    }

    @PostMapping("/projects")
    @Operation(
            summary = "Propose a project",
            description = "Amounts in 分 (integers). The parties' pledges must add up exactly to the budget (422"
                    + " listing.project.split).")
    ResponseEntity<ProjectView> propose(@RequestBody ProposeProject body) {
        ProjectView p = projects.propose(body);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + p.id()))
                .eTag("\"" + p.version() + "\"")
                .body(p);
    }

    /** A note, an outcome or a reason. */
    record Text(String note, String outcome, String reason) {}

    @PostMapping("/projects/{id}/approval")
    @Operation(
            summary =
                    "立项 (street administrator) with its basis in note; If-Match carries the version read (428 without, 412 stale)")
    ResponseEntity<ProjectView> approve(
            @PathVariable UUID id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) Text body) {
        return versioned(id, ifMatch, v -> projects.approve(id, v, body == null ? null : body.note()));
    }

    @PostMapping("/projects/{id}/completion")
    @Operation(summary = "Complete an approved project with its outcome (If-Match as for approval)")
    ResponseEntity<ProjectView> complete(
            @PathVariable UUID id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) Text body) {
        return versioned(id, ifMatch, v -> projects.complete(id, v, body == null ? null : body.outcome()));
    }

    @PostMapping("/projects/{id}/cancellation")
    @Operation(summary = "Cancel a proposed or approved project with a reason (street administrator; If-Match)")
    ResponseEntity<ProjectView> cancel(
            @PathVariable UUID id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) Text body) {
        return versioned(id, ifMatch, v -> projects.cancel(id, v, body == null ? null : body.reason()));
    }

    private ResponseEntity<ProjectView> versioned(
            UUID id, String ifMatch, java.util.function.LongFunction<ProjectView> change) {
        ProjectView p = IfMatch.change(
                ifMatch,
                projects.one(id).version(),
                "listing.project.version.missing",
                "listing.project.version.stale",
                change);
        return ResponseEntity.ok().eTag("\"" + p.version() + "\"").body(p);
    }

    /** A payment by a party, in 分. */
    record Payment(UUID organisationId, Long amountFen, LocalDate paidOn, String note) {}

    @PostMapping("/projects/{id}/payments")
    @Operation(
            summary = "Record a party's payment (分); 422 listing.project.over-pledge past its pledge",
            description = "Idempotency-Key: a retry with the same key and body replays the first answer and pays"
                    + " nothing more; another body under the key is 422.")
    ResponseEntity<String> pay(
            @PathVariable UUID id,
            @RequestHeader(value = "Idempotency-Key", required = false) String key,
            @RequestBody Payment p) {
        return once(
                key,
                p,
                () -> projects.pay(
                        id,
                        p == null ? null : p.organisationId(),
                        p == null ? null : p.amountFen(),
                        p == null ? null : p.paidOn(),
                        p == null ? null : p.note()));
    }

    /** Runs a money step once per Idempotency-Key (every time without one) and answers the project as JSON. */
    private ResponseEntity<String> once(String key, Object body, java.util.function.Supplier<ProjectView> step) {
        java.util.function.Supplier<org.gongzhi.platform.IdempotentRequests.Response> work = () ->
                new org.gongzhi.platform.IdempotentRequests.Response(200, null, json.writeValueAsString(step.get()));
        var r = key == null
                ? work.get()
                : idempotent.once(actors.current().name(), key, json.writeValueAsString(body), work);
        return ResponseEntity.status(r.status())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(r.body());
    }

    /** Spend on the project, in 分. */
    record Expense(Long amountFen, LocalDate spentOn, String item) {}

    @PostMapping("/projects/{id}/expenses")
    @Operation(
            summary = "Record spend (分) on an approved project; 422 listing.project.over-budget past the budget",
            description = "Idempotency-Key as for payments.")
    ResponseEntity<String> spend(
            @PathVariable UUID id,
            @RequestHeader(value = "Idempotency-Key", required = false) String key,
            @RequestBody Expense e) {
        return once(
                key,
                e,
                () -> projects.spend(
                        id,
                        e == null ? null : e.amountFen(),
                        e == null ? null : e.spentOn(),
                        e == null ? null : e.item()));
    }

    @GetMapping("/projects/{id}/ledger")
    @Operation(summary = "The project's payments and expenses entry by entry (分), corrections included, oldest first")
    ProjectLedger ledger(@PathVariable UUID id) {
        return projects.ledger(id);
    }

    /** Why an entry is reversed. */
    record Reversal(String reason) {}

    @PostMapping("/projects/{id}/payments/{entryId}/reversal")
    @Operation(
            summary = "冲正 of a payment recorded wrongly: a correcting entry of the opposite amount, with its reason",
            description = "The wrong entry stays on the record. 409 listing.project.entry-reversed when it was reversed"
                    + " already; 422 listing.project.entry-final for a correcting entry.")
    ProjectView reversePayment(
            @PathVariable UUID id, @PathVariable UUID entryId, @RequestBody(required = false) Reversal r) {
        return projects.reversePayment(id, entryId, r == null ? null : r.reason());
    }

    @PostMapping("/projects/{id}/expenses/{entryId}/reversal")
    @Operation(summary = "冲正 of an expense recorded wrongly, as for payments; on an approved project")
    ProjectView reverseExpense(
            @PathVariable UUID id, @PathVariable UUID entryId, @RequestBody(required = false) Reversal r) {
        return projects.reverseExpense(id, entryId, r == null ? null : r.reason());
    }

    /** A milestone to add. */
    record NewMilestone(String title, LocalDate dueOn) {}

    @PostMapping("/projects/{id}/milestones")
    @Operation(summary = "Add a milestone")
    ProjectView milestone(@PathVariable UUID id, @RequestBody NewMilestone m) {
        return projects.addMilestone(id, m == null ? null : m.title(), m == null ? null : m.dueOn());
    }

    /** A milestone's progress. */
    record Progress(Integer progress, String note) {}

    @PostMapping("/projects/{id}/milestones/{position}/progress")
    @Operation(summary = "Set a milestone's progress, 0–100 (100 marks it reached)")
    ProjectView progress(@PathVariable UUID id, @PathVariable int position, @RequestBody Progress p) {
        return projects.progress(id, position, p == null ? null : p.progress(), p == null ? null : p.note());
    }

    /** An evaluation. */
    record Evaluation(Integer score, String comment) {}

    @PostMapping("/projects/{id}/evaluations")
    @Operation(summary = "The beneficiaries' evaluation (效能评价) of a completed project: score 1–5, one per person")
    ProjectView evaluate(@PathVariable UUID id, @RequestBody Evaluation e) {
        return projects.evaluate(id, e == null ? null : e.score(), e == null ? null : e.comment());
    }

    @GetMapping("/projects/{id}/experts")
    @Operation(summary = "The experts advising the project (智库; 双师联动 when a planner and a community builder both do)")
    List<org.gongzhi.listing.ExpertAssignment> experts(@PathVariable UUID id) {
        return experts.onProject(id);
    }

    @PostMapping("/projects/{id}/experts")
    @Operation(
            summary = "Ask an expert of the 街道's think tank onto the project",
            description = "409 when the expert already advises on it; 422 for an expert of another 街道.")
    ResponseEntity<List<org.gongzhi.listing.ExpertAssignment>> assignExpert(
            @PathVariable UUID id, @RequestBody ExpertAsk advice) {
        return ResponseEntity.status(201)
                .body(experts.assignToProject(
                        id, advice == null ? null : advice.expertId(), advice == null ? null : advice.note()));
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/projects/{id}/experts/{expertId}")
    @Operation(summary = "The expert no longer advises on the project")
    List<org.gongzhi.listing.ExpertAssignment> unassignExpert(@PathVariable UUID id, @PathVariable UUID expertId) {
        return experts.unassignFromProject(id, expertId);
    }

    @GetMapping(value = "/projects/workbook", produces = ListWorkbookPages.XLSX)
    @Operation(summary = "The 项目清单 the caller reads as .xlsx, with each party's pledge")
    ResponseEntity<byte[]> exportProjects() throws java.io.IOException {
        return ListWorkbookApi.export(workbooks, org.gongzhi.listing.ListWorkbooks.Kind.PROJECTS);
    }

    @PostMapping(value = "/projects/workbook", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Propose projects from .xlsx all or nothing (parties as 单位 金额；单位 金额)")
    java.util.Map<String, Integer> importProjects(
            @org.springframework.web.bind.annotation.RequestPart("file")
                    org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        return ListWorkbookApi.load(workbooks, org.gongzhi.listing.ListWorkbooks.Kind.PROJECTS, file);
    }
}
