package org.gongzhi.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.gongzhi.platform.Permission;
import org.springframework.stereotype.Component;

/** What may be done to staff accounts: opening, changing and locking them is the 安全管理员's alone (三权分立). */
public final class IdentityPermission {

    /** 开通、修改、解锁、停用账号，重置密码，重新绑定动态验证码. */
    public static final Permission MANAGE_ACCOUNTS =
            Permission.of("identity.accounts.manage", Set.of(Role.SEC_ADMIN.name()));

    public static final List<Permission> ALL = List.of(MANAGE_ACCOUNTS);

    private IdentityPermission() {}

    @Component
    static class Catalogue implements Permission.Catalogue {

        @Override
        public Collection<? extends Permission> permissions() {
            return ALL;
        }
    }
}
