package org.gongzhi.organization.domain;

import java.util.UUID;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.shared.DomainException;
import org.gongzhi.territory.TerritoryScope;
import org.gongzhi.territory.UnitId;
import org.springframework.stereotype.Component;

/**
 * Keeps changes to organisations, councils and lists within the acting person's scope: the organisation itself is in
 * the scope, or its unit lies in the scope's territory. A refusal names nothing.
 */
@Component
public class OrganizationScope {

    private final AccessScopes scopes;
    private final TerritoryScope territory;

    OrganizationScope(AccessScopes scopes, TerritoryScope territory) {
        this.scopes = scopes;
        this.territory = territory;
    }

    public void requireUnit(UUID unitId) {
        if (unitId == null) {
            territory.requireEverything();
        } else {
            territory.require(new UnitId(unitId));
        }
    }

    /**
     * For a batch: every existing organisation and every target unit must be in scope; the hierarchy is walked once
     * for all of them.
     */
    public void requireAll(java.util.List<Organisation> existing, java.util.List<UUID> units) {
        TerritoryScope.Check check = territory.check();
        var own = scopes.current().organisations();
        for (Organisation o : existing) {
            if (!own.contains(o.id()) && !check.covers(o.unitId())) {
                throw DomainException.forbidden("scope.outside");
            }
        }
        for (UUID unit : units) {
            check.require(unit);
        }
    }

    public void requireOrganisation(Organisation o) {
        if (!scopes.current().organisations().contains(o.id()) && !territory.covers(new UnitId(o.unitId()))) {
            throw DomainException.forbidden("scope.outside");
        }
    }
}
