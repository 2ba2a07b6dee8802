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
public final class OrganizationPermission {

    private static final Set<String> WRITERS = Set.of("STREET_ADMIN", "COMMUNITY_WORKER");

    /** 登记组织. */
    public static final Permission REGISTER = Permission.of("organization.register", WRITERS);
    /** 修改组织. */
    public static final Permission REVISE = Permission.of("organization.revise", WRITERS);
    /** 导入组织台账. */
    public static final Permission IMPORT = Permission.of("organization.import", WRITERS);
    /** 成立党建工作协调委员会. */
    public static final Permission FOUND_COUNCIL = Permission.of("organization.council.found", WRITERS);
    /** 接纳、移出成员单位，指定联络员. */
    public static final Permission SEAT_MEMBERS = Permission.of("organization.council.members", WRITERS);
    /** 制定责任清单. */
    public static final Permission DRAW_LIST = Permission.of("organization.list.draw", WRITERS);
    /** 记录职责完成情况. */
    public static final Permission RECORD_DUTY = Permission.of("organization.list.record", WRITERS);
    /** 查看联络员全名 (个人信息: any staff role that may unmask, with a reason, audited). */
    public static final Permission UNMASK_LIAISON =
            Permission.ofPersonalData("organization.council.liaison.unmask", Set.of());

    public static final List<Permission> ALL =
            List.of(REGISTER, REVISE, IMPORT, FOUND_COUNCIL, SEAT_MEMBERS, DRAW_LIST, RECORD_DUTY, UNMASK_LIAISON);

    private OrganizationPermission() {}

    @Component
    static class Catalogue implements Permission.Catalogue {

        @Override
        public Collection<? extends Permission> permissions() {
            return ALL;
        }
    }
}
