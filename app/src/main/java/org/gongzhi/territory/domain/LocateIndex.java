package org.gongzhi.territory.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gongzhi.territory.Location;
import org.gongzhi.territory.StreetKind;
import org.gongzhi.territory.TerritoryImported;
import org.gongzhi.territory.UnitId;
import org.gongzhi.territory.UnitKind;
import org.gongzhi.territory.ZoneKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Answers {@code locate} from memory. The index is rebuilt when the territory's revision moves: at once on the node
 * that committed the change, and within {@code gongzhi.territory.revision-check} on every other node.
 */
@Component
public class LocateIndex {

    private final JdbcClient jdbc;
    private final TerritoryRevision revision;
    private final long checkEveryNanos;
    private volatile Snapshot snapshot;

    LocateIndex(
            JdbcClient jdbc,
            TerritoryRevision revision,
            @Value("${gongzhi.territory.revision-check:PT2S}") Duration checkEvery) {
        this.jdbc = jdbc;
        this.revision = revision;
        this.checkEveryNanos = checkEvery.toNanos();
    }

    /** A unit as the index holds it. */
    public record UnitHit(
            UUID id, String code, String name, UnitKind kind, UUID parentId, LocalDate validFrom, LocalDate validTo) {
        boolean validOn(LocalDate day) {
            return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
        }

        Location.Ref ref() {
            return new Location.Ref(new UnitId(id), code, name);
        }
    }

    private record Snapshot(
            long revision,
            long checkedAt,
            SpatialIndex<UnitHit> units,
            Map<UUID, UnitHit> all,
            SpatialIndex<Location.ZoneRef> zones,
            StreetLines<StreetHit> streets,
            Map<UUID, StreetHit> streetsById,
            AddressIndex addresses) {}

    /** A 街巷 as the index holds it. */
    public record StreetHit(UUID id, String code, String name, StreetKind kind, UUID subdistrictId) {}

    /** A unit or street an address names, with the units above it (the 街道 first) and its score. */
    public record AddressHit(UnitHit unit, StreetHit street, List<UnitHit> above, double score) {}

    /**
     * What contains the point. Every level of the answer comes from one chain of parents: the deepest unit whose
     * boundary contains the point is chosen — on a boundary shared by several units of that depth, the one with the
     * smallest code (boundaries include their edges, so a point on a shared edge lies in both) — and the levels
     * above it are its parent, its parent's parent and so on, never a unit of another branch that happens to
     * contain the point too.
     */
    public Optional<Location> locate(double lat, double lng, LocalDate today) {
        Snapshot s = current();
        Location.Ref[] level = new Location.Ref[UnitKind.values().length];
        UnitHit[] deepest = new UnitHit[1];
        s.units().forEachContaining(lat, lng, hit -> {
            if (hit.validOn(today) && deeper(hit, deepest[0])) {
                deepest[0] = hit;
            }
        });
        for (UnitHit up = deepest[0];
                up != null;
                up = up.parentId() == null ? null : s.all().get(up.parentId())) {
            level[up.kind().ordinal()] = up.ref();
        }
        List<Location.ZoneRef> zones = s.zones().containing(lat, lng);
        boolean any = zones.size() > 0;
        for (Location.Ref r : level) {
            any |= r != null;
        }
        if (!any) {
            return Optional.empty();
        }
        return Optional.of(new Location(
                lat,
                lng,
                level[UnitKind.DISTRICT.ordinal()],
                level[UnitKind.SUBDISTRICT.ordinal()],
                level[UnitKind.BLOCK.ordinal()],
                level[UnitKind.COMMUNITY.ordinal()],
                level[UnitKind.GRID.ordinal()],
                level[UnitKind.COMPOUND.ordinal()],
                level[UnitKind.BUILDING.ordinal()],
                zones));
    }

    /** Whether {@code hit} should answer instead of {@code best}: deeper, or as deep with a smaller code. */
    private static boolean deeper(UnitHit hit, UnitHit best) {
        if (best == null) {
            return true;
        }
        int depth = Integer.compare(hit.kind().ordinal(), best.kind().ordinal());
        return depth > 0 || (depth == 0 && hit.code().compareTo(best.code()) < 0);
    }

    @TransactionalEventListener
    void on(TerritoryImported imported) {
        if (imported.created() + imported.updated() > 0) {
            snapshot = null;
        }
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s != null && now - s.checkedAt() < checkEveryNanos) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            if (s != null && System.nanoTime() - s.checkedAt() < checkEveryNanos) {
                return s;
            }
            long seen = revision.current();
            if (s != null && s.revision() == seen) {
                s = new Snapshot(
                        seen,
                        System.nanoTime(),
                        s.units(),
                        s.all(),
                        s.zones(),
                        s.streets(),
                        s.streetsById(),
                        s.addresses());
            } else {
                s = build(seen);
            }
            snapshot = s;
            return s;
        }
    }

    private Snapshot build(long seen) {
        Map<UUID, UnitHit> all = new HashMap<>();
        List<SpatialIndex.Entry<UnitHit>> units = new ArrayList<>();
        jdbc.sql("select id, code, name, kind, parent_id, valid_from, valid_to, boundary from territory.unit")
                .query(rs -> {
                    UnitHit hit = new UnitHit(
                            rs.getObject("id", UUID.class),
                            rs.getString("code"),
                            rs.getString("name"),
                            UnitKind.valueOf(rs.getString("kind")),
                            rs.getObject("parent_id", UUID.class),
                            rs.getObject("valid_from", LocalDate.class),
                            rs.getObject("valid_to", LocalDate.class));
                    all.put(hit.id(), hit);
                    String boundary = rs.getString("boundary");
                    if (boundary != null) {
                        units.add(new SpatialIndex.Entry<>(StoredGeometry.parse(boundary), hit));
                    }
                });
        List<SpatialIndex.Entry<Location.ZoneRef>> zones = jdbc.sql(
                        "select code, kind, name, geometry from territory.overlay_feature where layer = 'ZONE'")
                .query((rs, n) -> new SpatialIndex.Entry<>(
                        StoredGeometry.parse(rs.getString("geometry")),
                        new Location.ZoneRef(
                                rs.getString("code"), ZoneKind.valueOf(rs.getString("kind")), rs.getString("name"))))
                .list();
        List<SpatialIndex.Entry<StreetHit>> streets = jdbc.sql("select id, code, kind, name, subdistrict_id, geometry"
                        + " from territory.overlay_feature where layer = 'STREET'")
                .query((rs, n) -> new SpatialIndex.Entry<>(
                        StoredGeometry.parse(rs.getString("geometry")),
                        new StreetHit(
                                rs.getObject("id", UUID.class),
                                rs.getString("code"),
                                rs.getString("name"),
                                StreetKind.valueOf(rs.getString("kind")),
                                rs.getObject("subdistrict_id", UUID.class))))
                .list();
        Map<UUID, StreetHit> streetsById = new HashMap<>();
        List<AddressIndex.Entry> names = new ArrayList<>();
        for (UnitHit u : all.values()) {
            if (u.kind() != UnitKind.DISTRICT) {
                names.add(new AddressIndex.Entry(u.id(), u.name(), u.kind().ordinal(), u.parentId()));
            }
        }
        for (SpatialIndex.Entry<StreetHit> e : streets) {
            StreetHit street = e.value();
            streetsById.put(street.id(), street);
            names.add(new AddressIndex.Entry(
                    street.id(), street.name(), UnitKind.COMMUNITY.ordinal(), street.subdistrictId()));
        }
        return new Snapshot(
                seen,
                System.nanoTime(),
                SpatialIndex.of(units),
                Map.copyOf(all),
                SpatialIndex.of(zones),
                StreetLines.of(streets),
                Map.copyOf(streetsById),
                new AddressIndex(names));
    }

    /** The 街巷 nearest the point within {@code maxMetres}, with its distance in metres. */
    public Optional<StreetLines.Nearest<StreetHit>> nearestStreet(
            double lat, double lng, double maxMetres, UUID subdistrict) {
        return current()
                .streets()
                .nearest(
                        lat,
                        lng,
                        maxMetres,
                        s -> subdistrict == null || s.subdistrictId().equals(subdistrict));
    }

    /**
     * The units valid on {@code today} and the streets an address names, best first; only units and streets whose
     * 街道 (for a street) or which themselves (for a unit) {@code within} holds, unless it is null. At most
     * {@code limit}.
     */
    public List<AddressHit> addresses(String text, java.util.Set<UUID> within, int limit, LocalDate today) {
        Snapshot s = current();
        List<AddressHit> hits = new ArrayList<>();
        for (AddressIndex.Match m : s.addresses()
                .find(
                        text,
                        e -> {
                            StreetHit street = s.streetsById().get(e.id());
                            if (street != null) {
                                return within == null || within.contains(street.subdistrictId());
                            }
                            UnitHit unit = s.all().get(e.id());
                            return unit.validOn(today) && (within == null || within.contains(unit.id()));
                        },
                        limit)) {
            StreetHit street = s.streetsById().get(m.entry().id());
            UnitHit unit = street == null ? s.all().get(m.entry().id()) : null;
            List<UnitHit> above = new ArrayList<>();
            UUID up = street != null ? street.subdistrictId() : unit.parentId();
            for (UnitHit u = up == null ? null : s.all().get(up);
                    u != null;
                    u = u.parentId() == null ? null : s.all().get(u.parentId())) {
                if (u.kind() != UnitKind.DISTRICT) {
                    above.add(0, u);
                }
            }
            hits.add(new AddressHit(unit, street, List.copyOf(above), m.score()));
        }
        return hits;
    }
}
