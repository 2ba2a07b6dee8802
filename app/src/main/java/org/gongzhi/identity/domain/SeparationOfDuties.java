package org.gongzhi.identity.domain;

import java.util.EnumSet;
import java.util.Set;
import org.gongzhi.identity.Role;
import org.gongzhi.shared.DomainException;

/** 三权分立 (等保 2.0): system, security and audit administration are held by three different accounts. */
public final class SeparationOfDuties {

    private SeparationOfDuties() {}

    /** Refuses a set of roles holding more than one of SYS_ADMIN, SEC_ADMIN and AUDITOR. */
    public static void check(Set<Role> roles) {
        EnumSet<Role> held = EnumSet.noneOf(Role.class);
        for (Role r : roles) {
            if (Role.SEPARATED.contains(r)) {
                held.add(r);
            }
        }
        if (held.size() > 1) {
            throw DomainException.invalid("identity.roles.separated", held.toString());
        }
    }
}
