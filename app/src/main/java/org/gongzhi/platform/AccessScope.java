package org.gongzhi.platform;

import java.util.Collections;
import java.util.Set;
import java.util.UUID;

/**
 * What the acting person holds and may reach: the roles of DOMAIN.md §1 (by name), territory units (with everything
 * below them) and organisations, referenced by id. {@code everything} is for accounts whose scope is the whole
 * installation; {@code mayUnmask} is the permission to open masked personal data (always with a reason, always
 * audited). The identity module supplies it; other modules filter their data by it and {@link Permissions} decides
 * from it what a person may do.
 */
public record AccessScope(
        boolean everything, Set<String> roles, Set<UUID> units, Set<UUID> organisations, boolean mayUnmask) {

    /** The role the platform's own work acts in (start-up jobs, commands): every permission admits it. */
    public static final String PLATFORM_ROLE = "SYSTEM";

    public AccessScope {
        roles = Set.copyOf(roles);
        units = Set.copyOf(units);
        organisations = Set.copyOf(organisations);
    }

    /** Nobody signed in: no role, nothing in reach. */
    public static AccessScope none() {
        return new AccessScope(false, Set.of(), Set.of(), Set.of(), false);
    }

    /** The platform's own work: every role's rights over everything; unmasking personal data is still separate. */
    public static AccessScope platform() {
        return new AccessScope(true, Set.of(PLATFORM_ROLE), Set.of(), Set.of(), false);
    }

    /**
     * Whether one of {@code wanted} is held. An empty {@code wanted} asks for any staff role, which a resident or a
     * visitor does not hold.
     */
    public boolean holdsAny(Set<String> wanted) {
        if (roles.contains(PLATFORM_ROLE)) {
            return true;
        }
        return wanted.isEmpty() ? !roles.isEmpty() : !Collections.disjoint(roles, wanted);
    }

    /** A short description for the audit trail: counts, not names. */
    public String summary() {
        return everything ? "*" : "units:" + units.size() + ",organisations:" + organisations.size();
    }
}
