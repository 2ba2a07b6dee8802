package org.gongzhi.territory;

import java.util.UUID;
import org.gongzhi.platform.AccessScope;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.shared.DomainException;
import org.gongzhi.territory.domain.UnitRepository;
import org.springframework.stereotype.Component;

/**
 * Whether a unit lies in the acting person's scope: it or one of the units above it is in the scope. Other modules use
 * it to keep their own data (organisations, councils, lists) within the scope too.
 */
@Component
public class TerritoryScope {

    private final AccessScopes scopes;
    private final UnitRepository units;

    TerritoryScope(AccessScopes scopes, UnitRepository units) {
        this.scopes = scopes;
        this.units = units;
    }

    public boolean covers(UnitId unit) {
        return covers(scopes.current(), unit.value());
    }

    /** Refuses, without naming anything, when the unit lies outside the acting person's scope. */
    public void require(UnitId unit) {
        if (!covers(unit)) {
            throw DomainException.forbidden("scope.outside");
        }
    }

    /** Refuses unless the acting person's scope is the whole installation (e.g. for a new 区). */
    public void requireEverything() {
        if (!scopes.current().everything()) {
            throw DomainException.forbidden("scope.outside");
        }
    }

    boolean covers(AccessScope scope, UUID unit) {
        if (scope.everything()) {
            return true;
        }
        UUID current = unit;
        for (int depth = 0; current != null && depth <= UnitKind.values().length; depth++) {
            if (scope.units().contains(current)) {
                return true;
            }
            current = units.findById(current).map(u -> u.parentId()).orElse(null);
        }
        return false;
    }
}
