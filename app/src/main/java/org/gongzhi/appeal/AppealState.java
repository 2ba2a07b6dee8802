package org.gongzhi.appeal;

/**
 * Where an appeal stands in the lifecycle of DOMAIN.md §4 (GB/T 30428 / CJ/T 315 case flow; 《北京市接诉即办工作条例》).
 * {@link #VOIDED} and {@link #CLOSED} are final.
 */
public enum AppealState {
    /** 受理: registered, tracking code issued. */
    REGISTERED,
    /** 自处理: fixed on the spot by whoever found it, awaiting review. */
    SELF_HANDLED,
    /** 立案: accepted as a case, waiting to be dispatched. */
    ACCEPTED,
    /** 作废: not a case (with the reason). */
    VOIDED,
    /** 派单: sent to a handling unit, waiting for it to sign. */
    DISPATCHED,
    /** 派单异议/退单: the unit objected, waiting for a reviewer to re-dispatch. */
    OBJECTED,
    /** 签收: the unit accepted the work order. */
    SIGNED,
    /** 响应 → 办理: the unit contacted the reporter and is handling it. */
    HANDLING,
    /** 挂账: long-term unsolvable, recorded with a written reason; the clock stops. */
    SUSPENDED,
    /** 答复: the unit gave its result, waiting for the follow-up. */
    ANSWERED,
    /** 回访: the reporter's answer is recorded. */
    FOLLOWED_UP,
    /** 核查: verified on site. */
    VERIFIED,
    /** 结案. */
    CLOSED;

    /** Whether nothing can happen to the appeal any more. */
    public boolean isFinal() {
        return this == VOIDED || this == CLOSED;
    }
}
