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

    public void requireOrganisation(Organisation o) {
        if (!scopes.current().organisations().contains(o.id()) && !territory.covers(new UnitId(o.unitId()))) {
            throw DomainException.forbidden("scope.outside");
        }
    }
}
