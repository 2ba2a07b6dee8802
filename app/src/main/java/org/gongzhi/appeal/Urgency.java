package org.gongzhi.appeal;

/**
 * How fast an appeal must be resolved; each category gives a limit per urgency (DOMAIN.md §4, Clocks: defaults 2 h for
 * an emergency, 7 工作日 ordinary, 15 工作日 complex; utilities 24 h).
 */
public enum Urgency {
    /** 紧急. */
    EMERGENCY,
    /** 一般. */
    ORDINARY,
    /** 疑难复杂. */
    COMPLEX
}
