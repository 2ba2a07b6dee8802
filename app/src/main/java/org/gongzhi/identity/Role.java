package org.gongzhi.identity;

import java.util.EnumSet;
import java.util.Set;

/** The roles of DOMAIN.md §1. */
public enum Role {
    /** 街道管理员: everything in its 街道. */
    STREET_ADMIN,
    /** 社区工作者: its 社区. */
    COMMUNITY_WORKER,
    /** 网格员: its 网格. */
    GRID_WORKER,
    /** 职能部门人员: work orders and whistles sent to its department. */
    DEPARTMENT_STAFF,
    /** 驻区单位联络员: its unit's resources, needs, projects and council seat. */
    UNIT_LIAISON,
    /** 街巷长: the streets assigned to them. */
    STREET_CHIEF,
    /** 小巷管家 / 志愿者. */
    VOLUNTEER,
    /** 居民 / 业主. */
    RESIDENT,
    /** 智库专家. */
    EXPERT,
    /** 系统管理员. */
    SYS_ADMIN,
    /** 安全管理员. */
    SEC_ADMIN,
    /** 审计管理员. */
    AUDITOR;

    /** The three administrator duties that no account may combine (三权分立). */
    public static final Set<Role> SEPARATED = EnumSet.of(SYS_ADMIN, SEC_ADMIN, AUDITOR);

    public boolean administrator() {
        return SEPARATED.contains(this);
    }
}
