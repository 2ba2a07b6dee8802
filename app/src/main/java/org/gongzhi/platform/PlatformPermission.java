package org.gongzhi.platform;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What the platform itself offers to roles: reading and checking the audit trail is the 审计管理员's alone (三权分立). */
public enum PlatformPermission implements Permission {
    /** 查阅、校验、导出审计日志. */
    READ_AUDIT("platform.audit.read", Set.of("AUDITOR"));

    private final String code;
    private final Set<String> roles;

    PlatformPermission(String code, Set<String> roles) {
        this.code = code;
        this.roles = roles;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Set<String> roles() {
        return roles;
    }

    @Component
    static class Catalogue implements Permission.Catalogue {

        @Override
        public Collection<? extends Permission> permissions() {
            return List.of(values());
        }
    }
}
