package org.gongzhi.appeal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongFunction;
import org.gongzhi.appeal.AppealAction;
import org.gongzhi.appeal.AppealBrief;
import org.gongzhi.appeal.AppealId;
import org.gongzhi.appeal.AppealManagement;
import org.gongzhi.appeal.AppealQueries;
import org.gongzhi.appeal.AppealView;
import org.gongzhi.appeal.EmergencyService;
import org.gongzhi.appeal.RegisterAppeal;
import org.gongzhi.appeal.RegisteredAppeal;
import org.gongzhi.appeal.Satisfaction;
import org.gongzhi.appeal.TimelineEntry;
import org.gongzhi.appeal.TrackedAppeal;
import org.gongzhi.appeal.Urgency;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.IdempotentRequests;
import org.gongzhi.platform.IfMatch;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Violation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * 接诉即办 over JSON: registering an appeal, reading it with its timeline and the actions open to the caller, and one
 * POST per lifecycle action. Every action names the version it read in If-Match (the ETag): without it 428, a stale one
 * 412; an action the state does not allow is 409 {@code appeal.transition.not-allowed}.
 */
@RestController
@RequestMapping("/api/v1/appeals")
@Tag(name = "appeals", description = "诉求: intake, the lifecycle from 受理 to 结案, the timeline and tracking")
class AppealApi {

    private static final String IF_MATCH = "If-Match";

    private final AppealManagement management;
    private final AppealQueries queries;
    private final IdempotentRequests idempotent;
    private final ActorResolver actors;
    private final JsonMapper json;

    AppealApi(
            AppealManagement management,
            AppealQueries queries,
            IdempotentRequests idempotent,
            ActorResolver actors,
            JsonMapper json) {
        this.management = management;
        this.queries = queries;
        this.idempotent = idempotent;
        this.actors = actors;
        this.json = json;
    }

    @PostMapping
    @Operation(
            summary = "Register an appeal taken by staff (12345, 四诉, 巡查)",
            description = "201 with the appeal, its ETag and the secret token (given once). Idempotency-Key: the same"
                    + " key and body replay the first response; another body under the key is 422. A 12345 work order"
                    + " registered again with the same content answers 200 with the appeal (no token); with other"
                    + " content 409 appeal.work-order.changed.")
    ResponseEntity<String> register(
            @RequestHeader(value = "Idempotency-Key", required = false) String key,
            @RequestBody RegisterAppeal command) {
        if (key == null) {
            return send(registered(command));
        }
        String body = json.writeValueAsString(command);
        return send(idempotent.once(actors.current().name(), key, body, () -> registered(command)));
    }

    private IdempotentRequests.Response registered(RegisterAppeal command) {
        RegisteredAppeal r = management.register(command);
        return new IdempotentRequests.Response(
                r.repeated() ? 200 : 201, "/api/v1/appeals/" + r.appeal().id(), json.writeValueAsString(r));
    }

    private static ResponseEntity<String> send(IdempotentRequests.Response r) {
        var builder = ResponseEntity.status(r.status()).contentType(MediaType.APPLICATION_JSON);
        if (r.location() != null) {
            builder.location(URI.create(r.location()));
        }
        return builder.body(r.body());
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import 12345 work orders from the hotline platform's .xlsx export, all or nothing",
            description = "Columns are recognised by their usual names (工单编号, 来电号码, 诉求人, 诉求类型, 问题分类, 诉求内容,"
                    + " 事发地址, 社区编码, 是否紧急); a file without 工单编号, 诉求内容 or 来电号码 is refused naming them."
                    + " Every bad row and field is named (422); re-importing the same work orders adds nothing.")
    org.gongzhi.appeal.WorkOrdersImported importWorkbook(
            @org.springframework.web.bind.annotation.RequestPart("file")
                    org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        return management.importWorkOrders(file.getBytes(), null);
    }

    @PostMapping(value = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Import 12345 work orders as a JSON array, all or nothing",
            description =
                    "Each object carries the fields of a work order by our names (workOrderNumber, reporterPhone,"
                            + " reporterName, type, category, content, address, unitCode, urgent) or the export's column names.")
    org.gongzhi.appeal.WorkOrdersImported importJson(@RequestBody String body) {
        return management.importWorkOrders(null, body);
    }

    @GetMapping
    @Operation(
            summary = "The appeals the caller may read, a page at a time, with the list page's filters",
            description = "Newest first, or with mine=true the open work orders of the caller's organisations soonest"
                    + " deadline first. Filters: state, category (大类 like E05 or a 小类 code), channel, light (GREEN,"
                    + " YELLOW, RED), from and to (registration dates, inclusive, yyyy-MM-dd). limit 1–100 (default 50);"
                    + " next is the cursor to pass as after for the following page. A filter that cannot be read is 400"
                    + " naming it. Reporters are masked.")
    org.gongzhi.appeal.AppealPage list(
            ListParams params,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "50") int limit) {
        return queries.list(params.filter(mine), after, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One appeal, the reporter masked; the ETag carries the version to send back as If-Match")
    ResponseEntity<AppealView> one(@PathVariable UUID id) {
        return withTag(queries.require(new AppealId(id)));
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "The appeal's timeline: every transition and note with actor, time and reason, oldest first")
    List<TimelineEntry> timeline(@PathVariable UUID id) {
        return queries.timeline(new AppealId(id));
    }

    @GetMapping("/{id}/actions")
    @Operation(summary = "The actions the caller may take on the appeal now (its state and the caller's rights)")
    Set<AppealAction> actions(@PathVariable UUID id) {
        return queries.availableActions(new AppealId(id));
    }

    record Tracking(String trackingCode, String token) {}

    @PostMapping("/track")
    @Operation(
            summary = "Follow an appeal with its tracking code and secret token (no account needed)",
            description = "Sent in the body, never the address. A wrong code and a wrong token both answer 404.")
    TrackedAppeal track(@RequestBody Tracking tracking) {
        return queries.track(tracking.trackingCode(), tracking.token());
    }

    @PostMapping("/{id}/contact")
    @Operation(
            summary = "Open the reporter's name and number in full (the handling unit, while the case is open)",
            description = "Needs the permission to open personal data and a reason (4–200 characters); every opening is"
                    + " audited with the reason.")
    org.gongzhi.appeal.ReporterContact contact(@PathVariable UUID id, @RequestBody Reason body) {
        return management.viewContact(new AppealId(id), body == null ? null : body.reason());
    }

    record Caller(String phone) {}

    @PostMapping("/caller-history")
    @Operation(
            summary = "A caller's earlier appeals, by their number (12345 operators)",
            description = "The number travels in the body and is matched by its keyed hash; at most 10, newest first.")
    List<AppealBrief> callerHistory(@RequestBody Caller caller) {
        return queries.earlierByPhone(caller.phone(), 10);
    }

    @GetMapping("/{id}/possible-repeats")
    @Operation(
            summary = "Open appeals this one may repeat (重复件 candidates)",
            description = "Same category, registered within gongzhi.appeal.repeat-window (7 days) before it, within"
                    + " gongzhi.appeal.repeat-radius metres (200) of its point or in the same 社区 when either has no"
                    + " point; at most 5, newest first.")
    List<AppealBrief> possibleRepeats(@PathVariable UUID id) {
        return queries.possibleRepeats(new AppealId(id));
    }

    // ---------------------------------------------------------------- lifecycle actions

    record Accept(String categoryCode, Urgency urgency) {}

    record Reason(String reason) {}

    record Answer(String answer) {}

    record Route(String route) {}

    record Note(String note) {}

    record Text(String text) {}

    record Result(String result) {}

    record Repeat(UUID original, String reason) {}

    record HandOff(EmergencyService service, String note) {}

    record Review(Boolean confirmed, String note) {}

    record Dispatch(UUID handlerId, List<UUID> coHandlerIds, String reason) {}

    record ExtensionRequest(String extension, String reason) {}

    record ExtensionDecision(Boolean approved, String reason) {}

    record FollowUp(Boolean reached, Boolean resolved, Satisfaction satisfaction, String comment) {}

    record Verification(Boolean passed, String note) {}

    @PostMapping("/{id}/accept")
    @Operation(summary = "立案: accept as a case, confirming category and urgency")
    ResponseEntity<AppealView> accept(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) Accept body) {
        Accept b = body == null ? new Accept(null, null) : body;
        return act(id, ifMatch, v -> management.accept(new AppealId(id), v, b.categoryCode(), b.urgency()));
    }

    @PostMapping("/{id}/void")
    @Operation(summary = "作废: not a case, with the reason")
    ResponseEntity<AppealView> invalidate(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestBody Reason body) {
        return act(id, ifMatch, v -> management.invalidate(new AppealId(id), v, body.reason()));
    }

    @PostMapping("/{id}/answer-at-intake")
    @Operation(summary = "咨询即答: answer a 咨询 from the knowledge base and close it without dispatch")
    ResponseEntity<AppealView> answerAtIntake(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestBody Answer body) {
        return act(id, ifMatch, v -> management.answerAtIntake(new AppealId(id), v, body.answer()));
    }

    @PostMapping("/{id}/legal-route")
    @Operation(summary = "Tell the legal route (诉讼, 仲裁, 信访 …) the matter belongs to, and close it")
    ResponseEntity<AppealView> legalRoute(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestBody Route body) {
        return act(id, ifMatch, v -> management.referToLegalRoute(new AppealId(id), v, body.route()));
    }

    @PostMapping("/{id}/repeat-of")
    @Operation(summary = "重复件: link to the open appeal this one repeats, and close it")
    ResponseEntity<AppealView> repeatOf(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestBody Repeat body) {
        return act(
                id,
                ifMatch,
                v -> management.linkAsRepeat(
                        new AppealId(id),
                        v,
                        body.original() == null ? null : new AppealId(body.original()),
                        body.reason()));
    }

    @PostMapping("/{id}/emergency-hand-off")
    @Operation(summary = "紧急转办: record the hand-off to 110/119/120/122")
    ResponseEntity<AppealView> handOff(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestBody HandOff body) {
        return act(id, ifMatch, v -> management.handOffEmergency(new AppealId(id), v, body.service(), body.note()));
    }

    @PostMapping("/{id}/self-handling-review")
    @Operation(summary = "Review a 自处理: confirmed closes it, not confirmed makes it a case to dispatch")
    ResponseEntity<AppealView> review(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestBody Review body) {
        return act(
                id,
                ifMatch,
                v -> management.reviewSelfHandling(
                        new AppealId(id), v, required(body.confirmed(), "confirmed"), body.note()));
    }

    @PostMapping("/{id}/dispatch")
    @Operation(summary = "派单 to a lead unit (首接负责) and co-handlers; the clocks start")
    ResponseEntity<AppealView> dispatch(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestBody Dispatch body) {
        return act(
                id,
                ifMatch,
                v -> management.dispatch(new AppealId(id), v, organisation(body.handlerId()), organisations(body)));
    }

    @PostMapping("/{id}/sign")
    @Operation(summary = "签收: the handling unit accepts the work order")
    ResponseEntity<AppealView> sign(
            @PathVariable UUID id, @RequestHeader(value = IF_MATCH, required = false) String ifMatch) {
        return act(id, ifMatch, v -> management.sign(new AppealId(id), v));
    }

    @PostMapping("/{id}/objection")
    @Operation(summary = "派单异议/退单: the handling unit objects, with the reason")
    ResponseEntity<AppealView> object(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestBody Reason body) {
        return act(id, ifMatch, v -> management.object(new AppealId(id), v, body.reason()));
    }

    @PostMapping("/{id}/redispatch")
    @Operation(summary = "Answer an objection: dispatch again, to another unit or the same")
    ResponseEntity<AppealView> redispatch(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestBody Dispatch body) {
        return act(
                id,
                ifMatch,
                v -> management.redispatch(
                        new AppealId(id), v, organisation(body.handlerId()), organisations(body), body.reason()));
    }

    @PostMapping("/{id}/response")
    @Operation(summary = "响应: the unit contacted the reporter and starts handling")
    ResponseEntity<AppealView> respond(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) Note body) {
        return act(id, ifMatch, v -> management.respond(new AppealId(id), v, body == null ? null : body.note()));
    }

    @PostMapping("/{id}/notes")
    @Operation(
            summary = "A progress note (办理进展) by a handler or the dispatcher",
            description = "Appended to the timeline; needs no If-Match and does not change the version.")
    ResponseEntity<AppealView> note(@PathVariable UUID id, @RequestBody Text body) {
        return withTag(management.note(new AppealId(id), body.text()));
    }

    @PostMapping("/{id}/extension-request")
    @Operation(summary = "延期申请: ask for more time (e.g. 5wd, 48h), with the reason")
    ResponseEntity<AppealView> requestExtension(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestBody ExtensionRequest body) {
        return act(id, ifMatch, v -> management.requestExtension(new AppealId(id), v, body.extension(), body.reason()));
    }

    @PostMapping("/{id}/extension-decision")
    @Operation(summary = "延期审批: approving moves the resolution deadline; declining needs a reason")
    ResponseEntity<AppealView> decideExtension(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestBody ExtensionDecision body) {
        return act(
                id,
                ifMatch,
                v -> management.decideExtension(
                        new AppealId(id), v, required(body.approved(), "approved"), body.reason()));
    }

    @PostMapping("/{id}/suspension")
    @Operation(summary = "挂账: long-term unsolvable, with a written reason; the clock stops")
    ResponseEntity<AppealView> suspend(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestBody Reason body) {
        return act(id, ifMatch, v -> management.suspend(new AppealId(id), v, body.reason()));
    }

    @PostMapping("/{id}/resumption")
    @Operation(summary = "挂账恢复, with a written reason; the deadline moves by the time suspended")
    ResponseEntity<AppealView> resume(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestBody Reason body) {
        return act(id, ifMatch, v -> management.resume(new AppealId(id), v, body.reason()));
    }

    @PostMapping("/{id}/answer")
    @Operation(summary = "答复: the unit's result for the reporter")
    ResponseEntity<AppealView> answer(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestBody Result body) {
        return act(id, ifMatch, v -> management.answer(new AppealId(id), v, body.result()));
    }

    @PostMapping("/{id}/follow-up")
    @Operation(summary = "回访 entered by an operator: reached, resolved, satisfaction and a comment")
    ResponseEntity<AppealView> followUp(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestBody FollowUp body) {
        return act(
                id,
                ifMatch,
                v -> management.followUp(
                        new AppealId(id),
                        v,
                        required(body.reached(), "reached"),
                        body.resolved(),
                        body.satisfaction(),
                        body.comment()));
    }

    @PostMapping("/{id}/verification")
    @Operation(summary = "核查 on site: passed, or 返工 with a note")
    ResponseEntity<AppealView> verify(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestBody Verification body) {
        return act(
                id,
                ifMatch,
                v -> management.verify(new AppealId(id), v, required(body.passed(), "passed"), body.note()));
    }

    @PostMapping("/{id}/closure")
    @Operation(summary = "结案")
    ResponseEntity<AppealView> close(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) Note body) {
        return act(id, ifMatch, v -> management.close(new AppealId(id), v, body == null ? null : body.note()));
    }

    @PostMapping("/{id}/rework")
    @Operation(summary = "返工: back to 办理, with the reason")
    ResponseEntity<AppealView> rework(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestBody Reason body) {
        return act(id, ifMatch, v -> management.rework(new AppealId(id), v, body.reason()));
    }

    // ---------------------------------------------------------------- helpers

    /** Runs an action with the version If-Match names: 428 without it, 412 when it is stale. */
    private ResponseEntity<AppealView> act(UUID id, String ifMatch, LongFunction<AppealView> action) {
        return withTag(IfMatch.change(
                ifMatch, queries.version(new AppealId(id)), "appeal.version.missing", "appeal.version.stale", action));
    }

    private static ResponseEntity<AppealView> withTag(AppealView view) {
        return ResponseEntity.status(HttpStatus.OK)
                .header(HttpHeaders.ETAG, "\"" + view.version() + "\"")
                .body(view);
    }

    private static OrganisationId organisation(UUID id) {
        return id == null ? null : new OrganisationId(id);
    }

    private static List<OrganisationId> organisations(Dispatch body) {
        return body.coHandlerIds() == null
                ? List.of()
                : body.coHandlerIds().stream().map(AppealApi::organisation).toList();
    }

    private static boolean required(Boolean value, String field) {
        if (value == null) {
            throw DomainException.invalid(List.of(Violation.of(field, "validation.NotNull", field)));
        }
        return value;
    }
}
