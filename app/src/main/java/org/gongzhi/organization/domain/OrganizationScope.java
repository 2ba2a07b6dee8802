package org.gongzhi.organization.domain;

import java.util.List;
import java.util.UUID;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ErrorKind;
import org.gongzhi.shared.Violation;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.TerritoryScope;
import org.gongzhi.territory.UnitId;
import org.gongzhi.territory.UnitKind;
import org.gongzhi.territory.UnitView;
import org.springframework.stereotype.Component;

/**
 * Keeps changes to organisations, councils and lists within the acting person's scope: the organisation itself is in
 * the scope, or its unit lies in the scope's territory. A refusal names nothing.
 */
@Component
public class OrganizationScope {

    private final AccessScopes scopes;
    private final TerritoryScope territory;
    private final TerritoryQueries units;
    private final OrganisationRepository organisations;

    OrganizationScope(
            AccessScopes scopes,
            TerritoryScope territory,
            TerritoryQueries units,
            OrganisationRepository organisations) {
        this.scopes = scopes;
        this.territory = territory;
        this.units = units;
        this.organisations = organisations;
    }

    /**
     * Refuses a link — a parent, a council seat, a party to a list — from something placed in {@code targetUnit} to an
     * organisation outside the actor's scope, unless the organisation serves that place: it is placed in the same
     * 街道 as the target (a 驻区单位, DOMAIN §3), or in a unit above the target (a district department). With no target
     * unit (a list for the whole installation) only the scope allows it. The refusal (422,
     * {@code organization.link.outside}) names {@code field}; an unknown organisation is left to the caller.
     */
    public void requireLinkable(UUID organisationId, UUID targetUnit, String field) {
        if (organisationId == null || scopes.current().everything()) {
            return;
        }
        Organisation o = organisations.findById(organisationId).orElse(null);
        if (o == null || mayLink(o.id(), o.unitId(), targetUnit)) {
            return;
        }
        throw new DomainException(
                ErrorKind.UNPROCESSABLE,
                "request.invalid",
                List.of(1),
                List.of(Violation.of(field, "organization.link.outside")));
    }

    /**
     * Whether the acting person may link the organisation ({@code organisationId}, placed in {@code organisationUnit})
     * to something placed in {@code targetUnit}: the rule {@link #requireLinkable} enforces, asked without refusing.
     */
    public boolean mayLink(UUID organisationId, UUID organisationUnit, UUID targetUnit) {
        return linkableTo(targetUnit).test(organisationId, organisationUnit);
    }

    /**
     * {@link #mayLink} for many organisations and one target: the target's lineage is read once and each organisation
     * unit's answer kept, so a picker's candidates cost one walk per distinct unit, not per organisation.
     */
    public java.util.function.BiPredicate<UUID, UUID> linkableTo(UUID targetUnit) {
        var scope = scopes.current();
        if (scope.everything()) {
            return (organisation, unit) -> true;
        }
        List<UnitView> target = targetUnit == null ? List.of() : units.lineage(new UnitId(targetUnit));
        UnitId subdistrict = target.stream()
                .filter(u -> u.kind() == UnitKind.SUBDISTRICT)
                .map(UnitView::id)
                .findFirst()
                .orElse(null);
        java.util.Map<UUID, Boolean> byUnit = new java.util.HashMap<>();
        return (organisation, unit) -> scope.organisations().contains(organisation)
                || byUnit.computeIfAbsent(
                        unit, u -> territory.covers(new UnitId(u)) || servesPlace(u, target, subdistrict));
    }

    /**
     * Whether an organisation placed in {@code organisationUnit} serves the target: it sits in the target's lineage (a
     * district department), or in the same 街道 (a 驻区单位, DOMAIN §3).
     */
    private boolean servesPlace(UUID organisationUnit, List<UnitView> target, UnitId subdistrict) {
        if (target.stream().anyMatch(u -> u.id().value().equals(organisationUnit))) {
            return true;
        }
        return subdistrict != null
                && units.lineage(new UnitId(organisationUnit)).stream().anyMatch(u -> u.id().equals(subdistrict));
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
}
