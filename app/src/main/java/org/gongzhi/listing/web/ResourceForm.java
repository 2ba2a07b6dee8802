package org.gongzhi.listing.web;

import java.math.BigDecimal;
import org.gongzhi.listing.Openness;
import org.gongzhi.listing.ResourceDetails;
import org.gongzhi.listing.ResourceKind;
import org.gongzhi.listing.ResourceView;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.shared.Violations;

/** The resource form as posted: every field as typed, so that a refused form comes back as it was. */
record ResourceForm(
        String providerId,
        String providerIdText,
        String name,
        String kind,
        String openness,
        String capacity,
        String latitude,
        String longitude,
        String address,
        String description,
        String conditions,
        String bookable,
        String opening,
        java.util.List<String> services,
        String contactName,
        String contactPhone,
        Long version) {

    static ResourceForm empty(String providerId, String providerName) {
        return new ResourceForm(
                providerId,
                providerName,
                null,
                null,
                "OPEN",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    static ResourceForm of(ResourceView r) {
        return new ResourceForm(
                r.providerId().toString(),
                r.providerName(),
                r.name(),
                r.kind().name(),
                r.openness().name(),
                r.capacity() == null ? null : r.capacity().toString(),
                r.latitude().toPlainString(),
                r.longitude().toPlainString(),
                r.address(),
                r.description(),
                r.conditions(),
                r.bookable() ? "on" : null,
                r.opening(),
                r.services().stream().map(Enum::name).toList(),
                r.contactName(),
                r.contactPhone(),
                r.version());
    }

    public boolean isBookable() {
        return bookable != null && !bookable.isBlank();
    }

    /** Whether the service's box is ticked (for the form). */
    public boolean offers(String service) {
        return services != null && services.contains(service);
    }

    private java.util.Set<org.gongzhi.listing.ServiceCategory> services(Violations violations) {
        java.util.Set<org.gongzhi.listing.ServiceCategory> out =
                java.util.EnumSet.noneOf(org.gongzhi.listing.ServiceCategory.class);
        for (String s : services == null ? java.util.List.<String>of() : services) {
            org.gongzhi.listing.ServiceCategory c =
                    FormChecks.choice(org.gongzhi.listing.ServiceCategory.class, "services", s, violations);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** The details, with fields that could not be read reported in {@code violations}. */
    ResourceDetails details(Violations violations) {
        Integer cap = null;
        if (capacity != null && !capacity.isBlank()) {
            BigDecimal c = FormChecks.decimal("capacity", capacity, violations);
            if (c != null) {
                try {
                    cap = c.intValueExact();
                } catch (ArithmeticException e) {
                    violations.add("capacity", "listing.resource.capacity", 100_000);
                }
            }
        }
        return new ResourceDetails(
                FormChecks.id("providerId", providerId, violations),
                name,
                FormChecks.choice(ResourceKind.class, "kind", kind, violations),
                FormChecks.choice(Openness.class, "openness", openness, violations),
                cap,
                FormChecks.decimal("latitude", latitude, violations),
                FormChecks.decimal("longitude", longitude, violations),
                address,
                description,
                conditions,
                isBookable(),
                opening,
                services(violations),
                contactName,
                contactPhone);
    }
}
