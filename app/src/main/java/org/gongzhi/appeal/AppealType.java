package org.gongzhi.appeal;

/** The five types of appeal of 《北京市接诉即办工作条例》 Art 2 (the 12345 诉求类型). */
public enum AppealType {
    /** 咨询. */
    CONSULTATION,
    /** 求助. */
    HELP,
    /** 投诉. */
    COMPLAINT,
    /** 举报. */
    REPORT,
    /** 建议. */
    SUGGESTION
}
