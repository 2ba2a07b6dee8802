package org.gongzhi.listing;

/**
 * The everyday services a resident looks for within a short walk — the categories of the 一刻钟社区服务圈 (seed 000,
 * DOMAIN.md §5; after 商务部《城市一刻钟便民生活圈建设指南》's basic services) that a resource may provide. Named by the
 * message {@code listing.service.<name>}.
 */
public enum ServiceCategory {
    /** 养老服务: day care, elderly activity rooms. */
    ELDERLY_CARE,
    /** 助餐: canteens open to residents, 老年餐桌. */
    CANTEEN,
    /** 文化活动: libraries, halls for performances, clubs. */
    CULTURE,
    /** 体育健身: sports grounds, gyms. */
    SPORTS,
    /** 教育培训: courses, lectures, study rooms. */
    EDUCATION,
    /** 医疗卫生: clinics, 义诊, health checks. */
    HEALTH,
    /** 便民购物: groceries, markets, convenience stores. */
    GROCERY,
    /** 托育托管: child care, after-school care. */
    CHILDCARE,
    /** 法律服务: legal advice, mediation. */
    LEGAL,
    /** 就业服务: job fairs, vocational training. */
    EMPLOYMENT
}
