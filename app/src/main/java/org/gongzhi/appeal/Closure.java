package org.gongzhi.appeal;

/** Why an appeal was closed (结案方式), which decides whether the rates count it (DOMAIN.md §4, Indicators). */
public enum Closure {
    /** Handled, answered and followed up. */
    RESOLVED,
    /** 咨询即答: answered from the knowledge base at intake, never dispatched (Art 11). */
    ANSWERED_AT_INTAKE,
    /** Told the legal route (诉讼, 仲裁, 信访 …) the matter belongs to (Art 11). */
    LEGAL_ROUTE,
    /** 重复件: a repeat of an open appeal, linked to it and counted once. */
    REPEAT,
    /** 自处理: fixed on the spot and confirmed on review. */
    SELF_HANDLED
}
