package org.gongzhi.platform;

import java.util.Set;
import java.util.UUID;

/**
 * What the signed-in person may reach: territory units (with everything below them) and organisations, referenced by
 * id. {@code everything} is for roles whose scope is the whole installation; {@code mayUnmask} is the permission to open
 * masked personal data (always with a reason, always audited). The identity module supplies it; other modules filter
 * their data by it.
 */
public record AccessScope(boolean everything, Set<UUID> units, Set<UUID> organisations, boolean mayUnmask) {

    public AccessScope {
        units = Set.copyOf(units);
        organisations = Set.copyOf(organisations);
    }

    public AccessScope(boolean everything, Set<UUID> units, Set<UUID> organisations) {
        this(everything, units, organisations, false);
    }

    public static AccessScope none() {
        return new AccessScope(false, Set.of(), Set.of());
    }

    /** Everything in reach; unmasking personal data is still a separate permission. */
    public static AccessScope all() {
        return new AccessScope(true, Set.of(), Set.of());
    }

    /** A short description for the audit trail: counts, not names. */
    public String summary() {
        return everything ? "*" : "units:" + units.size() + ",organisations:" + organisations.size();
    }
}
