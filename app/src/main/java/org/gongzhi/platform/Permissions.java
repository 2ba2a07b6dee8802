package org.gongzhi.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.shared.DomainException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The one answer to "may the acting person do this, here?": the role must be granted the {@link Permission} and the
 * place — a territory unit, or an organisation — must lie in the person's {@link AccessScope}. Façades call
 * {@code require…} before changing anything; pages ask {@code to…} (as {@code ${@may.to('code', unitId)}}) to offer
 * only the actions that would be accepted, so a form is never shown to someone who cannot save it.
 *
 * <p>Refusals: {@code identity.forbidden} (403) when the role lacks the permission, {@code scope.outside} (403, naming
 * nothing) when the place is outside the scope, {@code personal-data.unmask.permission} (403) when personal data may
 * not be opened. Within one request, each unit's coverage is looked up once.
 */
@Component("may")
public class Permissions {

    private static final String MEMO = Permissions.class.getName() + ".coverage";

    private final AccessScopes scopes;
    private final UnitCoverage coverage;
    private final Map<String, Permission> byCode = new HashMap<>();

    Permissions(AccessScopes scopes, UnitCoverage coverage, List<Permission.Catalogue> catalogues) {
        this.scopes = scopes;
        this.coverage = coverage;
        for (Permission.Catalogue catalogue : catalogues) {
            for (Permission p : catalogue.permissions()) {
                if (byCode.putIfAbsent(p.code(), p) != null) {
                    throw new IllegalStateException("Two permissions share the code " + p.code());
                }
            }
        }
    }

    /** The permission with this code; an unknown code is a programming error. */
    public Permission named(String code) {
        Permission p = byCode.get(code);
        if (p == null) {
            throw new IllegalArgumentException("No permission " + code);
        }
        return p;
    }

    /** Whether the acting person's roles hold the permission somewhere in their scope. */
    public boolean to(String code) {
        return holds(named(code), scopes.current());
    }

    /**
     * Whether the acting person may do it in this unit (and everything below it); {@code null} means the whole
     * installation, which only an installation-wide scope reaches.
     */
    public boolean to(String code, UUID unit) {
        return allowed(named(code), unit);
    }

    /** Whether the acting person may do it to this organisation: it is in their scope, or its unit is. */
    public boolean toOrganisation(String code, UUID organisation, UUID unit) {
        Permission p = named(code);
        AccessScope scope = scopes.current();
        return holds(p, scope) && (scope.organisations().contains(organisation) || covers(scope, unit));
    }

    public boolean allowed(Permission p, UUID unit) {
        AccessScope scope = scopes.current();
        return holds(p, scope) && covers(scope, unit);
    }

    /** Refuses (403) unless the role holds the permission; says nothing about places. */
    public void require(Permission p) {
        AccessScope scope = scopes.current();
        if (!scope.holdsAny(p.roles())) {
            throw DomainException.forbidden("identity.forbidden");
        }
        if (p.personalData() && !scope.mayUnmask()) {
            throw DomainException.forbidden("personal-data.unmask.permission");
        }
    }

    /** Refuses (403) unless the role holds the permission and the unit ({@code null}: everything) is in scope. */
    public void require(Permission p, UUID unit) {
        require(p);
        if (!covers(scopes.current(), unit)) {
            throw DomainException.forbidden("scope.outside");
        }
    }

    /** Refuses (403) unless the role holds the permission and the organisation, or its unit, is in scope. */
    public void requireOrganisation(Permission p, UUID organisation, UUID unit) {
        require(p);
        AccessScope scope = scopes.current();
        if (!scope.organisations().contains(organisation) && !covers(scope, unit)) {
            throw DomainException.forbidden("scope.outside");
        }
    }

    private static boolean holds(Permission p, AccessScope scope) {
        return scope.holdsAny(p.roles()) && (!p.personalData() || scope.mayUnmask());
    }

    private boolean covers(AccessScope scope, UUID unit) {
        if (scope.everything()) {
            return true;
        }
        if (unit == null) {
            return false;
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return coverage.covers(scope, unit);
        }
        @SuppressWarnings("unchecked")
        Map<UUID, Boolean> memo = (Map<UUID, Boolean>) request.getAttribute(MEMO, RequestAttributes.SCOPE_REQUEST);
        if (memo == null) {
            memo = new HashMap<>();
            request.setAttribute(MEMO, memo, RequestAttributes.SCOPE_REQUEST);
        }
        return memo.computeIfAbsent(unit, u -> coverage.covers(scope, u));
    }
}
