package org.gongzhi.listing;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.gongzhi.listing.domain.ResourceRow;
import org.gongzhi.listing.domain.ResourceStore;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganisationView;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.platform.Permissions;
import org.gongzhi.platform.PersonalDataCipher;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Masking;
import org.gongzhi.shared.PhoneNumber;
import org.gongzhi.shared.Text;
import org.gongzhi.shared.Violation;
import org.gongzhi.shared.Violations;
import org.gongzhi.territory.Location;
import org.gongzhi.territory.TerritoryQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 资源清单 (seed 000: "不求所有、但求所用"): units offer what they can open, pool or share; a unit's 联络员 manages
 * its own unit's resources, street and community staff those placed in their area ({@link
 * ListingPermission#MANAGE_RESOURCES}); any staff sees those in their scope. A resource's point must lie in the
 * platform's territory. The contact is personal data: encrypted at rest, shown masked, opened only with a reason and
 * audited (DOMAIN.md §9).
 *
 * <p>Refusals: 400 with the field ({@code validation.NotBlank}, {@code text.too-long}, {@code
 * listing.resource.capacity}, {@code listing.resource.coordinates}, {@code listing.resource.outside-territory}, {@code
 * listing.resource.opening}, {@code listing.resource.contact-phone}, {@code listing.provider.unknown}); 403 {@code
 * identity.forbidden} or {@code scope.outside} (a 联络员 touching another unit's resource); 404 {@code
 * listing.resource.not-found} for a resource the caller cannot see; 409 {@code listing.resource.version.stale} when
 * it changed since it was read, {@code listing.resource.not-offered} for a withdrawn one.
 */
@Service
@Transactional
public class Resources {

    static final String CONTACT_NAME = "listing.contact.name";
    static final String CONTACT_PHONE = "listing.contact.phone";
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");

    private final ResourceStore store;
    private final ResourceAccess access;
    private final OrganizationQueries organisations;
    private final TerritoryQueries territory;
    private final Permissions may;
    private final AccessScopes scopes;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    private final ActorResolver actors;
    private final Clock clock;

    Resources(
            ResourceStore store,
            ResourceAccess access,
            OrganizationQueries organisations,
            TerritoryQueries territory,
            Permissions may,
            AccessScopes scopes,
            PersonalDataCipher cipher,
            AuditTrail audit,
            ActorResolver actors,
            Clock clock) {
        this.store = store;
        this.access = access;
        this.organisations = organisations;
        this.territory = territory;
        this.may = may;
        this.scopes = scopes;
        this.cipher = cipher;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    /** Offers a resource for its provider; the caller must manage that provider's resources at that place. */
    public ResourceView offer(ResourceDetails details) {
        may.require(ListingPermission.MANAGE_RESOURCES);
        Checked c = check(details, null);
        may.requireOrganisation(
                ListingPermission.MANAGE_RESOURCES, c.provider().id().value(), c.unit());
        UUID id = UUID.randomUUID();
        store.insert(
                c.row(id, null, null, false), clock.instant(), actors.current().name());
        audit.record(AuditRecord.created(
                "listing.resource.offered",
                "resource",
                id.toString(),
                Map.of("name", c.name(), "provider", c.provider().id().toString())));
        return access.view(store.find(id).orElseThrow());
    }

    /** What offering {@code details} would be refused for, without offering anything (for forms). */
    @Transactional(readOnly = true)
    public List<Violation> problemsWith(ResourceDetails details) {
        try {
            check(details, null);
            return List.of();
        } catch (DomainException e) {
            return e.violations();
        }
    }

    /**
     * Revises a resource read at {@code expectedVersion}. A contact field sent back exactly as shown masked keeps the
     * stored value; a blank one clears it.
     */
    public ResourceView revise(ResourceId id, long expectedVersion, ResourceDetails details) {
        ResourceRow current = access.manageable(id);
        if (current.withdrawnAt() != null) {
            throw DomainException.conflict("listing.resource.not-offered");
        }
        Checked c = check(details, current);
        may.requireOrganisation(
                ListingPermission.MANAGE_RESOURCES, c.provider().id().value(), c.unit());
        if (!store.update(
                c.row(id.value(), current.contactNameCipher(), current.contactPhoneCipher(), current.synthetic()),
                expectedVersion,
                clock.instant())) {
            throw stale(expectedVersion, current.version());
        }
        audit.record(
                AuditRecord.created("listing.resource.revised", "resource", id.toString(), Map.of("name", c.name())));
        return access.view(store.find(id.value()).orElseThrow());
    }

    /** Stops offering the resource; its bookings stay as they are. */
    public ResourceView withdraw(ResourceId id, long expectedVersion) {
        ResourceRow current = access.manageable(id);
        if (current.withdrawnAt() != null) {
            throw DomainException.conflict("listing.resource.not-offered");
        }
        if (!store.withdraw(id.value(), expectedVersion, clock.instant())) {
            throw stale(expectedVersion, current.version());
        }
        audit.record(AuditRecord.created(
                "listing.resource.withdrawn", "resource", id.toString(), Map.of("name", current.name())));
        return access.view(store.find(id.value()).orElseThrow());
    }

    /** The resource, contact masked; 404 when the caller cannot see it. */
    @Transactional(readOnly = true)
    public ResourceView one(ResourceId id) {
        return access.view(access.visible(id));
    }

    /** A page (1-based, 1–200 a page) of the resources the caller can see that match the filter. */
    @Transactional(readOnly = true)
    public ResourcePage list(ResourceFilter filter, int page, int size) {
        may.require(ListingPermission.READ);
        int p = Math.max(1, page);
        int s = Math.min(200, Math.max(1, size));
        ResourceStore.Page rows = store.page(filter, access.reach(), p, s);
        return new ResourcePage(access.views(rows.rows()), rows.total(), p, s);
    }

    /**
     * The contact in full, for someone who may open personal data and sees the resource, with a reason of 4–200
     * characters (400 {@code personal-data.unmask.reason}); audited as {@code personal-data.unmasked}.
     */
    public ContactDetails unmaskContact(ResourceId id, String reason) {
        ResourceRow r = access.visible(id);
        may.require(ListingPermission.UNMASK_CONTACT);
        String why = org.gongzhi.platform.FormChecks.unmaskReason(reason);
        audit.record(AuditRecord.created(
                "personal-data.unmasked", "resource", id.toString(), Map.of("field", "contact", "reason", why)));
        return new ContactDetails(
                r.contactNameCipher() == null ? null : cipher.decrypt(CONTACT_NAME, r.contactNameCipher()),
                r.contactPhoneCipher() == null ? null : cipher.decrypt(CONTACT_PHONE, r.contactPhoneCipher()));
    }

    /** Whether the caller may revise, withdraw and answer bookings of this resource (for pages). */
    @Transactional(readOnly = true)
    public boolean mayManage(ResourceView r) {
        return access.mayManage(r.providerId(), r.unitId());
    }

    private static DomainException stale(long read, long now) {
        return DomainException.conflict("listing.resource.version.stale", read, now);
    }

    // ---------------------------------------------------------------- checks

    /** Checked facts of a resource, ready to store. */
    record Checked(
            OrganisationView provider,
            String name,
            ResourceKind kind,
            Openness openness,
            Integer capacity,
            BigDecimal latitude,
            BigDecimal longitude,
            String address,
            Location location,
            String description,
            String conditions,
            boolean bookable,
            String opening,
            java.util.Set<ServiceCategory> services,
            Contact contactName,
            Contact contactPhone) {

        UUID unit() {
            return location.deepest().orElseThrow().id().value();
        }

        ResourceRow row(UUID id, String nameCipherNow, String phoneCipherNow, boolean synthetic) {
            return new ResourceRow(
                    id,
                    provider.id().value(),
                    name,
                    kind,
                    openness,
                    capacity,
                    latitude,
                    longitude,
                    address,
                    location.subdistrict().id().value(),
                    location.community() == null
                            ? null
                            : location.community().id().value(),
                    unit(),
                    description,
                    conditions,
                    bookable,
                    opening,
                    services,
                    contactName.keep() ? nameCipherNow : contactName.cipher(),
                    contactPhone.keep() ? phoneCipherNow : contactPhone.cipher(),
                    synthetic,
                    null,
                    0);
        }
    }

    /** A contact field: keep what is stored, or this cipher ({@code null} clears it). */
    record Contact(boolean keep, String cipher) {}

    /** Checks every field at once (400 listing each problem); {@code current} is the stored row when revising. */
    Checked check(ResourceDetails d, ResourceRow current) {
        Violations v = new Violations();
        OrganisationView provider = null;
        if (d.providerId() == null) {
            v.add("providerId", "validation.NotBlank", "providerId");
        } else {
            provider = organisations
                    .organisation(new OrganisationId(d.providerId()))
                    .orElse(null);
            if (provider == null) {
                v.add("providerId", "listing.provider.unknown");
            }
        }
        String name = Text.checkLine(d.name(), "name", true, 100, v);
        if (d.kind() == null) {
            v.add("kind", "validation.NotBlank", "kind");
        }
        if (d.openness() == null) {
            v.add("openness", "validation.NotBlank", "openness");
        }
        if (d.capacity() != null && (d.capacity() < 1 || d.capacity() > 100_000)) {
            v.add("capacity", "listing.resource.capacity", 100_000);
        }
        Location location = locate(d.latitude(), d.longitude(), v);
        String address = Text.checkLine(d.address(), "address", false, 200, v);
        String description = Text.checkText(d.description(), "description", 2000, v);
        String conditions = Text.checkText(d.conditions(), "conditions", 2000, v);
        String opening = "";
        try {
            opening = OpeningHours.parse(d.opening()).text();
        } catch (IllegalArgumentException e) {
            v.add("opening", "listing.resource.opening", e.getMessage());
        }
        Contact contactName = contactName(d.contactName(), current, v);
        Contact contactPhone = contactPhone(d.contactPhone(), current, v);
        v.throwIfAny();
        return new Checked(
                provider,
                name,
                d.kind(),
                d.openness(),
                d.capacity(),
                d.latitude().setScale(6, java.math.RoundingMode.HALF_UP),
                d.longitude().setScale(6, java.math.RoundingMode.HALF_UP),
                address,
                location,
                description,
                conditions,
                d.bookable(),
                opening,
                d.services() == null ? java.util.Set.of() : java.util.Set.copyOf(d.services()),
                contactName,
                contactPhone);
    }

    private Location locate(BigDecimal lat, BigDecimal lng, Violations v) {
        if (lat == null || lng == null) {
            v.add(lat == null ? "latitude" : "longitude", "listing.resource.coordinates");
            return null;
        }
        if (lat.abs().compareTo(BigDecimal.valueOf(90)) > 0 || lng.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            v.add("latitude", "listing.resource.coordinates");
            return null;
        }
        Location l = territory.locate(lat.doubleValue(), lng.doubleValue()).orElse(null);
        if (l == null || l.subdistrict() == null) {
            v.add("latitude", "listing.resource.outside-territory");
            return null;
        }
        return l;
    }

    private Contact contactName(String text, ResourceRow current, Violations v) {
        String name = Text.checkLine(text, "contactName", false, 50, v);
        if (current != null && current.contactNameCipher() != null && name != null) {
            String stored = cipher.decrypt(CONTACT_NAME, current.contactNameCipher());
            if (name.equals(Masking.name(stored)) || name.equals(stored)) {
                return new Contact(true, null);
            }
        }
        return new Contact(false, name == null ? null : cipher.encrypt(CONTACT_NAME, name));
    }

    private Contact contactPhone(String text, ResourceRow current, Violations v) {
        String typed = Text.stripToNull(text);
        if (typed == null) {
            return new Contact(false, null);
        }
        if (current != null && current.contactPhoneCipher() != null) {
            String stored = cipher.decrypt(CONTACT_PHONE, current.contactPhoneCipher());
            if (typed.equals(Masking.phone(stored))) {
                return new Contact(true, null);
            }
        }
        String phone;
        if (PhoneNumber.isValid(typed)) {
            phone = PhoneNumber.parse(typed).value();
        } else if (LANDLINE.matcher(Text.strip(typed).replace(" ", "")).matches()) {
            phone = typed.replace(" ", "");
        } else {
            v.add("contactPhone", "listing.resource.contact-phone");
            return new Contact(false, null);
        }
        return new Contact(false, cipher.encrypt(CONTACT_PHONE, phone));
    }
}
