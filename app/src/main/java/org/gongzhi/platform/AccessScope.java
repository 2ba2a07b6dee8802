package org.gongzhi.platform;

import java.util.Set;
import java.util.UUID;

/**
 * What the signed-in person may reach: territory units (with everything below them) and organisations, referenced by
 * id. {@code everything} is for roles whose scope is the whole installation. The identity module supplies it; other
 * modules filter their data by it.
 */
public record AccessScope(boolean everything, Set<UUID> units, Set<UUID> organisations) {

    public AccessScope {
        units = Set.copyOf(units);
        organisations = Set.copyOf(organisations);
    }

    public static AccessScope none() {
        return new AccessScope(false, Set.of(), Set.of());
    }

    public static AccessScope all() {
        return new AccessScope(true, Set.of(), Set.of());
    }

    /** A short description for the audit trail: counts, not names. */
    public String summary() {
        return everything ? "*" : "units:" + units.size() + ",organisations:" + organisations.size();
    }
}
