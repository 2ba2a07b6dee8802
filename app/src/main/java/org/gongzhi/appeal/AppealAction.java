package org.gongzhi.appeal;

import static org.gongzhi.appeal.AppealState.ACCEPTED;
import static org.gongzhi.appeal.AppealState.ANSWERED;
import static org.gongzhi.appeal.AppealState.DISPATCHED;
import static org.gongzhi.appeal.AppealState.FOLLOWED_UP;
import static org.gongzhi.appeal.AppealState.HANDLING;
import static org.gongzhi.appeal.AppealState.OBJECTED;
import static org.gongzhi.appeal.AppealState.REGISTERED;
import static org.gongzhi.appeal.AppealState.SELF_HANDLED;
import static org.gongzhi.appeal.AppealState.SIGNED;
import static org.gongzhi.appeal.AppealState.SUSPENDED;
import static org.gongzhi.appeal.AppealState.VERIFIED;

import java.util.EnumSet;
import java.util.Set;

/**
 * What can be done to an appeal, and from which states (DOMAIN.md §4, Lifecycle). Any other state refuses it with 409
 * {@code appeal.transition.not-allowed}. The actions that only add to the timeline ({@link #NOTE}, {@link
 * #REQUEST_EXTENSION}, {@link #DECIDE_EXTENSION}, {@link #HAND_OFF_EMERGENCY}) leave the state as it is.
 */
public enum AppealAction {
    /** 受理: the first step, taken when an appeal is registered. */
    REGISTER("registered", Set.of()),
    /** 立案: accept as a case, confirming its category and urgency. */
    ACCEPT("accepted", EnumSet.of(REGISTERED)),
    /** 作废: not a case, with the reason. */
    VOID("voided", EnumSet.of(REGISTERED, ACCEPTED)),
    /** 咨询即答: answered from the knowledge base and closed without dispatch (Art 11). */
    ANSWER_AT_INTAKE("answered-at-intake", EnumSet.of(REGISTERED, ACCEPTED)),
    /** 告知法定途径: the matter has a legal route (诉讼, 仲裁, 信访 …); the reporter is told it and the appeal closed (Art 11). */
    REFER_TO_LEGAL_ROUTE("referred-to-legal-route", EnumSet.of(REGISTERED, ACCEPTED)),
    /** 重复件: linked to the open appeal it repeats and closed; both reporters are kept (Art 11). */
    LINK_AS_REPEAT("linked-as-repeat", EnumSet.of(REGISTERED, ACCEPTED)),
    /** 紧急转办: handed to 110/119/120/122, recorded; the appeal itself goes on. */
    HAND_OFF_EMERGENCY("emergency-handed-off", EnumSet.of(REGISTERED, ACCEPTED, DISPATCHED, SIGNED, HANDLING)),
    /** Review of a 自处理: confirmed closes it, not confirmed makes it a case to dispatch. */
    REVIEW_SELF_HANDLING("self-handling-reviewed", EnumSet.of(SELF_HANDLED)),
    /** 派单: to a lead unit (首接负责, Art 14) and co-handlers; the clocks start. */
    DISPATCH("dispatched", EnumSet.of(ACCEPTED)),
    /** 签收. */
    SIGN("signed", EnumSet.of(DISPATCHED)),
    /** 派单异议/退单, with the reason. */
    OBJECT("objected", EnumSet.of(DISPATCHED)),
    /** The reviewer's answer to an objection: to another unit, or back to the same one. */
    REDISPATCH("redispatched", EnumSet.of(OBJECTED)),
    /** 响应: the unit contacted the reporter. */
    RESPOND("responded", EnumSet.of(SIGNED)),
    /** 办理进展: a progress note. */
    NOTE("noted", EnumSet.of(SIGNED, HANDLING, SUSPENDED)),
    /** 延期申请. */
    REQUEST_EXTENSION("extension-requested", EnumSet.of(HANDLING)),
    /** 延期审批: approved moves the resolution deadline. */
    DECIDE_EXTENSION("extension-decided", EnumSet.of(HANDLING)),
    /** 挂账, with a written reason: the clock stops. */
    SUSPEND("suspended", EnumSet.of(HANDLING)),
    /** 挂账恢复, with a written reason: the clock runs on. */
    RESUME("resumed", EnumSet.of(SUSPENDED)),
    /** 答复: the result, with its evidence. */
    ANSWER("answered", EnumSet.of(HANDLING)),
    /** 回访: the reporter's answer, entered by an operator. */
    FOLLOW_UP("followed-up", EnumSet.of(ANSWERED)),
    /** 核查: verified on site; failing sends it back to 办理 (返工). */
    VERIFY("verified", EnumSet.of(FOLLOWED_UP)),
    /** 结案. */
    CLOSE("closed", EnumSet.of(FOLLOWED_UP, VERIFIED)),
    /** 返工: back to 办理. */
    REWORK("reworked", EnumSet.of(FOLLOWED_UP, VERIFIED));

    private final String done;
    private final Set<AppealState> from;

    AppealAction(String done, Set<AppealState> from) {
        this.done = done;
        this.from = from.isEmpty() ? Set.of() : EnumSet.copyOf(from);
    }

    /** The audit trail's action for it, in the past tense: {@code appeal.dispatched}. */
    public String auditCode() {
        return "appeal." + done;
    }

    /** The states this action may be taken in. */
    public Set<AppealState> from() {
        return from;
    }

    public boolean allowedIn(AppealState state) {
        return from.contains(state);
    }
}
