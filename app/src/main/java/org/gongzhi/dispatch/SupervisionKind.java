package org.gongzhi.dispatch;

/** Which deadline a 督办 is for. */
public enum SupervisionKind {
    /** The unit did not 签收 and contact the reporter in time. */
    RESPONSE,
    /** The unit did not answer within the resolution limit. */
    RESOLUTION
}
