package org.gongzhi.listing;

/** What an expert of the 智库 is (seed 000, DOMAIN.md §5); named by {@code listing.expert.role.<name>}. */
public enum ExpertRole {
    /** 责任规划师: the planner a district appoints to a 街道 (北京 街区责任规划师制度). */
    RESPONSIBLE_PLANNER,
    /** 社区规划师. */
    COMMUNITY_PLANNER,
    /** 社区营造师: a community-building worker (with a planner: 双师联动). */
    COMMUNITY_BUILDER,
    /** 治理顾问. */
    GOVERNANCE_ADVISER,
    /** 学者: a scholar of a university or institute. */
    SCHOLAR;

    /** Planners — one half of 双师联动. */
    public boolean planner() {
        return this == RESPONSIBLE_PLANNER || this == COMMUNITY_PLANNER;
    }
}
