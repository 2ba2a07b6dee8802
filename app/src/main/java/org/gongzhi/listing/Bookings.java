package org.gongzhi.listing;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.gongzhi.listing.domain.BookingStore;
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
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ErrorKind;
import org.gongzhi.shared.Text;
import org.gongzhi.shared.Violation;
import org.gongzhi.shared.Violations;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bookings of bookable resources: requested → approved or declined by the resource's managers → used, with the
 * requester's feedback, once the slot has passed. A requested, approved or used booking holds its slot, and the
 * database refuses a second booking of an overlapping slot of the same resource whatever runs at the same time
 * (exclusion constraint, ADR 0027).
 *
 * <p>Cancellation: the requester may cancel a requested or approved booking until {@code gongzhi.listing.cancel-before}
 * (default 2 hours) before it starts, the resource's managers until it starts.
 *
 * <p>Refusals: 400 with the field ({@code validation.NotBlank}, {@code listing.booking.range}, {@code
 * listing.booking.minutes}, {@code listing.booking.too-long}, {@code listing.booking.capacity}, {@code
 * listing.booking.rating}); 422 {@code listing.booking.not-bookable}, {@code listing.booking.past}, {@code
 * listing.booking.outside-opening}; 409 {@code listing.booking.slot-taken}, {@code listing.booking.state}, {@code
 * listing.booking.started}, {@code listing.booking.cancel-too-late}, {@code listing.booking.not-yet-over}, {@code
 * listing.resource.not-offered}; 403 for someone who may neither manage the resource nor made the booking; 404 {@code
 * listing.booking.not-found} for a booking of a resource the caller cannot see.
 */
@Service
public class Bookings {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String EXCLUSION_VIOLATION = "23P01";

    private final BookingStore bookings;
    private final ResourceStore resources;
    private final ResourceAccess catalogue;
    private final OrganizationQueries organisations;
    private final TerritoryQueries territory;
    private final Permissions may;
    private final AccessScopes scopes;
    private final AuditTrail audit;
    private final ActorResolver actors;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration cancelBefore;

    Bookings(
            BookingStore bookings,
            ResourceStore resources,
            ResourceAccess catalogue,
            OrganizationQueries organisations,
            TerritoryQueries territory,
            Permissions may,
            AccessScopes scopes,
            AuditTrail audit,
            ActorResolver actors,
            TransactionTemplate transaction,
            Clock clock,
            @Value("${gongzhi.listing.cancel-before:PT2H}") Duration cancelBefore) {
        this.bookings = bookings;
        this.resources = resources;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.territory = territory;
        this.may = may;
        this.scopes = scopes;
        this.audit = audit;
        this.actors = actors;
        this.transaction = transaction;
        this.clock = clock;
        this.cancelBefore = cancelBefore;
    }

    /** How long before its start the requester may still cancel a booking. */
    public Duration cancelBefore() {
        return cancelBefore;
    }

    /** Requests a slot of the resource for the caller's unit or area. */
    public BookingView request(ResourceId resource, RequestBooking r) {
        may.require(ListingPermission.BOOK);
        try {
            return transaction.execute(status -> {
                ResourceRow res = catalogue.visible(resource);
                if (res.withdrawnAt() != null) {
                    throw DomainException.conflict("listing.resource.not-offered");
                }
                if (!res.bookable()) {
                    throw refused("resourceId", "listing.booking.not-bookable");
                }
                Violations v = new Violations();
                if (r.start() == null) {
                    v.add("start", "validation.NotBlank", "start");
                }
                if (r.end() == null) {
                    v.add("end", "validation.NotBlank", "end");
                }
                String purpose = Text.checkLine(r.purpose(), "purpose", true, 500, v);
                if (r.attendees() != null
                        && (r.attendees() < 1 || (res.capacity() != null && r.attendees() > res.capacity()))) {
                    v.add("attendees", "listing.booking.capacity", res.capacity() == null ? 100_000 : res.capacity());
                }
                if (r.start() != null && r.end() != null) {
                    if (!r.end().isAfter(r.start())) {
                        v.add("end", "listing.booking.range");
                    } else if (Duration.between(r.start(), r.end()).compareTo(Duration.ofHours(24)) > 0) {
                        v.add("end", "listing.booking.too-long", 24);
                    }
                    if (r.start().getEpochSecond() % 60 != 0
                            || r.start().getNano() != 0
                            || r.end().getEpochSecond() % 60 != 0
                            || r.end().getNano() != 0) {
                        v.add("start", "listing.booking.minutes");
                    }
                }
                Party party = party(r, v);
                v.throwIfAny();
                Instant now = clock.instant();
                if (r.start().isAfter(now.plus(Duration.ofDays(366)))) {
                    throw refused("start", "listing.booking.too-far");
                }
                if (r.start().isBefore(now)) {
                    throw refused("start", "listing.booking.past");
                }
                if (!OpeningHours.parse(res.opening())
                        .admits(
                                r.start().atZone(BEIJING).toLocalDateTime(),
                                r.end().atZone(BEIJING).toLocalDateTime())) {
                    throw refused("start", "listing.booking.outside-opening", res.opening());
                }
                UUID id = UUID.randomUUID();
                bookings.insert(
                        id,
                        res.id(),
                        r.start(),
                        r.end(),
                        purpose,
                        r.attendees(),
                        party.organisation(),
                        party.unit(),
                        actors.current().name(),
                        now);
                audit.record(AuditRecord.created(
                        "listing.booking.requested",
                        "booking",
                        id.toString(),
                        Map.of(
                                "resource",
                                res.id().toString(),
                                "start",
                                r.start().toString(),
                                "end",
                                r.end().toString())));
                return views(List.of(bookings.find(id).orElseThrow())).get(0);
            });
        } catch (DataIntegrityViolationException e) {
            if (exclusion(e)) {
                throw DomainException.conflict(org.gongzhi.shared.Violation.of("start", "listing.booking.slot-taken"));
            }
            throw e;
        }
    }

    /** Approves a requested booking whose slot has not begun (the resource's managers). */
    public BookingView approve(BookingId id, String note) {
        return decide(id, BookingStatus.APPROVED, note, false);
    }

    /** Declines a requested booking, saying why (1–500 characters; the resource's managers). */
    public BookingView decline(BookingId id, String note) {
        return decide(id, BookingStatus.DECLINED, note, true);
    }

    private BookingView decide(BookingId id, BookingStatus to, String note, boolean reasonNeeded) {
        return transaction.execute(status -> {
            BookingStore.Row b = visible(id);
            ResourceRow res = catalogue.manageable(new ResourceId(b.resourceId()));
            if (to == BookingStatus.APPROVED && res.withdrawnAt() != null) {
                throw DomainException.conflict("listing.resource.not-offered");
            }
            Violations v = new Violations();
            String n = Text.checkLine(note, "note", reasonNeeded, 500, v);
            v.throwIfAny();
            requireStatus(b, BookingStatus.REQUESTED);
            Instant now = clock.instant();
            if (to == BookingStatus.APPROVED && !now.isBefore(b.start())) {
                throw DomainException.conflict("listing.booking.started");
            }
            if (!bookings.decide(b.id(), to, actors.current().name(), now, n)) {
                throw DomainException.conflict(
                        "listing.booking.state", b.status().ordinal());
            }
            audit.record(AuditRecord.created(
                    to == BookingStatus.APPROVED ? "listing.booking.approved" : "listing.booking.declined",
                    "booking",
                    id.toString(),
                    Map.of("resource", res.id().toString())));
            return view(b.id());
        });
    }

    /**
     * Cancels a requested or approved booking: its requester until {@link #cancelBefore} before the start, the
     * resource's managers until the start.
     */
    public BookingView cancel(BookingId id, String reason) {
        return transaction.execute(status -> {
            BookingStore.Row b = visible(id);
            boolean manager = mayManage(b);
            boolean requester = actors.current().name().equals(b.requestedBy());
            if (!manager && !requester) {
                throw DomainException.forbidden("scope.outside");
            }
            Violations v = new Violations();
            String n = Text.checkLine(reason, "reason", false, 500, v);
            v.throwIfAny();
            if (b.status() != BookingStatus.REQUESTED && b.status() != BookingStatus.APPROVED) {
                throw DomainException.conflict(
                        "listing.booking.state", b.status().ordinal());
            }
            Instant now = clock.instant();
            if (!now.isBefore(b.start())) {
                throw DomainException.conflict("listing.booking.started");
            }
            if (!manager && now.isAfter(b.start().minus(cancelBefore))) {
                throw DomainException.conflict("listing.booking.cancel-too-late", cancelBefore.toMinutes());
            }
            if (!bookings.cancel(b.id(), b.status(), actors.current().name(), now, n)) {
                throw DomainException.conflict(
                        "listing.booking.state", b.status().ordinal());
            }
            audit.record(AuditRecord.created(
                    "listing.booking.cancelled",
                    "booking",
                    id.toString(),
                    Map.of("by", manager ? "provider" : "requester")));
            return view(b.id());
        });
    }

    /**
     * Records the use of an approved booking once its slot has ended: a rating of 1–5, a comment (up to 2,000
     * characters) and how many came; by its requester or the resource's managers.
     */
    public BookingView feedback(BookingId id, Integer rating, String comment, Integer attended) {
        return transaction.execute(status -> {
            BookingStore.Row b = visible(id);
            if (!mayManage(b) && !actors.current().name().equals(b.requestedBy())) {
                throw DomainException.forbidden("scope.outside");
            }
            Violations v = new Violations();
            if (rating == null || rating < 1 || rating > 5) {
                v.add("rating", "listing.booking.rating");
            }
            String text = Text.checkText(comment, "comment", 2000, v);
            if (attended != null && (attended < 0 || attended > 100_000)) {
                v.add("attended", "listing.booking.capacity", 100_000);
            }
            v.throwIfAny();
            requireStatus(b, BookingStatus.APPROVED);
            Instant now = clock.instant();
            if (now.isBefore(b.end())) {
                throw DomainException.conflict("listing.booking.not-yet-over");
            }
            if (!bookings.used(b.id(), rating, text, attended, now)) {
                throw DomainException.conflict(
                        "listing.booking.state", b.status().ordinal());
            }
            audit.record(AuditRecord.created(
                    "listing.booking.used", "booking", id.toString(), Map.of("rating", String.valueOf(rating))));
            return view(b.id());
        });
    }

    /** One booking, for someone who sees its resource. */
    public BookingView one(BookingId id) {
        return transaction.execute(status -> views(List.of(visible(id))).get(0));
    }

    /** The resource's bookings overlapping {@code [from, to)} (at most 92 days), by start. */
    public List<BookingView> ofResource(ResourceId resource, Instant from, Instant to) {
        window(from, to);
        return transaction.execute(status -> {
            catalogue.visible(resource);
            return views(bookings.ofResource(resource.value(), from, to));
        });
    }

    /** The caller's own requests, latest first (at most 200). */
    public List<BookingView> mine() {
        may.require(ListingPermission.BOOK);
        return transaction.execute(
                status -> views(bookings.requestedBy(actors.current().name(), 200)));
    }

    /**
     * Usage of the resources the caller can see over {@code [from, to)} (at most 366 days), per resource and per
     * booking unit, largest first.
     */
    public Usage usage(Instant from, Instant to) {
        may.require(ListingPermission.READ);
        if (from == null
                || to == null
                || !to.isAfter(from)
                || Duration.between(from, to).toDays() > 366) {
            throw DomainException.invalid(List.of(Violation.of("to", "listing.usage.window", 366)));
        }
        return transaction.execute(status -> {
            var visible = resources.all(ResourceFilter.all().withWithdrawn(), catalogue.reach(), 100_000);
            Map<UUID, String> names = new HashMap<>();
            visible.forEach(r -> names.put(r.id(), r.name()));
            List<BookingStore.Row> rows = bookings.starting(names.keySet(), from, to);
            Map<UUID, String> parties = partyNames(rows);
            Map<UUID, long[]> byResource = new LinkedHashMap<>();
            Map<UUID, double[]> hoursByResource = new HashMap<>();
            Map<UUID, long[]> byUnit = new LinkedHashMap<>();
            Map<UUID, double[]> hoursByUnit = new HashMap<>();
            for (BookingStore.Row b : rows) {
                if (!BookingStatus.HOLDING.contains(b.status())) {
                    continue;
                }
                UUID party = b.forOrganisation() != null ? b.forOrganisation() : b.forUnit();
                count(byResource, hoursByResource, b.resourceId(), b);
                if (party != null) {
                    count(byUnit, hoursByUnit, party, b);
                }
            }
            return new Usage(from, to, lines(byResource, hoursByResource, names), lines(byUnit, hoursByUnit, parties));
        });
    }

    private static void count(Map<UUID, long[]> counts, Map<UUID, double[]> hours, UUID key, BookingStore.Row b) {
        long[] c = counts.computeIfAbsent(key, k -> new long[3]);
        c[0]++;
        if (b.status() == BookingStatus.USED) {
            c[1]++;
            c[2] += b.attended() == null ? 0 : b.attended();
        }
        if (b.status() != BookingStatus.REQUESTED) {
            hours.computeIfAbsent(key, k -> new double[1])[0] +=
                    Duration.between(b.start(), b.end()).toMinutes() / 60.0;
        }
    }

    private static List<Usage.Line> lines(
            Map<UUID, long[]> counts, Map<UUID, double[]> hours, Map<UUID, String> names) {
        List<Usage.Line> out = new ArrayList<>();
        counts.forEach((id, c) ->
                out.add(new Usage.Line(id, names.get(id), c[0], c[1], hours.getOrDefault(id, new double[1])[0], c[2])));
        out.sort(Comparator.comparingDouble(Usage.Line::hours)
                .reversed()
                .thenComparing(Comparator.comparingLong(Usage.Line::bookings).reversed()));
        return out;
    }

    // ---------------------------------------------------------------- inside

    private static void window(Instant from, Instant to) {
        if (from == null
                || to == null
                || !to.isAfter(from)
                || Duration.between(from, to).toDays() > 92) {
            throw DomainException.invalid(List.of(Violation.of("to", "listing.usage.window", 92)));
        }
    }

    /** Who books: the organisation or place named (in the caller's scope), else the caller's own. */
    private record Party(UUID organisation, UUID unit) {}

    private Party party(RequestBooking r, Violations v) {
        var scope = scopes.current();
        if (r.forOrganisationId() != null) {
            OrganisationView o = organisations
                    .organisation(new OrganisationId(r.forOrganisationId()))
                    .orElse(null);
            if (o == null) {
                v.add("forOrganisationId", "listing.provider.unknown");
                return new Party(null, null);
            }
            if (!may.toOrganisation(
                    ListingPermission.BOOK.code(), o.id().value(), o.unitId().value())) {
                throw DomainException.forbidden("scope.outside");
            }
            return new Party(o.id().value(), null);
        }
        if (r.forUnitId() != null) {
            if (territory.unit(new UnitId(r.forUnitId())).isEmpty()) {
                v.add("forUnitId", "listing.booking.unit-unknown");
                return new Party(null, null);
            }
            if (!may.to(ListingPermission.BOOK.code(), r.forUnitId())) {
                throw DomainException.forbidden("scope.outside");
            }
            return new Party(null, r.forUnitId());
        }
        if (!scope.organisations().isEmpty()) {
            return new Party(scope.organisations().iterator().next(), null);
        }
        return new Party(
                null, territory.homeUnit(scope).map(u -> u.id().value()).orElse(null));
    }

    private BookingStore.Row visible(BookingId id) {
        BookingStore.Row b = bookings.find(id.value()).orElseThrow(Bookings::notFound);
        try {
            catalogue.visible(new ResourceId(b.resourceId()));
        } catch (DomainException e) {
            if (e.kind() == ErrorKind.NOT_FOUND && !actors.current().name().equals(b.requestedBy())) {
                throw notFound();
            }
            if (e.kind() != ErrorKind.NOT_FOUND) {
                throw e;
            }
        }
        return b;
    }

    private boolean mayManage(BookingStore.Row b) {
        ResourceRow r = resources.find(b.resourceId()).orElseThrow();
        return catalogue.mayManage(r.providerId(), r.unitId());
    }

    private static void requireStatus(BookingStore.Row b, BookingStatus wanted) {
        if (b.status() != wanted) {
            throw DomainException.conflict("listing.booking.state", b.status().ordinal());
        }
    }

    private static DomainException notFound() {
        return DomainException.notFound("listing.booking.not-found");
    }

    private static DomainException refused(String field, String code, Object... args) {
        return DomainException.unprocessable(field, code, args);
    }

    private static boolean exclusion(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && EXCLUSION_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private BookingView view(UUID id) {
        return views(List.of(bookings.find(id).orElseThrow())).get(0);
    }

    private Map<UUID, String> partyNames(Collection<BookingStore.Row> rows) {
        Map<UUID, String> names = new HashMap<>(organisations.names(rows.stream()
                .map(BookingStore.Row::forOrganisation)
                .filter(Objects::nonNull)
                .distinct()
                .map(OrganisationId::new)
                .toList()));
        territory
                .units(rows.stream()
                        .map(BookingStore.Row::forUnit)
                        .filter(Objects::nonNull)
                        .distinct()
                        .map(UnitId::new)
                        .toList())
                .forEach((k, u) -> names.put(k.value(), u.name()));
        return names;
    }

    private List<BookingView> views(List<BookingStore.Row> rows) {
        Map<UUID, String> parties = partyNames(rows);
        Map<UUID, String> resourceNames = new HashMap<>();
        for (BookingStore.Row b : rows) {
            resourceNames.computeIfAbsent(
                    b.resourceId(),
                    r -> resources.find(r).map(ResourceRow::name).orElse(null));
        }
        return rows.stream()
                .map(b -> new BookingView(
                        new BookingId(b.id()),
                        new ResourceId(b.resourceId()),
                        resourceNames.get(b.resourceId()),
                        b.start(),
                        b.end(),
                        b.status(),
                        b.purpose(),
                        b.attendees(),
                        b.forOrganisation(),
                        b.forOrganisation() == null ? null : parties.get(b.forOrganisation()),
                        b.forUnit(),
                        b.forUnit() == null ? null : parties.get(b.forUnit()),
                        b.requestedBy(),
                        b.requestedAt(),
                        b.decidedBy(),
                        b.decidedAt(),
                        b.note(),
                        b.cancelledBy(),
                        b.cancelledAt(),
                        b.rating(),
                        b.feedback(),
                        b.attended(),
                        b.usedAt(),
                        b.version()))
                .toList();
    }
}
