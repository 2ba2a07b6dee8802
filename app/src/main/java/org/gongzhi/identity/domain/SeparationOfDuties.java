package org.gongzhi.identity.domain;

import java.util.EnumSet;
import java.util.Set;
import org.gongzhi.identity.Role;
import org.gongzhi.shared.DomainException;

/**
 * 三权分立 (GB/T 22239-2019 等保 2.0, 安全管理中心): system, security and audit administration are held by three
 * different accounts, and an administrator account holds no business role either — otherwise a 街道管理员 who is also
 * the 审计管理员 would audit their own work.
 */
public final class SeparationOfDuties {

    private SeparationOfDuties() {}

    /**
     * Refuses a set of roles holding an administrator role (SYS_ADMIN, SEC_ADMIN, AUDITOR) together with any other
     * role ({@code identity.roles.separated}), or the RESIDENT role, which no staff account holds
     * ({@code identity.roles.resident}).
     */
    public static void check(Set<Role> roles) {
        EnumSet<Role> held = EnumSet.noneOf(Role.class);
        held.addAll(roles);
        // Residents sign in with their mobile number (ResidentSignIns); a staff account is never one.
        if (held.contains(Role.RESIDENT)) {
            throw DomainException.invalid("identity.roles.resident");
        }
        if (held.size() > 1 && held.stream().anyMatch(Role::administrator)) {
            throw DomainException.invalid("identity.roles.separated", held.toString());
        }
    }
}
