package org.gongzhi.listing.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.listing.NeedPriority;
import org.gongzhi.listing.OpeningHours;
import org.gongzhi.listing.ServiceCategory;

/** Entries of a {@link MatchIndex} made from the lists' rows (ADR 0030). */
public final class MatchDocs {

    private MatchDocs() {}

    /**
     * A resource: its name, description and conditions; the services it declares;
     * availability from its weekly hours (0.8 without fixed hours, else 0.4 + hours / 70, at most 1).
     */
    public static MatchIndex.Doc resource(MatchStore.Resource r) {
        String text = join(r.description(), r.conditions());
        // Only the services it declares: the service fit is shown as a reason ("provides the service asked for"),
        // and what its words suggest already counts in the text.
        Set<ServiceCategory> services = EnumSet.noneOf(ServiceCategory.class);
        services.addAll(r.services());
        double hours = hours(r.opening());
        double availability = hours < 0 ? 0.8 : Math.min(1, 0.4 + hours / 70);
        return new MatchIndex.Doc(
                r.id(),
                r.name(),
                r.providerId(),
                r.kind(),
                null,
                services,
                r.latitude(),
                r.longitude(),
                availability,
                hours < 0 ? null : String.valueOf(Math.round(hours)),
                MatchText.terms(r.name(), text, r.services()));
    }

    /**
     * A need, placed at {@code point} ({@code [latitude, longitude]}, or null): availability by priority (high 1,
     * medium 0.7, low 0.4); its unit stands where a resource's provider stands, for past collaboration.
     */
    public static MatchIndex.Doc need(MatchStore.Need n, double[] point) {
        Set<ServiceCategory> services = EnumSet.noneOf(ServiceCategory.class);
        services.addAll(MatchIndex.servicesOf(n.categoryCode()));
        services.addAll(MatchText.services(MatchText.concepts(join(n.title(), n.description()), null)));
        double availability = n.priority() == NeedPriority.HIGH ? 1 : n.priority() == NeedPriority.MEDIUM ? 0.7 : 0.4;
        return new MatchIndex.Doc(
                n.id(),
                n.title(),
                n.unitId(),
                null,
                n.categoryCode(),
                services,
                point == null ? Double.NaN : point[0],
                point == null ? Double.NaN : point[1],
                availability,
                n.priority().name(),
                MatchText.terms(n.title(), n.description(), List.of()));
    }

    /** An expert: tags weigh as a name, the bio as text; no place; available while listed. */
    public static MatchIndex.Doc expert(UUID id, String name, UUID affiliation, List<String> tags, String bio) {
        String tagText = String.join(" ", tags);
        return new MatchIndex.Doc(
                id,
                name,
                affiliation,
                null,
                null,
                MatchText.services(MatchText.concepts(join(tagText, bio), null)),
                Double.NaN,
                Double.NaN,
                1,
                null,
                MatchText.terms(tagText, bio, List.of()));
    }

    /** Weekly hours of a calendar, -1 without fixed hours (or one that no longer reads). */
    static double hours(String opening) {
        try {
            return OpeningHours.parse(opening).hoursPerWeek();
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static String join(String a, String b) {
        return (a == null ? "" : a) + "\n" + (b == null ? "" : b);
    }
}
