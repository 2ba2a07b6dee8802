package org.gongzhi.listing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.listing.domain.Reach;
import org.gongzhi.listing.domain.ResourceRow;
import org.gongzhi.listing.domain.ResourceStore;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.Permissions;
import org.gongzhi.platform.PersonalDataCipher;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Masking;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitId;
import org.gongzhi.territory.UnitView;
import org.springframework.stereotype.Component;

/**
 * Who sees and who manages a resource, and how it is shown: staff see every resource offered in the 街道 their places
 * and organisations lie in (the 资源清单 is there to be shared across 街区, 校区, 园区 and 社区), and those their own
 * organisations offer anywhere; they manage only their own unit's, or those placed in their area. The contact is
 * always masked here. Runs in its callers' transactions.
 */
@Component
class ResourceAccess {

    private final ResourceStore store;
    private final ListingReach places;
    private final OrganizationQueries organisations;
    private final TerritoryQueries territory;
    private final Permissions may;
    private final PersonalDataCipher cipher;

    ResourceAccess(
            ResourceStore store,
            ListingReach places,
            OrganizationQueries organisations,
            TerritoryQueries territory,
            Permissions may,
            PersonalDataCipher cipher) {
        this.store = store;
        this.places = places;
        this.organisations = organisations;
        this.territory = territory;
        this.may = may;
        this.cipher = cipher;
    }

    /** The row, for someone who may see it (404 {@code listing.resource.not-found} otherwise). */
    ResourceRow visible(ResourceId id) {
        may.require(ListingPermission.READ);
        ResourceRow r = store.find(id.value()).orElseThrow(ResourceAccess::notFound);
        if (!places.sees(r.providerId(), r.unitId(), r.subdistrictId())) {
            throw notFound();
        }
        return r;
    }

    /** The row, for someone who may manage it: 404 when they cannot see it, 403 when they see but may not manage. */
    ResourceRow manageable(ResourceId id) {
        ResourceRow r = visible(id);
        may.requireOrganisation(ListingPermission.MANAGE_RESOURCES, r.providerId(), r.unitId());
        return r;
    }

    boolean mayManage(UUID provider, UUID unit) {
        return may.toOrganisation(ListingPermission.MANAGE_RESOURCES.code(), provider, unit);
    }

    Reach reach() {
        return places.reach();
    }

    static DomainException notFound() {
        return DomainException.notFound("listing.resource.not-found");
    }

    ResourceView view(ResourceRow r) {
        return views(List.of(r)).get(0);
    }

    List<ResourceView> views(List<ResourceRow> rows) {
        Map<UUID, String> providers = organisations.names(rows.stream()
                .map(r -> new OrganisationId(r.providerId()))
                .distinct()
                .toList());
        // Shown by its community where it has one (a grid or a building means little to a reader).
        Map<UnitId, UnitView> places = territory.units(rows.stream()
                .map(r -> new UnitId(r.communityId() != null ? r.communityId() : r.unitId()))
                .distinct()
                .toList());
        return rows.stream()
                .map(r -> {
                    UnitView place = places.get(new UnitId(r.communityId() != null ? r.communityId() : r.unitId()));
                    return new ResourceView(
                            new ResourceId(r.id()),
                            r.providerId(),
                            providers.get(r.providerId()),
                            r.name(),
                            r.kind(),
                            r.openness(),
                            r.capacity(),
                            r.latitude(),
                            r.longitude(),
                            r.address(),
                            r.subdistrictId(),
                            r.communityId(),
                            r.unitId(),
                            place == null ? null : place.name(),
                            r.description(),
                            r.conditions(),
                            r.bookable(),
                            r.opening(),
                            r.services(),
                            r.contactNameCipher() == null
                                    ? null
                                    : Masking.name(cipher.decrypt(Resources.CONTACT_NAME, r.contactNameCipher())),
                            r.contactPhoneCipher() == null
                                    ? null
                                    : Masking.phone(cipher.decrypt(Resources.CONTACT_PHONE, r.contactPhoneCipher())),
                            r.synthetic(),
                            r.withdrawnAt(),
                            r.version());
                })
                .toList();
    }
}
