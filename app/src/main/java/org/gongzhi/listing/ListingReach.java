package org.gongzhi.listing;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.listing.domain.Reach;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.AccessScope;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.platform.Permissions;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitId;
import org.gongzhi.territory.UnitKind;
import org.springframework.stereotype.Component;

/**
 * Who reads which entries of the lists: every staff role reads those placed in the 街道 its places and organisations
 * lie in — the lists exist to be shared across 街区, 校区, 园区 and 社区 — and those of its own organisations anywhere;
 * another 街道's entries stay unseen.
 */
@Component
class ListingReach {

    private final OrganizationQueries organisations;
    private final TerritoryQueries territory;
    private final Permissions may;
    private final AccessScopes scopes;

    ListingReach(OrganizationQueries organisations, TerritoryQueries territory, Permissions may, AccessScopes scopes) {
        this.organisations = organisations;
        this.territory = territory;
        this.may = may;
        this.scopes = scopes;
    }

    /** Whether the caller reads an entry of {@code organisation} (may be null) placed at {@code unit} in that 街道. */
    boolean sees(UUID organisation, UUID unit, UUID subdistrict) {
        may.require(ListingPermission.READ);
        return (organisation == null
                        ? may.to(ListingPermission.READ.code(), unit)
                        : may.toOrganisation(ListingPermission.READ.code(), organisation, unit))
                || homeSubdistricts(scopes.current()).contains(subdistrict);
    }

    /** Whether the caller reads an entry of any of {@code organisations} placed at {@code unit} in that 街道. */
    boolean seesAny(java.util.Collection<UUID> organisations, UUID unit, UUID subdistrict) {
        if (sees(null, unit, subdistrict)) {
            return true;
        }
        return organisations.stream().anyMatch(o -> may.toOrganisation(ListingPermission.READ.code(), o, unit));
    }

    /** The 街道 the caller's places and organisations lie in. */
    Set<UUID> homes() {
        return homeSubdistricts(scopes.current());
    }

    /** The places and organisations whose entries a list read shows the caller. */
    Reach reach() {
        AccessScope scope = scopes.current();
        if (scope.everything()) {
            return new Reach(true, Set.of(), Set.of(), Set.of());
        }
        Set<UnitId> within = territory.within(scope);
        return new Reach(
                false, within.stream().map(UnitId::value).toList(), homeSubdistricts(scope), scope.organisations());
    }

    /** The 街道 a unit lies in (itself, if it is one); {@code null} for an unknown unit or one above every 街道. */
    UUID subdistrictOf(UUID unit) {
        if (territory.unit(new UnitId(unit)).isEmpty()) {
            return null;
        }
        return territory.lineage(new UnitId(unit)).stream()
                .filter(u -> u.kind() == UnitKind.SUBDISTRICT)
                .map(u -> u.id().value())
                .findFirst()
                .orElse(null);
    }

    /**
     * The 街道 the caller's places and organisations lie in, worked out once a request (a list or a proposal asks
     * for each of its rows).
     */
    @SuppressWarnings("unchecked")
    private Set<UUID> homeSubdistricts(AccessScope scope) {
        var request = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return workOutHomeSubdistricts(scope);
        }
        String key = ListingReach.class.getName() + ".home";
        Set<UUID> memo = (Set<UUID>)
                request.getAttribute(key, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        if (memo == null) {
            memo = workOutHomeSubdistricts(scope);
            request.setAttribute(key, memo, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        }
        return memo;
    }

    private Set<UUID> workOutHomeSubdistricts(AccessScope scope) {
        Set<UnitId> places = new HashSet<>();
        scope.units().forEach(u -> places.add(new UnitId(u)));
        for (UUID o : scope.organisations()) {
            organisations.organisation(new OrganisationId(o)).ifPresent(unit -> places.add(unit.unitId()));
        }
        Set<UUID> out = new HashSet<>();
        for (UnitId place : places) {
            territory.lineage(place).stream()
                    .filter(u -> u.kind() == UnitKind.SUBDISTRICT)
                    .forEach(u -> out.add(u.id().value()));
        }
        return out;
    }
}
