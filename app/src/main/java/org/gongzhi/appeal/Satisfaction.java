package org.gongzhi.appeal;

/** The reporter's rating at 回访 (Art 32: 满意率). */
public enum Satisfaction {
    /** 满意. */
    SATISFIED,
    /** 基本满意. */
    BASICALLY_SATISFIED,
    /** 不满意. */
    DISSATISFIED
}
