package org.gongzhi.identity;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in staff member as the web layer holds it in the session (no credentials). Its {@link #getName() name}
 * is the user name, which is how the session store finds an account's open sessions to end them.
 */
public record StaffPrincipal(
        UUID accountId,
        String username,
        String displayName,
        Set<Role> roles,
        Set<UUID> units,
        Set<UUID> organisations,
        boolean mayUnmask)
        implements Serializable, java.security.Principal {

    public StaffPrincipal {
        roles = Set.copyOf(roles);
        units = Set.copyOf(units);
        organisations = Set.copyOf(organisations);
    }

    @Override
    public String getName() {
        return username;
    }

    /** The principal of a signed-in account. */
    public static StaffPrincipal of(org.gongzhi.identity.domain.Account a) {
        return new StaffPrincipal(
                a.id(),
                a.username(),
                a.displayName(),
                a.roles(),
                a.scopeUnits(),
                a.scopeOrganisations(),
                a.mayUnmask());
    }

    /** What the account holds and may reach: the whole installation for the three administrators, else its units and organisations. */
    public org.gongzhi.platform.AccessScope scope() {
        Set<String> names = roles.stream().map(Role::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
        return administrator()
                ? new org.gongzhi.platform.AccessScope(true, names, Set.of(), Set.of(), false)
                : new org.gongzhi.platform.AccessScope(false, names, units, organisations, mayUnmask);
    }

    public boolean administrator() {
        return roles.stream().anyMatch(Role::administrator);
    }

    @Override
    public String toString() {
        return username;
    }
}
