package org.gongzhi.appeal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongzhi.appeal.FollowUpSource.NO_ANSWER;
import static org.gongzhi.appeal.FollowUpSource.PHONE;
import static org.gongzhi.appeal.FollowUpSource.TRACKING_LINK;
import static org.gongzhi.appeal.UnresolvedFollowUp.REWORK;
import static org.gongzhi.appeal.UnresolvedFollowUp.VERIFY;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.gongzhi.appeal.AppealAction;
import org.gongzhi.appeal.AppealState;
import org.gongzhi.appeal.AppealType;
import org.gongzhi.appeal.Channel;
import org.gongzhi.appeal.Closure;
import org.gongzhi.appeal.EmergencyService;
import org.gongzhi.appeal.Satisfaction;
import org.gongzhi.appeal.TrafficLight;
import org.gongzhi.appeal.Urgency;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ErrorKind;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle of DOMAIN.md §4 as the aggregate enforces it: every action in every state is either taken or refused
 * with 409 {@code appeal.transition.not-allowed}, exactly as {@link AppealAction#from()} says.
 */
class AppealLifecycleTests {

    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    static final UUID LEAD = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();

    static Appeal fresh(AppealType type, String selfHandling) {
        var intake = new Appeal.Intake(
                Channel.HOTLINE,
                type,
                Urgency.ORDINARY,
                "路灯不亮",
                null,
                null,
                null,
                Appeal.Place.NOWHERE,
                new Appeal.Reporter(null, null, null, true, null),
                "operator",
                null,
                null,
                null,
                false);
        return Appeal.register(UUID.randomUUID(), "261130ABCDEF", "x", intake, "C0112", 1, selfHandling, T0);
    }

    static Appeal fresh() {
        return fresh(AppealType.COMPLAINT, null);
    }

    /** Takes the action with plausible arguments; an open original is made for repeats. */
    static final Map<AppealAction, BiFunction<Appeal, Instant, Appeal.Step>> TAKE = new EnumMap<>(AppealAction.class);

    static {
        TAKE.put(AppealAction.ACCEPT, (a, t) -> a.accept("C0112", 1, null, t));
        TAKE.put(AppealAction.VOID, (a, t) -> a.invalidate("不属实", t));
        TAKE.put(AppealAction.ANSWER_AT_INTAKE, (a, t) -> a.answerAtIntake("答复", t));
        TAKE.put(AppealAction.REFER_TO_LEGAL_ROUTE, (a, t) -> a.referToLegalRoute("请向法院起诉", t));
        TAKE.put(AppealAction.LINK_AS_REPEAT, (a, t) -> a.linkAsRepeat(fresh(), null, t));
        TAKE.put(AppealAction.HAND_OFF_EMERGENCY, (a, t) -> a.handOffEmergency(EmergencyService.FIRE_119, null, t));
        TAKE.put(AppealAction.REVIEW_SELF_HANDLING, (a, t) -> a.reviewSelfHandling(true, null, t));
        TAKE.put(AppealAction.DISPATCH, (a, t) -> a.dispatch(LEAD, List.of(OTHER), t.plusSeconds(7200), due(t), t));
        TAKE.put(AppealAction.SIGN, Appeal::sign);
        TAKE.put(AppealAction.OBJECT, (a, t) -> a.object("不属于本单位", t));
        TAKE.put(
                AppealAction.REDISPATCH,
                (a, t) -> a.redispatch(OTHER, List.of(), t.plusSeconds(7200), due(t), null, t));
        TAKE.put(AppealAction.RESPOND, (a, t) -> a.respond(null, t));
        TAKE.put(AppealAction.NOTE, (a, t) -> a.note("已联系", t));
        TAKE.put(AppealAction.REQUEST_EXTENSION, (a, t) -> a.requestExtension("5wd", "需采购", t));
        TAKE.put(AppealAction.DECIDE_EXTENSION, (a, t) -> a.decideExtension(false, null, "不同意", t));
        TAKE.put(AppealAction.SUSPEND, (a, t) -> a.suspend("需纳入改造计划", t));
        TAKE.put(AppealAction.RESUME, (a, t) -> a.resume("已立项", t));
        TAKE.put(AppealAction.ANSWER, (a, t) -> a.answer("已修复", t.plus(Duration.ofDays(3)), t));
        TAKE.put(
                AppealAction.FOLLOW_UP,
                (a, t) -> a.followUp(PHONE, true, true, Satisfaction.SATISFIED, null, VERIFY, t));
        TAKE.put(AppealAction.VERIFY, (a, t) -> a.verify(true, null, t));
        TAKE.put(AppealAction.CLOSE, (a, t) -> a.close(null, t));
        TAKE.put(AppealAction.REWORK, (a, t) -> a.rework("未修好", t));
    }

    static Instant due(Instant t) {
        return t.plus(Duration.ofDays(10));
    }

    /** An appeal brought to {@code state} by the shortest legal path. */
    static Appeal in(AppealState state) {
        Appeal a = state == AppealState.SELF_HANDLED ? fresh(AppealType.COMPLAINT, "已现场清理") : fresh();
        List<AppealAction> path = switch (state) {
            case REGISTERED, SELF_HANDLED -> List.of();
            case ACCEPTED -> List.of(AppealAction.ACCEPT);
            case VOIDED -> List.of(AppealAction.VOID);
            case DISPATCHED -> List.of(AppealAction.ACCEPT, AppealAction.DISPATCH);
            case OBJECTED -> List.of(AppealAction.ACCEPT, AppealAction.DISPATCH, AppealAction.OBJECT);
            case SIGNED -> List.of(AppealAction.ACCEPT, AppealAction.DISPATCH, AppealAction.SIGN);
            case HANDLING ->
                List.of(AppealAction.ACCEPT, AppealAction.DISPATCH, AppealAction.SIGN, AppealAction.RESPOND);
            case SUSPENDED ->
                List.of(
                        AppealAction.ACCEPT,
                        AppealAction.DISPATCH,
                        AppealAction.SIGN,
                        AppealAction.RESPOND,
                        AppealAction.SUSPEND);
            case ANSWERED ->
                List.of(
                        AppealAction.ACCEPT,
                        AppealAction.DISPATCH,
                        AppealAction.SIGN,
                        AppealAction.RESPOND,
                        AppealAction.ANSWER);
            case FOLLOWED_UP ->
                List.of(
                        AppealAction.ACCEPT,
                        AppealAction.DISPATCH,
                        AppealAction.SIGN,
                        AppealAction.RESPOND,
                        AppealAction.ANSWER,
                        AppealAction.FOLLOW_UP);
            case VERIFIED ->
                List.of(
                        AppealAction.ACCEPT,
                        AppealAction.DISPATCH,
                        AppealAction.SIGN,
                        AppealAction.RESPOND,
                        AppealAction.ANSWER,
                        AppealAction.FOLLOW_UP,
                        AppealAction.VERIFY);
            case CLOSED -> List.of(AppealAction.ACCEPT, AppealAction.REFER_TO_LEGAL_ROUTE);
        };
        Instant t = T0;
        for (AppealAction action : path) {
            t = t.plusSeconds(60);
            TAKE.get(action).apply(a, t);
        }
        assertThat(a.state()).isEqualTo(state);
        return a;
    }

    @Test
    void every_action_in_every_state_is_taken_or_refused_as_the_table_says() {
        int taken = 0;
        int refused = 0;
        for (AppealState state : AppealState.values()) {
            for (AppealAction action : AppealAction.values()) {
                if (action == AppealAction.REGISTER) {
                    continue;
                }
                Appeal a = in(state);
                if (action == AppealAction.DECIDE_EXTENSION && state == AppealState.HANDLING) {
                    a.requestExtension("5wd", "需采购", T0.plusSeconds(3600));
                }
                if (action == AppealAction.ANSWER_AT_INTAKE) {
                    // Only an enquiry is answered at intake: test the state rule on one.
                    a = consultationIn(state, a);
                }
                Appeal subject = a;
                if (action.allowedIn(state)) {
                    Appeal.Step step = TAKE.get(action).apply(subject, T0.plusSeconds(7200));
                    assertThat(step.action()).isEqualTo(action);
                    assertThat(step.from()).isEqualTo(state);
                    assertThat(step.to()).isEqualTo(subject.state());
                    taken++;
                } else {
                    AppealState before = subject.state();
                    assertThatThrownBy(() -> TAKE.get(action).apply(subject, T0.plusSeconds(7200)))
                            .as(action + " in " + state)
                            .isInstanceOfSatisfying(DomainException.class, e -> {
                                assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                                assertThat(e.code()).isEqualTo("appeal.transition.not-allowed");
                                assertThat(e.violations().get(0).location()).isEqualTo("state");
                            });
                    assertThat(subject.state()).isEqualTo(before);
                    refused++;
                }
            }
        }
        assertThat(taken).isEqualTo(34);
        assertThat(refused).isEqualTo(AppealState.values().length * (AppealAction.values().length - 1) - 34);
    }

    private static Appeal consultationIn(AppealState state, Appeal fallback) {
        if (state != AppealState.REGISTERED && state != AppealState.ACCEPTED) {
            return fallback;
        }
        Appeal c = fresh(AppealType.CONSULTATION, null);
        if (state == AppealState.ACCEPTED) {
            c.accept("C0112", 1, null, T0);
        }
        return c;
    }

    @Test
    void the_whole_road_from_registration_to_closure_with_an_objection_and_an_extension() {
        Appeal a = fresh();
        Instant t = T0;
        a.accept("C0112", 1, Urgency.COMPLEX, t = t.plusSeconds(60));
        assertThat(a.urgency()).isEqualTo(Urgency.COMPLEX);
        a.dispatch(LEAD, List.of(), t.plusSeconds(7200), due(t), t = t.plusSeconds(60));
        a.object("不属于本单位", t = t.plusSeconds(60));
        Appeal.Step re = a.redispatch(OTHER, List.of(LEAD), t.plusSeconds(7200), due(t), "改派执法队", t);
        assertThat(re.details()).containsEntry("previousHandler", LEAD.toString());
        assertThat(a.dispatchCount()).isEqualTo(2);
        assertThat(a.handlerId()).isEqualTo(OTHER);
        assertThat(a.handledBy(LEAD)).isTrue();
        a.sign(t = t.plusSeconds(60));
        a.respond("已电话联系", t = t.plusSeconds(60));
        a.requestExtension("5wd", "需协调产权单位", t = t.plusSeconds(60));
        assertThatThrownBy(() -> a.requestExtension("3wd", "再申请", T0))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("appeal.extension.pending"));
        Instant later = a.resolutionDue().plus(Duration.ofDays(7));
        a.decideExtension(true, later, null, t = t.plusSeconds(60));
        assertThat(a.resolutionDue()).isEqualTo(later);
        assertThat(a.extensionRequested()).isNull();
        a.answer("已修复", t.plus(Duration.ofDays(3)), t = t.plusSeconds(60));
        a.followUp(PHONE, true, true, Satisfaction.BASICALLY_SATISFIED, null, VERIFY, t = t.plusSeconds(60));
        a.close(null, t = t.plusSeconds(60));
        assertThat(a.state()).isEqualTo(AppealState.CLOSED);
        assertThat(a.closure()).isEqualTo(Closure.RESOLVED);
        assertThat(a.closedAt()).isEqualTo(t);
    }

    @Test
    void suspension_stops_the_clock_and_resuming_moves_the_deadline_by_the_time_stopped() {
        Appeal a = in(AppealState.HANDLING);
        Instant due = a.resolutionDue();
        Instant stoppedAt = due.minus(Duration.ofDays(1));
        a.suspend("需纳入老旧小区改造计划", stoppedAt);
        // While suspended the light is frozen where it stopped, however late it gets.
        assertThat(a.light(due.plus(Duration.ofDays(30)))).isEqualTo(TrafficLight.YELLOW);
        a.resume("改造已立项", stoppedAt.plus(Duration.ofDays(20)));
        assertThat(a.resolutionDue()).isEqualTo(due.plus(Duration.ofDays(20)));
        assertThat(a.state()).isEqualTo(AppealState.HANDLING);
    }

    @Test
    void a_failed_verification_and_a_rework_send_it_back_to_handling_and_clear_the_follow_up() {
        Appeal a = in(AppealState.FOLLOWED_UP);
        a.verify(false, "现场仍未修复", T0.plusSeconds(99_999));
        assertThat(a.state()).isEqualTo(AppealState.HANDLING);
        assertThat(a.resolved()).isNull();
        assertThat(a.answeredAt()).isNull();
        Appeal b = in(AppealState.VERIFIED);
        b.rework("复核不合格", T0.plusSeconds(99_999));
        assertThat(b.state()).isEqualTo(AppealState.HANDLING);
    }

    @Test
    void only_an_enquiry_is_answered_at_intake() {
        assertThatThrownBy(() -> fresh(AppealType.COMPLAINT, null).answerAtIntake("答复", T0))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNPROCESSABLE);
                    assertThat(e.code()).isEqualTo("appeal.answer-at-intake.not-consultation");
                });
        Appeal c = fresh(AppealType.CONSULTATION, null);
        c.answerAtIntake("办理居住证请携带…", T0);
        assertThat(c.closure()).isEqualTo(Closure.ANSWERED_AT_INTAKE);
        assertThat(c.light(T0)).isNull();
    }

    @Test
    void a_repeat_links_to_an_open_original_that_is_not_itself_a_repeat() {
        Appeal original = in(AppealState.DISPATCHED);
        Appeal second = fresh();
        second.linkAsRepeat(original, "同一路灯", T0);
        assertThat(second.repeatOf()).isEqualTo(original.id());
        assertThat(second.closure()).isEqualTo(Closure.REPEAT);
        assertThatThrownBy(() -> fresh().linkAsRepeat(second, null, T0))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("appeal.repeat.original-closed"));
        Appeal closed = in(AppealState.CLOSED);
        assertThatThrownBy(() -> fresh().linkAsRepeat(closed, null, T0))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("appeal.repeat.original-closed"));
        Appeal self = fresh();
        assertThatThrownBy(() -> self.linkAsRepeat(self, null, T0))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("appeal.repeat.self"));
    }

    @Test
    void a_dispatch_names_each_handler_once_and_at_most_ten_co_handlers() {
        Appeal a = in(AppealState.ACCEPTED);
        assertThatThrownBy(() -> a.dispatch(LEAD, List.of(LEAD), T0, due(T0), T0))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("appeal.dispatch.lead-also-co-handler"));
        assertThatThrownBy(() -> a.dispatch(LEAD, List.of(OTHER, OTHER), T0, due(T0), T0))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("appeal.dispatch.co-handler-repeated"));
        List<UUID> eleven =
                java.util.stream.Stream.generate(UUID::randomUUID).limit(11).toList();
        assertThatThrownBy(() -> a.dispatch(LEAD, eleven, T0, due(T0), T0))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("appeal.dispatch.too-many-co-handlers"));
        a.dispatch(LEAD, eleven.subList(0, 10), T0, due(T0), T0);
        assertThat(a.coHandlerIds()).hasSize(10);
    }

    @Test
    void a_follow_up_that_reached_the_reporter_needs_both_answers() {
        Appeal a = in(AppealState.ANSWERED);
        assertThatThrownBy(() -> a.followUp(PHONE, true, null, null, null, VERIFY, T0))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.location())
                                .containsExactly("resolved", "satisfaction"));
        assertThat(a.state()).isEqualTo(AppealState.ANSWERED);
        a.followUp(PHONE, false, null, null, "三次未接通", VERIFY, T0);
        assertThat(a.state()).isEqualTo(AppealState.FOLLOWED_UP);
        assertThat(a.satisfaction()).isNull();
    }

    @Test
    void each_answer_opens_a_round_of_follow_up_due_when_the_answer_says() {
        Appeal a = in(AppealState.HANDLING);
        Instant due = T0.plus(Duration.ofDays(3));
        Appeal.Step step = a.answer("已修复", due, T0);
        assertThat(a.rounds()).isEqualTo(new Appeal.Rounds(1, due, false));
        assertThat(step.details()).containsEntry("round", 1);
        a.followUp(TRACKING_LINK, true, false, Satisfaction.DISSATISFIED, "还是坏的", REWORK, T0);
        assertThat(a.rounds().followUpDue()).isNull();
        a.rework("回访未解决", T0);
        a.answer("已更换灯具", due.plus(Duration.ofDays(3)), T0);
        assertThat(a.rounds().answered()).isEqualTo(2);
    }

    @Test
    void nobody_answering_in_time_is_recorded_as_not_reached_whatever_was_passed() {
        Appeal a = in(AppealState.ANSWERED);
        Appeal.Step step = a.followUp(NO_ANSWER, true, true, Satisfaction.SATISFIED, null, VERIFY, T0);
        assertThat(step.details()).containsEntry("reached", false).containsEntry("source", "NO_ANSWER");
        assertThat(a.resolved()).isNull();
        assertThat(a.satisfaction()).isNull();
        assertThat(a.rounds().verificationRequired()).isFalse();
    }

    @Test
    void an_unresolved_or_dissatisfied_answer_under_verify_must_be_verified_before_closure() {
        for (var answer : List.of(
                new Object[] {false, Satisfaction.SATISFIED},
                new Object[] {true, Satisfaction.DISSATISFIED},
                new Object[] {false, Satisfaction.BASICALLY_SATISFIED})) {
            Appeal a = in(AppealState.ANSWERED);
            a.followUp(PHONE, true, (Boolean) answer[0], (Satisfaction) answer[1], null, VERIFY, T0);
            assertThat(a.unresolved()).isTrue();
            assertThat(a.rounds().verificationRequired()).isTrue();
            assertThatThrownBy(() -> a.close(null, T0)).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.UNPROCESSABLE);
                assertThat(e.code()).isEqualTo("appeal.close.verification-required");
            });
            assertThat(a.state()).isEqualTo(AppealState.FOLLOWED_UP);
            a.verify(true, "现场核查已整改", T0);
            a.close(null, T0);
            assertThat(a.state()).isEqualTo(AppealState.CLOSED);
        }
        // 基本满意 and 已解决 is not unresolved: it closes at once; under REWORK nothing holds the closure either.
        Appeal fine = in(AppealState.ANSWERED);
        fine.followUp(PHONE, true, true, Satisfaction.BASICALLY_SATISFIED, null, VERIFY, T0);
        assertThat(fine.unresolved()).isFalse();
        fine.close(null, T0);
        Appeal rework = in(AppealState.ANSWERED);
        rework.followUp(PHONE, true, false, Satisfaction.DISSATISFIED, null, REWORK, T0);
        assertThat(rework.rounds().verificationRequired()).isFalse();
        assertThat(rework.unresolved()).isTrue();
    }

    @Test
    void a_self_handled_finding_is_closed_on_review_or_becomes_a_case() {
        Appeal fixed = in(AppealState.SELF_HANDLED);
        fixed.reviewSelfHandling(true, null, T0);
        assertThat(fixed.closure()).isEqualTo(Closure.SELF_HANDLED);
        Appeal notFixed = in(AppealState.SELF_HANDLED);
        notFixed.reviewSelfHandling(false, "仍有垃圾", T0);
        assertThat(notFixed.state()).isEqualTo(AppealState.ACCEPTED);
    }

    @Test
    void accepting_needs_a_category() {
        Appeal a = fresh();
        assertThatThrownBy(() -> a.accept(null, null, null, T0)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.UNPROCESSABLE);
            assertThat(e.code()).isEqualTo("appeal.category.required");
        });
    }
}
