package org.gongzhi.platform;

import java.util.Collection;
import java.util.Set;

/**
 * Something a person may be allowed to do — found a council, record a duty done, open masked personal data — named by
 * a stable code ({@code organization.council.found}) and granted to roles of DOMAIN.md §1. Where it is done (a unit,
 * an organisation) is checked against the person's scope by {@link Permissions}. A module declares its permissions in
 * its API (an enum is the usual shape) and lists them in a {@link Catalogue} bean, so that pages can ask by code.
 */
public interface Permission {

    /** The stable code, e.g. {@code organization.council.found}; unique across the platform. */
    String code();

    /** The roles (names of DOMAIN.md §1 roles) granted this permission; empty means any staff role. */
    Set<String> roles();

    /** Whether the person must also hold the separate permission to open masked personal data. */
    default boolean personalData() {
        return false;
    }

    /** A permission granted to {@code roles} (names of DOMAIN.md §1 roles; empty: any staff role). */
    static Permission of(String code, Set<String> roles) {
        return new Declared(code, Set.copyOf(roles), false);
    }

    /** A permission to open masked personal data, granted to {@code roles} that also hold the unmask permission. */
    static Permission ofPersonalData(String code, Set<String> roles) {
        return new Declared(code, Set.copyOf(roles), true);
    }

    /** A permission as a module declares it. */
    record Declared(String code, Set<String> roles, boolean personalData) implements Permission {}

    /** The permissions a module declares. */
    interface Catalogue {

        Collection<? extends Permission> permissions();
    }
}
