package org.gongzhi.appeal;

/**
 * What a 回访 answered 未解决 or 不满意 leads to (DOMAIN.md §4: 回访 → 核查 → 结案, or 返工); configured by {@code
 * gongzhi.appeal.follow-up.when-unresolved}.
 */
public enum UnresolvedFollowUp {
    /** 核查: the appeal may not be closed until it is verified on site; failing the check sends it back to 办理. */
    VERIFY,
    /** 返工: straight back to 办理, by the platform, in the same transaction as the answer. */
    REWORK
}
