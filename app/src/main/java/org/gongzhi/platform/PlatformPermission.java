package org.gongzhi.platform;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What the platform itself offers to roles: reading and checking the audit trail is the 审计管理员's alone (三权分立). */
public final class PlatformPermission {

    /** 查阅、校验、导出审计日志. */
    public static final Permission READ_AUDIT = Permission.of("platform.audit.read", Set.of("AUDITOR"));

    /** 录入工作日历（节假日与调休）: the system administrator's. */
    public static final Permission EDIT_CALENDAR = Permission.of("platform.calendar.edit", Set.of("SYS_ADMIN"));

    public static final List<Permission> ALL = List.of(READ_AUDIT, EDIT_CALENDAR);

    private PlatformPermission() {}

    @Component
    static class Catalogue implements Permission.Catalogue {

        @Override
        public Collection<? extends Permission> permissions() {
            return ALL;
        }
    }
}
