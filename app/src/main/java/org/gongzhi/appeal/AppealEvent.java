package org.gongzhi.appeal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What happened to an appeal, published after every transition (past tense; listed in docs/architecture.md). Events
 * carry ids and facts for routing, clocks, notices and rates — never the reporter's personal data or free text.
 */
public sealed interface AppealEvent {

    AppealId appeal();

    Instant at();

    /** 受理. {@code subdistrictId} null: the coordination queue. */
    record Registered(
            AppealId appeal,
            Instant at,
            Channel channel,
            AppealType type,
            String categoryCode,
            UUID subdistrictId,
            UUID unitId,
            boolean selfHandled)
            implements AppealEvent {}

    /** 立案. */
    record Accepted(AppealId appeal, Instant at, String categoryCode, Urgency urgency, UUID subdistrictId)
            implements AppealEvent {}

    /** 作废. */
    record Voided(AppealId appeal, Instant at) implements AppealEvent {}

    /**
     * 派单, or a re-dispatch after an objection: the clocks started at {@code at}. {@code copiedDistrictId}: the district
     * copied on a dispatch straight to a 街道办事处, else null.
     */
    record Dispatched(
            AppealId appeal,
            Instant at,
            UUID handlerId,
            List<UUID> coHandlerIds,
            Instant responseDue,
            Instant resolutionDue,
            boolean redispatch,
            UUID subdistrictId,
            UUID copiedDistrictId)
            implements AppealEvent {}

    /** 签收. */
    record Signed(AppealId appeal, Instant at, UUID handlerId) implements AppealEvent {}

    /** 派单异议/退单. */
    record Objected(AppealId appeal, Instant at, UUID handlerId) implements AppealEvent {}

    /** 响应: {@code withinLimit} says whether the response clock was kept. */
    record Responded(AppealId appeal, Instant at, UUID handlerId, boolean withinLimit) implements AppealEvent {}

    /** A progress note. */
    record Noted(AppealId appeal, Instant at) implements AppealEvent {}

    /** 延期申请. */
    record ExtensionRequested(AppealId appeal, Instant at, UUID handlerId, String extension) implements AppealEvent {}

    /** 延期审批: when approved, {@code resolutionDue} is the new deadline. */
    record ExtensionDecided(AppealId appeal, Instant at, boolean approved, Instant resolutionDue)
            implements AppealEvent {}

    /** 挂账: the clock stopped. */
    record Suspended(AppealId appeal, Instant at) implements AppealEvent {}

    /** 挂账恢复: the clock runs to {@code resolutionDue}. */
    record Resumed(AppealId appeal, Instant at, Instant resolutionDue) implements AppealEvent {}

    /** 答复: answer number {@code round} was given; its 回访 is due by {@code followUpDue}. */
    record Answered(AppealId appeal, Instant at, UUID handlerId, int round, Instant followUpDue)
            implements AppealEvent {}

    /**
     * 回访 of answer {@code round} recorded, from {@code source}; {@code reached} false when the reporter was not
     * reached or did not answer in time ({@link FollowUpSource#NO_ANSWER}), and then nothing else is known.
     */
    record FollowedUp(
            AppealId appeal,
            Instant at,
            int round,
            FollowUpSource source,
            boolean reached,
            Boolean resolved,
            Satisfaction satisfaction)
            implements AppealEvent {}

    /** 核查. */
    record Verified(AppealId appeal, Instant at, boolean passed) implements AppealEvent {}

    /** 返工. */
    record Reworked(AppealId appeal, Instant at) implements AppealEvent {}

    /** 结案, however it closed. */
    record Closed(AppealId appeal, Instant at, Closure closure) implements AppealEvent {}

    /** 重复件: linked to {@code original}. */
    record LinkedAsRepeat(AppealId appeal, Instant at, AppealId original) implements AppealEvent {}

    /** 紧急转办 to an emergency line. */
    record EmergencyHandedOff(AppealId appeal, Instant at, EmergencyService service) implements AppealEvent {}

    /** A 自处理 reviewed. */
    record SelfHandlingReviewed(AppealId appeal, Instant at, boolean confirmed) implements AppealEvent {}
}
