package org.gongzhi.listing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.gongzhi.listing.domain.ListingChanges;
import org.gongzhi.listing.domain.MatchDocs;
import org.gongzhi.listing.domain.MatchIndex;
import org.gongzhi.listing.domain.MatchStore;
import org.gongzhi.listing.domain.MatchText;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matching (seed 000: "整合资源、对接需求"; DOMAIN.md §5; ADR 0030): for a need, the resources of its 街道 ranked by
 * Chinese text relevance, the fit of kind and services to its category, walking distance from its 社区, availability
 * and past collaboration — each with its reasons — the units offering the best of them, and the experts of the think
 * tank; for a resource, the open needs it could serve. Ranking is {@link MatchIndex}'s; the indexes of a 街道 are built
 * on first use and again after any list changed.
 *
 * <p>Refusals: 404 {@code listing.need.not-found} / {@code listing.resource.not-found} for what the caller cannot see.
 */
@Service
@Transactional(readOnly = true)
public class Matching {

    /** How many candidates of each kind are proposed. */
    public static final int PROPOSED = 10;

    private final MatchStore store;
    private final Needs needs;
    private final Resources resources;
    private final Experts experts;
    private final TerritoryQueries territory;
    private final OrganizationQueries organisations;
    private final ListingChanges changes;
    private final Map<String, Built> indexes = new ConcurrentHashMap<>();

    Matching(
            MatchStore store,
            Needs needs,
            Resources resources,
            Experts experts,
            TerritoryQueries territory,
            OrganizationQueries organisations,
            ListingChanges changes) {
        this.store = store;
        this.needs = needs;
        this.resources = resources;
        this.experts = experts;
        this.territory = territory;
        this.organisations = organisations;
        this.changes = changes;
    }

    private record Built(long generation, MatchIndex index, Map<UUID, String> names) {}

    /** Resources, units and experts for the need, best first (404 when the caller cannot see it). */
    public NeedMatches forNeed(UUID needId) {
        NeedView need = needs.one(needId);
        UUID subdistrict = need.subdistrictId();
        double[] point =
                territory.interiorPoints(List.of(new UnitId(need.unitId()))).get(new UnitId(need.unitId()));
        Set<UUID> places = new HashSet<>();
        places.add(need.unitId());
        Set<UUID> partners = store.partnersOf(places, need.requesterOrganisationId());
        MatchIndex.Query q = MatchIndex.forNeed(
                need.title(),
                need.description(),
                need.categoryCode(),
                point == null ? Double.NaN : point[0],
                point == null ? Double.NaN : point[1],
                partners,
                placeTerms(subdistrict));

        Built r = resourceIndex(subdistrict);
        List<MatchIndex.Scored> ranked = r.index().top(q, 50);
        List<Match> resourceMatches = new ArrayList<>();
        for (MatchIndex.Scored s : ranked.subList(0, Math.min(PROPOSED, ranked.size()))) {
            resourceMatches.add(new Match(
                    "RESOURCE",
                    s.doc().id(),
                    s.doc().name(),
                    r.names().get(s.doc().organisationId()),
                    percent(s.score()),
                    reasons(s, true)));
        }
        Map<UUID, Match> units = new LinkedHashMap<>();
        for (MatchIndex.Scored s : ranked) {
            UUID org = s.doc().organisationId();
            if (org == null || units.containsKey(org) || units.size() == PROPOSED) {
                continue;
            }
            List<MatchReason> why = new ArrayList<>();
            why.add(MatchReason.of("offers", s.doc().name()));
            if (s.collaborated()) {
                why.add(MatchReason.of("partner", ""));
            }
            units.put(org, new Match("UNIT", org, r.names().get(org), null, percent(s.score()), why));
        }
        Set<UUID> advising = new HashSet<>();
        experts.onNeed(needId).forEach(a -> advising.add(a.expert().id()));
        return new NeedMatches(
                need, resourceMatches, List.copyOf(units.values()), expertsFor(subdistrict, q, advising));
    }

    /** The open needs of its 街道 the resource could serve, best first (404 when the caller cannot see it). */
    public ResourceMatches forResource(ResourceId id) {
        ResourceView resource = resources.one(id);
        Set<UUID> places = store.placesOf(resource.providerId());
        Map<String, Float> terms = MatchText.terms(
                resource.name(),
                (resource.description() == null ? "" : resource.description()) + "\n"
                        + (resource.conditions() == null ? "" : resource.conditions()),
                resource.services());
        terms.keySet().removeAll(placeTerms(resource.subdistrictId()));
        MatchIndex.Doc self = MatchDocs.resource(new MatchStore.Resource(
                resource.id().value(),
                resource.providerId(),
                resource.name(),
                resource.description(),
                resource.conditions(),
                resource.kind(),
                resource.services(),
                resource.latitude().doubleValue(),
                resource.longitude().doubleValue(),
                resource.opening(),
                resource.bookable()));
        MatchIndex.Query q = new MatchIndex.Query(
                terms,
                null,
                resource.kind(),
                self.services(),
                resource.latitude().doubleValue(),
                resource.longitude().doubleValue(),
                places);
        Built n = needIndex(resource.subdistrictId());
        List<Match> out = new ArrayList<>();
        for (MatchIndex.Scored s : n.index().top(q, PROPOSED)) {
            out.add(new Match(
                    "NEED",
                    s.doc().id(),
                    s.doc().name(),
                    n.names().get(s.doc().organisationId()),
                    percent(s.score()),
                    reasons(s, false)));
        }
        return new ResourceMatches(resource, out);
    }

    /** Experts of the think tank for the need, those already advising it left out. */
    private List<Match> expertsFor(UUID subdistrict, MatchIndex.Query need, Set<UUID> advising) {
        Built e = expertIndex(subdistrict);
        List<MatchIndex.Scored> ranked = e.index().top(need, PROPOSED + advising.size()).stream()
                .filter(s -> !advising.contains(s.doc().id()))
                .limit(PROPOSED)
                .toList();
        Map<UUID, Long> advised =
                experts.advisedCounts(ranked.stream().map(s -> s.doc().id()).toList());
        List<Match> out = new ArrayList<>();
        for (MatchIndex.Scored s : ranked) {
            if (s.text() <= 0) {
                continue;
            }
            List<MatchReason> why = new ArrayList<>();
            if (!s.matchedTerms().isEmpty()) {
                why.add(MatchReason.of("words", words(s.matchedTerms())));
            }
            long count = advised.getOrDefault(s.doc().id(), 0L);
            if (count > 0) {
                why.add(MatchReason.of("advised", count));
            }
            out.add(new Match(
                    "EXPERT",
                    s.doc().id(),
                    s.doc().name(),
                    e.names().get(s.doc().id()),
                    percent(s.score()),
                    why));
        }
        return out;
    }

    private static List<MatchReason> reasons(MatchIndex.Scored s, boolean resource) {
        List<MatchReason> why = new ArrayList<>();
        if (!s.matchedTerms().isEmpty()) {
            why.add(MatchReason.of("words", words(s.matchedTerms())));
        }
        if (s.serviceFit()) {
            why.add(MatchReason.of("service", ""));
        }
        if (resource && s.fit() >= 0.6 * 0.8) {
            why.add(MatchReason.of("kind", s.doc().kind().name()));
        }
        if (!Double.isNaN(s.walkingMetres())) {
            why.add(MatchReason.of("walk", Math.round(s.walkingMetres() / 10) * 10));
        }
        if (resource) {
            why.add(
                    s.doc().availabilityNote() == null
                            ? MatchReason.of("arranged", "")
                            : MatchReason.of("hours", Long.parseLong(s.doc().availabilityNote())));
        } else {
            why.add(MatchReason.of("priority", s.doc().availabilityNote()));
        }
        if (s.collaborated()) {
            why.add(MatchReason.of("partner", ""));
        }
        return why;
    }

    private static String words(List<String> terms) {
        return String.join("、", terms.stream().map(MatchText::label).toList());
    }

    private static int percent(double score) {
        return (int) Math.round(Math.min(1, score) * 100);
    }

    // ---------------------------------------------------------------- indexes

    private Built resourceIndex(UUID subdistrict) {
        return built("resources:" + subdistrict, () -> {
            List<MatchStore.Resource> rows = store.resources(subdistrict);
            Map<UUID, String> names = organisations.names(rows.stream()
                    .map(MatchStore.Resource::providerId)
                    .distinct()
                    .map(OrganisationId::new)
                    .toList());
            return new Built(
                    0, new MatchIndex(rows.stream().map(MatchDocs::resource).toList()), names);
        });
    }

    private Built needIndex(UUID subdistrict) {
        return built("needs:" + subdistrict, () -> {
            List<MatchStore.Need> rows = store.openNeeds(subdistrict);
            List<UnitId> units =
                    rows.stream().map(n -> new UnitId(n.unitId())).distinct().toList();
            Map<UnitId, double[]> points = territory.interiorPoints(units);
            Map<UUID, String> names = new java.util.HashMap<>();
            territory.units(units).forEach((id, u) -> names.put(id.value(), u.name()));
            return new Built(
                    0,
                    new MatchIndex(rows.stream()
                            .map(n -> MatchDocs.need(n, points.get(new UnitId(n.unitId()))))
                            .toList()),
                    names);
        });
    }

    private Built expertIndex(UUID subdistrict) {
        return built("experts:" + subdistrict, () -> {
            List<ExpertView> all = experts.of(subdistrict);
            Map<UUID, String> names = new java.util.HashMap<>();
            all.forEach(e -> names.put(e.id(), e.affiliation()));
            return new Built(
                    0,
                    new MatchIndex(all.stream()
                            .map(e -> MatchDocs.expert(e.id(), e.name(), e.affiliationId(), e.tags(), e.bio()))
                            .toList()),
                    names);
        });
    }

    private final Map<UUID, Set<String>> placeTerms = new ConcurrentHashMap<>();

    /** The terms of the names of the 街道, its 街区 and 社区 (read once; place names rarely change). */
    private Set<String> placeTerms(UUID subdistrict) {
        return placeTerms.computeIfAbsent(
                subdistrict,
                s -> territory
                        .unit(new UnitId(s))
                        .map(u -> {
                            var ids = territory.subtree(u.code());
                            return MatchText.placeTerms(territory.units(ids).values().stream()
                                    .filter(x -> x.kind() == org.gongzhi.territory.UnitKind.SUBDISTRICT
                                            || x.kind() == org.gongzhi.territory.UnitKind.BLOCK
                                            || x.kind() == org.gongzhi.territory.UnitKind.COMMUNITY)
                                    .map(org.gongzhi.territory.UnitView::name)
                                    .toList());
                        })
                        .orElse(Set.of()));
    }

    private Built built(String key, Supplier<Built> build) {
        long now = changes.generation();
        Built b = indexes.get(key);
        if (b == null || b.generation() != now) {
            Built fresh = build.get();
            b = new Built(now, fresh.index(), fresh.names());
            indexes.put(key, b);
        }
        return b;
    }
}
