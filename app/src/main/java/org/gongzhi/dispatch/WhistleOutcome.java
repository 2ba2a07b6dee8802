package org.gongzhi.dispatch;

/** What the matter came to when the street closed the whistle. */
public enum WhistleOutcome {
    RESOLVED,
    PARTLY_RESOLVED,
    UNRESOLVED
}
