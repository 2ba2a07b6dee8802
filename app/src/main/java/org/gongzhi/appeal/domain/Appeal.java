package org.gongzhi.appeal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.appeal.AppealAction;
import org.gongzhi.appeal.AppealState;
import org.gongzhi.appeal.AppealType;
import org.gongzhi.appeal.Channel;
import org.gongzhi.appeal.Closure;
import org.gongzhi.appeal.EmergencyService;
import org.gongzhi.appeal.FollowUpSource;
import org.gongzhi.appeal.Satisfaction;
import org.gongzhi.appeal.TrafficLight;
import org.gongzhi.appeal.UnresolvedFollowUp;
import org.gongzhi.appeal.Urgency;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ErrorKind;
import org.gongzhi.shared.Label;
import org.gongzhi.shared.Violation;

/**
 * One appeal and where it stands in the lifecycle of DOMAIN.md §4. Every change goes through a method here that checks
 * the state allows it ({@link AppealAction#from()}) and returns the {@link Step} the timeline records; anything else is
 * refused with 409 {@code appeal.transition.not-allowed} naming the action and the state. The store saves the result
 * only if nobody changed the appeal since it was read (its version).
 */
public final class Appeal {

    /** Where the appeal is, as located in the territory; all null for the coordination queue. */
    public record Place(
            UUID districtId, UUID subdistrictId, UUID communityId, UUID gridId, UUID unitId, String streetCode) {

        public static final Place NOWHERE = new Place(null, null, null, null, null, null);

        /** The same place on the 街巷 with this code (or none). */
        public Place onStreet(String code) {
            return new Place(districtId, subdistrictId, communityId, gridId, unitId, code);
        }

        /** The unit that answers for the place: the deepest one known. */
        public UUID accountable() {
            return unitId != null ? unitId : subdistrictId != null ? subdistrictId : districtId;
        }
    }

    /** The reporter as stored: ciphertext and a lookup hash, never plain text. */
    public record Reporter(
            String nameCipher, String phoneCipher, String phoneLookup, boolean anonymous, UUID residentId) {}

    /** What intake recorded; it does not change afterwards. */
    public record Intake(
            Channel channel,
            AppealType type,
            Urgency urgency,
            String content,
            String address,
            Double latitude,
            Double longitude,
            Place place,
            Reporter reporter,
            String registeredBy,
            String workOrderNumber,
            String bodyHash,
            UUID coordinatorId,
            boolean synthetic) {

        /**
         * The unit answerable for the appeal: its place, or — in the coordination queue — the unit whose dispatchers
         * took it and must place it (the registrar's own area), or null for the whole installation.
         */
        public UUID answerable() {
            UUID at = place.accountable();
            return at != null ? at : coordinatorId;
        }
    }

    /** One transition or note, as the timeline keeps it. */
    public record Step(
            AppealAction action, AppealState from, AppealState to, String reason, Map<String, Object> details) {}

    /**
     * The rounds of 答复 and 回访: how many answers were given ({@code answered}, the round a 回访 belongs to), when the
     * current answer's 回访 is due (null when none is awaited), and whether a 回访 answered 未解决/不满意 asks for 核查
     * before 结案.
     */
    public record Rounds(int answered, Instant followUpDue, boolean verificationRequired) {

        public static final Rounds NONE = new Rounds(0, null, false);
    }

    /** The most co-handlers one dispatch may name. */
    public static final int MAX_CO_HANDLERS = 10;

    private final UUID id;
    private final String trackingCode;
    private final String tokenHash;
    private final Intake intake;
    private final Instant registeredAt;
    private String categoryCode;
    private Integer categoryVersion;
    private Urgency urgency;
    private AppealState state;
    private Closure closure;
    private UUID repeatOf;
    private EmergencyService emergencyService;
    private UUID handlerId;
    private List<UUID> coHandlerIds;
    private int dispatchCount;
    private Instant dispatchedAt;
    private Instant responseDue;
    private Instant resolutionDue;
    private Instant signedAt;
    private Instant respondedAt;
    private String extensionRequested;
    private Instant suspendedAt;
    private Instant answeredAt;
    private Boolean resolved;
    private Satisfaction satisfaction;
    private Rounds rounds;
    private Instant closedAt;
    private Instant updatedAt;
    private long version;

    /** Everything as stored; for the store only. */
    public Appeal(
            UUID id,
            String trackingCode,
            String tokenHash,
            Intake intake,
            Instant registeredAt,
            String categoryCode,
            Integer categoryVersion,
            Urgency urgency,
            AppealState state,
            Closure closure,
            UUID repeatOf,
            EmergencyService emergencyService,
            UUID handlerId,
            List<UUID> coHandlerIds,
            int dispatchCount,
            Instant dispatchedAt,
            Instant responseDue,
            Instant resolutionDue,
            Instant signedAt,
            Instant respondedAt,
            String extensionRequested,
            Instant suspendedAt,
            Instant answeredAt,
            Boolean resolved,
            Satisfaction satisfaction,
            Rounds rounds,
            Instant closedAt,
            Instant updatedAt,
            long version) {
        this.id = id;
        this.trackingCode = trackingCode;
        this.tokenHash = tokenHash;
        this.intake = intake;
        this.registeredAt = registeredAt;
        this.categoryCode = categoryCode;
        this.categoryVersion = categoryVersion;
        this.urgency = urgency;
        this.state = state;
        this.closure = closure;
        this.repeatOf = repeatOf;
        this.emergencyService = emergencyService;
        this.handlerId = handlerId;
        this.coHandlerIds = List.copyOf(coHandlerIds);
        this.dispatchCount = dispatchCount;
        this.dispatchedAt = dispatchedAt;
        this.responseDue = responseDue;
        this.resolutionDue = resolutionDue;
        this.signedAt = signedAt;
        this.respondedAt = respondedAt;
        this.extensionRequested = extensionRequested;
        this.suspendedAt = suspendedAt;
        this.answeredAt = answeredAt;
        this.resolved = resolved;
        this.satisfaction = satisfaction;
        this.rounds = rounds;
        this.closedAt = closedAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /**
     * 受理: a new appeal, {@link AppealState#REGISTERED}, or {@link AppealState#SELF_HANDLED} when whoever found it fixed
     * it on the spot (自处理, described in {@code selfHandling}).
     */
    public static Appeal register(
            UUID id,
            String trackingCode,
            String tokenHash,
            Intake intake,
            String categoryCode,
            Integer categoryVersion,
            String selfHandling,
            Instant now) {
        AppealState first = selfHandling == null ? AppealState.REGISTERED : AppealState.SELF_HANDLED;
        return new Appeal(
                id,
                trackingCode,
                tokenHash,
                intake,
                now,
                categoryCode,
                categoryVersion,
                intake.urgency(),
                first,
                null,
                null,
                null,
                null,
                List.of(),
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Rounds.NONE,
                null,
                now,
                0);
    }

    /** The step that opens the timeline. */
    public Step registered(String selfHandling) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("channel", intake.channel().name());
        return new Step(AppealAction.REGISTER, null, state, selfHandling, details);
    }

    // ---- classification (Art 11) ----

    /** 立案, with the category and urgency confirmed; refused (422) without a category. */
    public Step accept(String code, Integer codeVersion, Urgency confirmedUrgency, Instant now) {
        require(AppealAction.ACCEPT);
        if (code == null) {
            throw rule("categoryCode", "appeal.category.required");
        }
        categoryCode = code;
        categoryVersion = codeVersion;
        if (confirmedUrgency != null) {
            urgency = confirmedUrgency;
        }
        return move(AppealAction.ACCEPT, AppealState.ACCEPTED, null, Map.of("category", code), now);
    }

    public Step invalidate(String reason, Instant now) {
        require(AppealAction.VOID);
        return move(AppealAction.VOID, AppealState.VOIDED, reason, Map.of(), now);
    }

    /** 咨询即答: only a 咨询 is answered and closed at intake (Art 11); other types are refused (422). */
    public Step answerAtIntake(String answer, Instant now) {
        require(AppealAction.ANSWER_AT_INTAKE);
        if (intake.type() != AppealType.CONSULTATION) {
            throw rule("type", "appeal.answer-at-intake.not-consultation", Label.of("appeal.type.", intake.type()));
        }
        closure = Closure.ANSWERED_AT_INTAKE;
        answeredAt = now;
        return finish(AppealAction.ANSWER_AT_INTAKE, answer, now);
    }

    public Step referToLegalRoute(String route, Instant now) {
        require(AppealAction.REFER_TO_LEGAL_ROUTE);
        closure = Closure.LEGAL_ROUTE;
        answeredAt = now;
        return finish(AppealAction.REFER_TO_LEGAL_ROUTE, route, now);
    }

    /**
     * 重复件: linked to {@code original}, which must be another appeal still open and not itself a repeat (422
     * otherwise). This appeal closes; the original carries on for both reporters.
     */
    public Step linkAsRepeat(Appeal original, String reason, Instant now) {
        require(AppealAction.LINK_AS_REPEAT);
        if (original.id.equals(id)) {
            throw rule("original", "appeal.repeat.self");
        }
        if (original.state.isFinal() || original.closure != null) {
            throw rule("original", "appeal.repeat.original-closed", original.trackingCode);
        }
        if (original.repeatOf != null) {
            throw rule("original", "appeal.repeat.original-is-repeat", original.trackingCode);
        }
        repeatOf = original.id;
        closure = Closure.REPEAT;
        return finish(AppealAction.LINK_AS_REPEAT, reason, now, Map.of("original", original.trackingCode));
    }

    /** 紧急转办 to an emergency line; recorded once per service, the appeal's state unchanged. */
    public Step handOffEmergency(EmergencyService service, String note, Instant now) {
        require(AppealAction.HAND_OFF_EMERGENCY);
        emergencyService = service;
        return move(AppealAction.HAND_OFF_EMERGENCY, state, note, Map.of("service", service.name()), now);
    }

    /** Review of a 自处理: confirmed closes it; otherwise it becomes a case (立案) to dispatch. */
    public Step reviewSelfHandling(boolean confirmed, String note, Instant now) {
        require(AppealAction.REVIEW_SELF_HANDLING);
        if (confirmed) {
            closure = Closure.SELF_HANDLED;
            return finish(AppealAction.REVIEW_SELF_HANDLING, note, now, Map.of("confirmed", true));
        }
        return move(AppealAction.REVIEW_SELF_HANDLING, AppealState.ACCEPTED, note, Map.of("confirmed", false), now);
    }

    // ---- dispatch (Art 12–14) ----

    /** 派单 to {@code lead} (首接负责) with co-handlers; the response and resolution clocks start now. */
    public Step dispatch(UUID lead, List<UUID> coHandlers, Instant responseBy, Instant resolveBy, Instant now) {
        require(AppealAction.DISPATCH);
        return assign(AppealAction.DISPATCH, lead, coHandlers, responseBy, resolveBy, null, now);
    }

    public Step sign(Instant now) {
        require(AppealAction.SIGN);
        signedAt = now;
        return move(AppealAction.SIGN, AppealState.SIGNED, null, Map.of("handler", handlerId.toString()), now);
    }

    /** 派单异议/退单: the unit says the work order is not theirs, with the reason; a reviewer re-dispatches. */
    public Step object(String reason, Instant now) {
        require(AppealAction.OBJECT);
        return move(AppealAction.OBJECT, AppealState.OBJECTED, reason, Map.of("handler", handlerId.toString()), now);
    }

    /** The reviewer's answer to an objection: dispatched again (to another unit or the same), the clocks restarted. */
    public Step redispatch(
            UUID lead, List<UUID> coHandlers, Instant responseBy, Instant resolveBy, String reason, Instant now) {
        require(AppealAction.REDISPATCH);
        return assign(AppealAction.REDISPATCH, lead, coHandlers, responseBy, resolveBy, reason, now);
    }

    private Step assign(
            AppealAction action,
            UUID lead,
            List<UUID> coHandlers,
            Instant responseBy,
            Instant resolveBy,
            String reason,
            Instant now) {
        var co = new LinkedHashSet<>(coHandlers);
        if (co.size() != coHandlers.size()) {
            throw rule("coHandlerIds", "appeal.dispatch.co-handler-repeated");
        }
        if (co.contains(lead)) {
            throw rule("coHandlerIds", "appeal.dispatch.lead-also-co-handler");
        }
        if (co.size() > MAX_CO_HANDLERS) {
            throw rule("coHandlerIds", "appeal.dispatch.too-many-co-handlers", MAX_CO_HANDLERS);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("handler", lead.toString());
        details.put("coHandlers", co.stream().map(UUID::toString).toList());
        if (handlerId != null) {
            details.put("previousHandler", handlerId.toString());
        }
        handlerId = lead;
        coHandlerIds = List.copyOf(co);
        dispatchCount++;
        dispatchedAt = now;
        responseDue = responseBy;
        resolutionDue = resolveBy;
        signedAt = null;
        return move(action, AppealState.DISPATCHED, reason, details, now);
    }

    // ---- handling ----

    /** 响应: the unit contacted the reporter and starts handling. */
    public Step respond(String note, Instant now) {
        require(AppealAction.RESPOND);
        respondedAt = now;
        return move(AppealAction.RESPOND, AppealState.HANDLING, note, Map.of(), now);
    }

    public Step note(String text, Instant now) {
        require(AppealAction.NOTE);
        return move(AppealAction.NOTE, state, text, Map.of(), now);
    }

    /** 延期申请 for {@code extension} more (e.g. {@code 5wd}); one at a time (409 while one waits). */
    public Step requestExtension(String extension, String reason, Instant now) {
        require(AppealAction.REQUEST_EXTENSION);
        if (extensionRequested != null) {
            throw DomainException.conflict(Violation.of("extension", "appeal.extension.pending", extensionRequested));
        }
        extensionRequested = extension;
        return move(AppealAction.REQUEST_EXTENSION, state, reason, Map.of("extension", extension), now);
    }

    /**
     * 延期审批: approved moves the resolution deadline to {@code newDue}; declined leaves it. 409 when no extension
     * waits.
     */
    public Step decideExtension(boolean approved, Instant newDue, String reason, Instant now) {
        require(AppealAction.DECIDE_EXTENSION);
        if (extensionRequested == null) {
            throw DomainException.conflict(Violation.of("approved", "appeal.extension.none-pending"));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("extension", extensionRequested);
        details.put("approved", approved);
        if (approved) {
            details.put("previousDue", resolutionDue.toString());
            details.put("due", newDue.toString());
            resolutionDue = newDue;
        }
        extensionRequested = null;
        return move(AppealAction.DECIDE_EXTENSION, state, reason, details, now);
    }

    /** 挂账: the clock stops until {@link #resume}. */
    public Step suspend(String reason, Instant now) {
        require(AppealAction.SUSPEND);
        suspendedAt = now;
        return move(AppealAction.SUSPEND, AppealState.SUSPENDED, reason, Map.of(), now);
    }

    /** 挂账恢复: the resolution deadline moves by the time spent suspended. */
    public Step resume(String reason, Instant now) {
        require(AppealAction.RESUME);
        Duration stopped = Duration.between(suspendedAt, now);
        if (resolutionDue != null) {
            resolutionDue = resolutionDue.plus(stopped);
        }
        suspendedAt = null;
        return move(
                AppealAction.RESUME,
                AppealState.HANDLING,
                reason,
                Map.of("suspendedSeconds", stopped.toSeconds()),
                now);
    }

    /**
     * 答复: the result given to the reporter. It opens the next round of 回访, due at {@code followUpDue} (Art 23: the
     * reporter is asked once the answer is given).
     */
    public Step answer(String result, Instant followUpDue, Instant now) {
        require(AppealAction.ANSWER);
        answeredAt = now;
        extensionRequested = null;
        rounds = new Rounds(rounds.answered() + 1, followUpDue, false);
        return move(AppealAction.ANSWER, AppealState.ANSWERED, result, Map.of("round", rounds.answered()), now);
    }

    /**
     * 回访 of the current round, from {@code source}: when the reporter was reached, whether it is resolved and how
     * satisfied they are are both required (400 naming the field otherwise); an unreached reporter — or nobody
     * answering in time ({@link FollowUpSource#NO_ANSWER}) — is recorded as such. An answer of 未解决 or 不满意 under
     * {@link UnresolvedFollowUp#VERIFY} requires 核查 before 结案; under {@code REWORK} the caller sends it back
     * ({@link #unresolved()}).
     */
    public Step followUp(
            FollowUpSource source,
            boolean reached,
            Boolean isResolved,
            Satisfaction rating,
            String comment,
            UnresolvedFollowUp whenUnresolved,
            Instant now) {
        require(AppealAction.FOLLOW_UP);
        boolean answered = reached && source != FollowUpSource.NO_ANSWER;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("round", rounds.answered());
        details.put("source", source.name());
        details.put("reached", answered);
        if (answered) {
            var missing = new org.gongzhi.shared.Violations();
            if (isResolved == null) {
                missing.add("resolved", "validation.NotNull", "resolved");
            }
            if (rating == null) {
                missing.add("satisfaction", "validation.NotNull", "satisfaction");
            }
            missing.throwIfAny();
            resolved = isResolved;
            satisfaction = rating;
            details.put("resolved", isResolved);
            details.put("satisfaction", rating.name());
        }
        rounds = new Rounds(
                rounds.answered(), null, whenUnresolved == UnresolvedFollowUp.VERIFY && answered && unresolved());
        return move(AppealAction.FOLLOW_UP, AppealState.FOLLOWED_UP, comment, details, now);
    }

    /** Whether the reporter's 回访 said 未解决 or 不满意. */
    public boolean unresolved() {
        return Boolean.FALSE.equals(resolved) || satisfaction == Satisfaction.DISSATISFIED;
    }

    /** 核查 on site: passed, or 返工 back to 办理. */
    public Step verify(boolean passed, String note, Instant now) {
        require(AppealAction.VERIFY);
        if (passed) {
            rounds = new Rounds(rounds.answered(), null, false);
            return move(AppealAction.VERIFY, AppealState.VERIFIED, note, Map.of("passed", true), now);
        }
        reopen();
        return move(AppealAction.VERIFY, AppealState.HANDLING, note, Map.of("passed", false), now);
    }

    /**
     * 结案. Refused (422 {@code appeal.close.verification-required}) while a 回访 of 未解决/不满意 waits for its 核查.
     */
    public Step close(String note, Instant now) {
        require(AppealAction.CLOSE);
        if (state == AppealState.FOLLOWED_UP && rounds.verificationRequired()) {
            throw rule("note", "appeal.close.verification-required");
        }
        closure = Closure.RESOLVED;
        return finish(AppealAction.CLOSE, note, now);
    }

    /** 返工: back to 办理; the answer and follow-up are cleared for the next round (the timeline keeps them). */
    public Step rework(String reason, Instant now) {
        require(AppealAction.REWORK);
        reopen();
        return move(AppealAction.REWORK, AppealState.HANDLING, reason, Map.of(), now);
    }

    private void reopen() {
        rounds = new Rounds(rounds.answered(), null, false);
        answeredAt = null;
        resolved = null;
        satisfaction = null;
    }

    // ---- reading ----

    /**
     * The resolution clock's light at {@code at}: none before dispatch; frozen while suspended (挂账) and once
     * answered.
     */
    public TrafficLight light(Instant at) {
        if (!clocked()) {
            return null;
        }
        Instant stopped = stoppedAt();
        return TrafficLight.of(dispatchedAt, resolutionDue, stopped != null ? stopped : at);
    }

    /**
     * From when the light is yellow or red, or null when it never will be (no resolution clock, or the clock stopped —
     * 挂账 or answered — while still green). With {@link #redAfter()} this is what the list filters by light with,
     * through an index, instead of working the light out for every appeal.
     */
    public Instant yellowFrom() {
        if (!clocked()) {
            return null;
        }
        Instant yellow = TrafficLight.yellowFrom(dispatchedAt, resolutionDue);
        Instant stopped = stoppedAt();
        return stopped == null || !stopped.isBefore(yellow) ? yellow : null;
    }

    /**
     * After which the light is red (the resolution deadline), or null when it never will be (no resolution clock, or
     * the clock stopped on or before the deadline).
     */
    public Instant redAfter() {
        if (!clocked()) {
            return null;
        }
        Instant stopped = stoppedAt();
        return stopped == null || stopped.isAfter(resolutionDue) ? resolutionDue : null;
    }

    private boolean clocked() {
        return dispatchedAt != null && resolutionDue != null && closure != Closure.REPEAT;
    }

    /** Where the resolution clock stands still: 挂账, or the answer; null while it runs. */
    private Instant stoppedAt() {
        return suspendedAt != null ? suspendedAt : answeredAt;
    }

    /** Whether {@code organisation} is this appeal's lead handler or a co-handler now. */
    public boolean handledBy(UUID organisation) {
        return organisation.equals(handlerId) || coHandlerIds.contains(organisation);
    }

    private void require(AppealAction action) {
        if (!action.allowedIn(state)) {
            throw new DomainException(
                    ErrorKind.CONFLICT,
                    "appeal.transition.not-allowed",
                    List.of(Label.of("appeal.action.", action), Label.of("appeal.state.", state)),
                    List.of(Violation.of(
                            "state",
                            "appeal.transition.not-allowed",
                            Label.of("appeal.action.", action),
                            Label.of("appeal.state.", state))));
        }
    }

    private static DomainException rule(String field, String code, Object... args) {
        Violation v = Violation.of(field, code, args);
        return new DomainException(ErrorKind.UNPROCESSABLE, code, List.of(args), List.of(v));
    }

    private Step finish(AppealAction action, String reason, Instant now) {
        return finish(action, reason, now, Map.of());
    }

    private Step finish(AppealAction action, String reason, Instant now, Map<String, Object> details) {
        closedAt = now;
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.put("closure", closure.name());
        return move(action, AppealState.CLOSED, reason, all, now);
    }

    private Step move(AppealAction action, AppealState to, String reason, Map<String, Object> details, Instant now) {
        AppealState from = state;
        state = to;
        updatedAt = now;
        return new Step(action, from, to, reason, details);
    }

    public UUID id() {
        return id;
    }

    public String trackingCode() {
        return trackingCode;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public Intake intake() {
        return intake;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public String categoryCode() {
        return categoryCode;
    }

    public Integer categoryVersion() {
        return categoryVersion;
    }

    public Urgency urgency() {
        return urgency;
    }

    public AppealState state() {
        return state;
    }

    public Closure closure() {
        return closure;
    }

    public UUID repeatOf() {
        return repeatOf;
    }

    public EmergencyService emergencyService() {
        return emergencyService;
    }

    public UUID handlerId() {
        return handlerId;
    }

    public List<UUID> coHandlerIds() {
        return coHandlerIds;
    }

    public int dispatchCount() {
        return dispatchCount;
    }

    public Instant dispatchedAt() {
        return dispatchedAt;
    }

    public Instant responseDue() {
        return responseDue;
    }

    public Instant resolutionDue() {
        return resolutionDue;
    }

    public Instant signedAt() {
        return signedAt;
    }

    public Instant respondedAt() {
        return respondedAt;
    }

    public String extensionRequested() {
        return extensionRequested;
    }

    public Instant suspendedAt() {
        return suspendedAt;
    }

    public Rounds rounds() {
        return rounds;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public Boolean resolved() {
        return resolved;
    }

    public Satisfaction satisfaction() {
        return satisfaction;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
