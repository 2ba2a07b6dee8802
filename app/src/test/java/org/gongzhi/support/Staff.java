package org.gongzhi.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.StaffPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Requests made as a signed-in staff member, with the CSRF token a page would carry. */
public final class Staff {

    private Staff() {}

    public static RequestPostProcessor as(String username, Role... roles) {
        return as(username, Set.of(), roles);
    }

    /** A staff member whose scope is the given territory units (and everything below them). */
    public static RequestPostProcessor as(String username, Set<UUID> units, Role... roles) {
        return as(username, units, false, roles);
    }

    /** A staff member who may also open masked personal data within the scope. */
    public static RequestPostProcessor as(String username, Set<UUID> units, boolean mayUnmask, Role... roles) {
        var principal =
                new StaffPrincipal(UUID.randomUUID(), username, username, Set.of(roles), units, Set.of(), mayUnmask);
        return signedIn(principal, roles);
    }

    private static RequestPostProcessor signedIn(StaffPrincipal principal, Role... roles) {
        var token = UsernamePasswordAuthenticationToken.authenticated(
                principal,
                null,
                Arrays.stream(roles)
                        .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                        .toList());
        RequestPostProcessor auth = authentication(token);
        RequestPostProcessor withCsrf = csrf();
        return request -> withCsrf.postProcessRequest(auth.postProcessRequest(request));
    }

    /** Staff of one organisation (a department, a community's committee, a property company): it is their scope. */
    public static RequestPostProcessor ofOrganisation(String username, UUID organisation, Role... roles) {
        return ofOrganisation(username, organisation, false, roles);
    }

    /** As {@link #ofOrganisation(String, UUID, Role...)}, who may also open masked personal data. */
    public static RequestPostProcessor ofOrganisation(
            String username, UUID organisation, boolean mayUnmask, Role... roles) {
        var principal = new StaffPrincipal(
                UUID.randomUUID(), username, username, Set.of(roles), Set.of(), Set.of(organisation), mayUnmask);
        return signedIn(principal, roles);
    }

    /** A system administrator: the whole installation is in scope. */
    public static RequestPostProcessor sysAdmin() {
        return as("sysadmin", Role.SYS_ADMIN);
    }

    /** The street administrator of the given 街道 (or several). */
    public static RequestPostProcessor streetAdmin(UUID... subdistricts) {
        return as("street-admin", Set.of(subdistricts), Role.STREET_ADMIN);
    }
}
