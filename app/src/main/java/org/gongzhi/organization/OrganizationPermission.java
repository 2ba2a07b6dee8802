package org.gongzhi.organization;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.gongzhi.platform.Permission;
import org.springframework.stereotype.Component;

/**
 * What may be done to organisations, councils and responsibility lists, and by which roles (DOMAIN.md §1: the
 * 街道管理员 in its 街道, the 社区工作者 in its 社区). The place is checked against the person's scope as well.
 */
public enum OrganizationPermission implements Permission {
    /** 登记组织. */
    REGISTER("organization.register", Writers.ROLES),
    /** 修改组织. */
    REVISE("organization.revise", Writers.ROLES),
    /** 导入组织台账. */
    IMPORT("organization.import", Writers.ROLES),
    /** 成立党建工作协调委员会. */
    FOUND_COUNCIL("organization.council.found", Writers.ROLES),
    /** 接纳、移出成员单位，指定联络员. */
    SEAT_MEMBERS("organization.council.members", Writers.ROLES),
    /** 制定责任清单. */
    DRAW_LIST("organization.list.draw", Writers.ROLES),
    /** 记录职责完成情况. */
    RECORD_DUTY("organization.list.record", Writers.ROLES),
    /** 查看联络员全名 (个人信息, with a reason, audited). */
    UNMASK_LIAISON("organization.council.liaison.unmask", Set.of(), true);

    private final String code;
    private final Set<String> roles;
    private final boolean personalData;

    OrganizationPermission(String code, Set<String> roles) {
        this(code, roles, false);
    }

    OrganizationPermission(String code, Set<String> roles, boolean personalData) {
        this.code = code;
        this.roles = roles;
        this.personalData = personalData;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Set<String> roles() {
        return roles;
    }

    @Override
    public boolean personalData() {
        return personalData;
    }

    private static final class Writers {
        static final Set<String> ROLES = Set.of("STREET_ADMIN", "COMMUNITY_WORKER");
    }

    @Component
    static class Catalogue implements Permission.Catalogue {

        @Override
        public Collection<? extends Permission> permissions() {
            return List.of(values());
        }
    }
}
