package org.gongzhi.appeal;

/** The three families of categories (DOMAIN.md §4, Categories). */
public enum CategoryKind {
    /** GB/T 30428 部件: a piece of public infrastructure is missing, broken or misused. */
    COMPONENT,
    /** GB/T 30428 事件: something happening in a place that needs handling. */
    EVENT,
    /** Local governance categories (停车, 加装电梯, 物业纠纷 …). */
    LOCAL
}
