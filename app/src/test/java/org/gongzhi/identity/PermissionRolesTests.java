package org.gongzhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gongzhi.organization.OrganizationPermission;
import org.gongzhi.platform.Permission;
import org.gongzhi.platform.PlatformPermission;
import org.gongzhi.territory.TerritoryPermission;
import org.junit.jupiter.api.Test;

/** Modules name roles as text (they cannot see this module); every name must be a role of DOMAIN.md §1. */
class PermissionRolesTests {

    @Test
    void every_role_a_permission_names_exists_and_administrators_keep_to_their_own_duties() {
        Set<String> roles = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());
        List<Permission> all = Stream.of(
                        OrganizationPermission.ALL,
                        TerritoryPermission.ALL,
                        PlatformPermission.ALL,
                        IdentityPermission.ALL)
                .flatMap(List::stream)
                .toList();
        for (Permission p : all) {
            assertThat(roles).as(p.code()).containsAll(p.roles());
        }
        // 三权分立: only the 审计管理员 reads the trail, only the 安全管理员 manages accounts.
        assertThat(PlatformPermission.READ_AUDIT.roles()).containsExactly(Role.AUDITOR.name());
        assertThat(IdentityPermission.MANAGE_ACCOUNTS.roles()).containsExactly(Role.SEC_ADMIN.name());
        assertThat(OrganizationPermission.FOUND_COUNCIL.roles()).doesNotContain(Role.SYS_ADMIN.name());
    }
}
