package org.gongzhi.identity;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/** The signed-in staff member as the web layer holds it in the session (no credentials). */
public record StaffPrincipal(
        UUID accountId,
        String username,
        String displayName,
        Set<Role> roles,
        Set<UUID> units,
        Set<UUID> organisations,
        boolean mayUnmask)
        implements Serializable {

    public StaffPrincipal {
        roles = Set.copyOf(roles);
        units = Set.copyOf(units);
        organisations = Set.copyOf(organisations);
    }

    public boolean administrator() {
        return roles.stream().anyMatch(Role::administrator);
    }

    @Override
    public String toString() {
        return username;
    }
}
