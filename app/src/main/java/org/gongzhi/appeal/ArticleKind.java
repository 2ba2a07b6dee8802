package org.gongzhi.appeal;

/** What a knowledge-base article gives: an answer to a 咨询, or the legal route for a matter (接诉即办条例 Art 11). */
public enum ArticleKind {
    /** 咨询即答: the answer is given on the call and the appeal closed. */
    ANSWER,
    /** 告知法定途径: the matter has a route in law (诉讼, 仲裁, 行政复议 …), which the reporter is told. */
    LEGAL_ROUTE
}
