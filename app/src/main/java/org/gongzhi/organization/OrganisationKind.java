package org.gongzhi.organization;

/**
 * The kinds of 多元主体. {@code group} gathers them as the seeds do (职能部门, 驻区单位, 社会力量, 自治组织, 党组织);
 * {@code legalEntity} kinds must carry a valid 统一社会信用代码.
 */
public enum OrganisationKind {
    /** 街道党工委/办事处. */
    SUBDISTRICT_OFFICE(Group.GOVERNMENT, true),
    /** 职能部门: 城管执法, 公安/交管, 市场监管, 住建/房管, 园林, 水务, 消防 … */
    GOVERNMENT_DEPARTMENT(Group.GOVERNMENT, true),
    /** 水电气热企业 and other public utilities called in like departments. */
    PUBLIC_UTILITY(Group.GOVERNMENT, true),
    /** 高校. */
    UNIVERSITY(Group.RESIDENT_UNIT, true),
    /** 科研院所. */
    RESEARCH_INSTITUTE(Group.RESIDENT_UNIT, true),
    /** 中小学. */
    SCHOOL(Group.RESIDENT_UNIT, true),
    /** 企业. */
    ENTERPRISE(Group.RESIDENT_UNIT, true),
    /** 园区 (its operator). */
    INDUSTRIAL_PARK(Group.RESIDENT_UNIT, true),
    /** 商户. */
    MERCHANT(Group.RESIDENT_UNIT, true),
    /** 社会组织. */
    SOCIAL_ORGANIZATION(Group.SOCIAL, true),
    /** 商会. */
    CHAMBER_OF_COMMERCE(Group.SOCIAL, true),
    /** 物业服务企业. */
    PROPERTY_MANAGEMENT(Group.SOCIAL, true),
    /** 居委会 (社区居民委员会). */
    RESIDENTS_COMMITTEE(Group.SELF_GOVERNANCE, true),
    /** 业委会 (业主委员会). */
    OWNERS_COMMITTEE(Group.SELF_GOVERNANCE, false),
    /** 物管会 (物业管理委员会). */
    PROPERTY_MANAGEMENT_COMMITTEE(Group.SELF_GOVERNANCE, false),
    /** 自管会: residents' or parking self-management committees. */
    SELF_MANAGEMENT_COMMITTEE(Group.SELF_GOVERNANCE, false),
    /** 街巷环境理事会. */
    STREET_ENVIRONMENT_COUNCIL(Group.SELF_GOVERNANCE, false),
    /** 党组织: 党委, 党总支, 党支部. */
    PARTY_ORGANIZATION(Group.PARTY, false);

    public enum Group {
        GOVERNMENT,
        RESIDENT_UNIT,
        SOCIAL,
        SELF_GOVERNANCE,
        PARTY
    }

    private final Group group;
    private final boolean legalEntity;

    OrganisationKind(Group group, boolean legalEntity) {
        this.group = group;
        this.legalEntity = legalEntity;
    }

    public Group group() {
        return group;
    }

    public boolean legalEntity() {
        return legalEntity;
    }

    /**
     * Whether it is the office of a place — the 街道办事处 of a 街道, the 居委会 of a 社区 — whose own staff act for it:
     * work orders sent to it are theirs.
     */
    public boolean placeOffice() {
        return this == SUBDISTRICT_OFFICE || this == RESIDENTS_COMMITTEE;
    }
}
