package org.gongzhi.territory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gongzhi.shared.DomainException;
import org.gongzhi.territory.domain.GovernanceUnit;
import org.gongzhi.territory.domain.LocateIndex;
import org.gongzhi.territory.domain.OverlayFeature;
import org.gongzhi.territory.domain.OverlayFeatureRepository;
import org.gongzhi.territory.domain.TerritoryExporter;
import org.gongzhi.territory.domain.UnitRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/** Read access to the territory for other modules and the web edge. */
@Service
@Transactional(readOnly = true)
public class TerritoryQueries {

    private final UnitRepository units;
    private final OverlayFeatureRepository overlays;
    private final LocateIndex index;
    private final TerritoryExporter exporter;
    private final Clock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final double nearestStreetMetres;

    TerritoryQueries(
            UnitRepository units,
            OverlayFeatureRepository overlays,
            LocateIndex index,
            TerritoryExporter exporter,
            Clock clock,
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            @org.springframework.beans.factory.annotation.Value("${gongzhi.territory.nearest-street:50}")
                    double nearestStreetMetres) {
        this.nearestStreetMetres = nearestStreetMetres;
        this.units = units;
        this.overlays = overlays;
        this.index = index;
        this.exporter = exporter;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A point inside each unit's boundary ({@code [latitude, longitude]}, WGS84 degrees; JTS's interior point, which
     * lies inside even a U-shaped 社区): where a unit's needs are taken to arise when they name no address. Units
     * without a boundary are left out.
     */
    public java.util.Map<UnitId, double[]> interiorPoints(java.util.Collection<UnitId> ids) {
        java.util.Map<UnitId, double[]> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select id, boundary from territory.unit where id = any(:ids) and boundary is not null")
                .param("ids", ids.stream().map(UnitId::value).toArray(UUID[]::new))
                .query((rs, n) -> {
                    var p = org.gongzhi.territory.domain.StoredGeometry.parse(rs.getString("boundary"))
                            .getInteriorPoint();
                    return out.put(new UnitId(rs.getObject("id", UUID.class)), new double[] {p.getY(), p.getX()});
                })
                .list();
        return out;
    }

    /**
     * Points spread evenly over each unit's area ({@code [latitude, longitude]}, WGS84 degrees): the centres of a square
     * lattice laid over the boundary, about {@code perUnit} of them inside it (at least the interior point): where a
     * unit's residents live, for measuring what they reach. Units without a boundary are left out.
     */
    public java.util.Map<UnitId, List<double[]>> pointsInside(java.util.Collection<UnitId> ids, int perUnit) {
        java.util.Map<UnitId, List<double[]>> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select id, boundary from territory.unit where id = any(:ids) and boundary is not null")
                .param("ids", ids.stream().map(UnitId::value).toArray(UUID[]::new))
                .query((rs, n) -> {
                    var shape = org.gongzhi.territory.domain.StoredGeometry.parse(rs.getString("boundary"));
                    return out.put(new UnitId(rs.getObject("id", UUID.class)), lattice(shape, perUnit));
                })
                .list();
        return out;
    }

    private static List<double[]> lattice(org.locationtech.jts.geom.Geometry shape, int perUnit) {
        var box = shape.getEnvelopeInternal();
        // Degrees, not metres: at 街道 scale the lattice is a little taller than wide, which sampling does not mind.
        double step = Math.sqrt(shape.getArea() / Math.max(1, perUnit));
        var prepared = org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(shape);
        var factory = shape.getFactory();
        List<double[]> points = new java.util.ArrayList<>();
        if (step > 0) {
            for (double y = box.getMinY() + step / 2; y < box.getMaxY(); y += step) {
                for (double x = box.getMinX() + step / 2; x < box.getMaxX(); x += step) {
                    if (prepared.contains(factory.createPoint(new org.locationtech.jts.geom.Coordinate(x, y)))) {
                        points.add(new double[] {y, x});
                    }
                }
            }
        }
        if (points.isEmpty()) {
            var p = shape.getInteriorPoint();
            points.add(new double[] {p.getY(), p.getX()});
        }
        return points;
    }

    /** The columns a {@link UnitView} needs: never the boundary itself, which can be large. */
    private static final String VIEW = "select id, code, kind, name, parent_id, area_square_metres, households,"
            + " population, valid_from, valid_to, synthetic, boundary is not null as has_boundary, version"
            + " from territory.unit";

    private List<UnitView> views(String where, java.util.Map<String, ?> params) {
        return jdbc.sql(VIEW + " " + where)
                .params(params)
                .query(TerritoryQueries::row)
                .list();
    }

    private static UnitView row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        UUID parent = rs.getObject("parent_id", UUID.class);
        return new UnitView(
                new UnitId(rs.getObject("id", UUID.class)),
                rs.getString("code"),
                UnitKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                parent == null ? null : new UnitId(parent),
                rs.getDouble("area_square_metres"),
                (Integer) rs.getObject("households"),
                (Integer) rs.getObject("population"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getBoolean("synthetic"),
                rs.getBoolean("has_boundary"),
                rs.getLong("version"));
    }

    public Optional<UnitView> unit(UnitId id) {
        return views("where id = :id", java.util.Map.of("id", id.value())).stream()
                .findFirst();
    }

    public Optional<UnitView> unitByCode(String code) {
        return views("where code = :code", java.util.Map.of("code", code)).stream()
                .findFirst();
    }

    /** The unit with this code; refused as not found when there is none. */
    public UnitView requireByCode(String code) {
        return unitByCode(code).orElseThrow(() -> DomainException.notFound("territory.unit.not-found", code));
    }

    /** The units directly below the one with {@code parentCode}, or the top-level units when it is {@code null}. */
    public List<UnitView> children(String parentCode) {
        return parentCode == null
                ? views("where parent_id is null order by code", java.util.Map.of())
                : views(
                        "where parent_id = :parent order by code",
                        java.util.Map.of(
                                "parent", requireByCode(parentCode).id().value()));
    }

    /** Every 街道 and 镇, by code, in one query (for filters that offer them all). */
    public List<UnitView> subdistricts() {
        return views("where kind = 'SUBDISTRICT' order by code", java.util.Map.of());
    }

    /** The unit and the units above it, from the top of the hierarchy down. */
    public List<UnitView> lineage(UnitId id) {
        List<UnitView> lineage = new ArrayList<>();
        Optional<UnitView> current = unit(id);
        while (current.isPresent() && lineage.size() < UnitKind.values().length) {
            lineage.add(current.get());
            current = current.get().parentId() == null
                    ? Optional.empty()
                    : unit(current.get().parentId());
        }
        Collections.reverse(lineage);
        return lineage;
    }

    /** Former names of a unit, oldest first. */
    public List<FormerName> formerNames(String code) {
        return units.findByCode(code).stream()
                .flatMap(u -> u.formerNames().stream())
                .map(f -> new FormerName(f.name(), f.usedFrom(), f.usedUntil()))
                .sorted(java.util.Comparator.comparing(FormerName::usedUntil))
                .toList();
    }

    public record FormerName(String name, LocalDate usedFrom, LocalDate usedUntil) {}

    /** The streets and zones a 街道 owns. */
    public List<OverlayView> overlays(String subdistrictCode) {
        UnitView subdistrict = requireByCode(subdistrictCode);
        return overlays
                .findBySubdistrictIdInOrderByCode(List.of(subdistrict.id().value()))
                .stream()
                .map(TerritoryQueries::view)
                .toList();
    }

    private static OverlayView view(OverlayFeature o) {
        return new OverlayView(
                o.code(),
                o.layer() == OverlayFeature.Layer.STREET ? "STREET" : "ZONE",
                o.kind(),
                o.name(),
                o.measure(),
                o.synthetic());
    }

    /** A street ({@code layer} STREET, {@code measure} in metres) or a zone ({@code measure} in m²). */
    public record OverlayView(String code, String layer, String kind, String name, double measure, boolean synthetic) {}

    /**
     * One street or zone by code: the feature, the 街道 that owns it and the 社区 whose boundaries it crosses or
     * overlaps (by their stored boundaries, sorted by code); empty for an unknown code.
     */
    public Optional<OverlayDetail> overlay(String code) {
        return overlays.findByCodeIn(List.of(code)).stream().findFirst().map(o -> {
            UnitView subdistrict = unit(new UnitId(o.subdistrictId())).orElseThrow();
            org.locationtech.jts.geom.Geometry shape = org.gongzhi.territory.domain.StoredGeometry.parse(o.geometry());
            List<UUID> touched = jdbc
                    .sql("select id, boundary from territory.unit"
                            + " where id = any(:below) and kind = 'COMMUNITY' and boundary is not null")
                    .param(
                            "below",
                            subtree(subdistrict.code()).stream()
                                    .map(UnitId::value)
                                    .toArray(UUID[]::new))
                    .query((rs, n) -> java.util.Map.entry(rs.getObject("id", UUID.class), rs.getString("boundary")))
                    .list()
                    .stream()
                    .filter(e -> org.gongzhi.territory.domain.StoredGeometry.parse(e.getValue())
                            .intersects(shape))
                    .map(java.util.Map.Entry::getKey)
                    .toList();
            List<UnitView> communities = touched.isEmpty()
                    ? List.of()
                    : views("where id in (:ids) order by code", java.util.Map.of("ids", touched));
            return new OverlayDetail(view(o), subdistrict, communities);
        });
    }

    /** A street or zone with the 街道 that owns it and the 社区 it lies in (wholly or partly). */
    public record OverlayDetail(OverlayView feature, UnitView subdistrict, List<UnitView> communities) {}

    /** What contains the point today: the unit at each level and every zone; empty outside all of them. */
    public Optional<Location> locate(double latitude, double longitude) {
        return index.locate(latitude, longitude, LocalDate.now(clock));
    }

    /**
     * The 街巷 of {@code subdistrict} ({@code null}: of any 街道) nearest the point (WGS84 degrees) within {@code
     * gongzhi.territory.nearest-street} metres (50 unless configured), if any.
     */
    public Optional<NearbyStreet> nearestStreet(double latitude, double longitude, UnitId subdistrict) {
        return index.nearestStreet(
                        latitude, longitude, nearestStreetMetres, subdistrict == null ? null : subdistrict.value())
                .map(n -> new NearbyStreet(
                        n.street().code(),
                        n.street().name(),
                        n.street().kind(),
                        new UnitId(n.street().subdistrictId()),
                        Math.round(n.metres())));
    }

    /** The street with this code, if any. */
    public Optional<NearbyStreet> street(String code) {
        return jdbc.sql("select code, name, kind, subdistrict_id from territory.overlay_feature"
                        + " where layer = 'STREET' and code = :code")
                .param("code", code)
                .query((rs, n) -> new NearbyStreet(
                        rs.getString("code"),
                        rs.getString("name"),
                        StreetKind.valueOf(rs.getString("kind")),
                        new UnitId(rs.getObject("subdistrict_id", UUID.class)),
                        0))
                .optional();
    }

    /**
     * The units (社区, 小区/院落, 楼栋 …) and 街巷 an address typed in Chinese names, best first, for the operator to
     * confirm: full- and half-width forms, Chinese and Arabic numerals and the generic endings of names (社区, 小区 …)
     * do not matter, and a place whose surroundings are named too ranks higher. Only units within {@code within}
     * ({@code null}: anywhere) and streets of the 街道 in it; at most {@code limit} (1–20). Text of more than 200
     * characters or with control characters is refused (400 naming {@code text}); blank text finds nothing.
     */
    public List<AddressCandidate> addressCandidates(String text, java.util.Set<UnitId> within, int limit) {
        org.gongzhi.shared.Violations v = new org.gongzhi.shared.Violations();
        String checked = org.gongzhi.shared.Text.checkLine(text, "text", false, 200, v);
        v.throwIfAny();
        String t = checked == null ? "" : checked;
        java.util.Set<UUID> ids =
                within == null ? null : within.stream().map(UnitId::value).collect(java.util.stream.Collectors.toSet());
        return index.addresses(t, ids, Math.max(1, Math.min(20, limit)), LocalDate.now(clock)).stream()
                .map(h -> {
                    List<String> path =
                            h.above().stream().map(LocateIndex.UnitHit::name).toList();
                    if (h.street() != null) {
                        String subdistrict = h.above().isEmpty()
                                ? null
                                : h.above().get(h.above().size() - 1).code();
                        return new AddressCandidate(
                                h.street().code(),
                                h.street().name(),
                                h.street().kind().name(),
                                path,
                                subdistrict,
                                h.street().code(),
                                h.score());
                    }
                    return new AddressCandidate(
                            h.unit().code(),
                            h.unit().name(),
                            h.unit().kind().name(),
                            path,
                            h.unit().code(),
                            null,
                            h.score());
                })
                .toList();
    }

    /** The unit, its descendants and its 街道's streets and zones as a GeoJSON FeatureCollection. */
    public ObjectNode export(String rootCode) {
        return exporter.export(rootCode);
    }

    /** The unit with this code and every unit below it. */
    public java.util.Set<UnitId> subtree(String code) {
        UnitView root = requireByCode(code);
        return new java.util.HashSet<>(jdbc.sql("with recursive below(id) as (select cast(:root as uuid)"
                        + " union all select u.id from territory.unit u join below b on u.parent_id = b.id)"
                        + " select id from below")
                .param("root", root.id().value())
                .query((rs, n) -> new UnitId(rs.getObject("id", UUID.class)))
                .list());
    }

    /** Several units at once, by id; unknown ids are left out. */
    public java.util.Map<UnitId, UnitView> units(java.util.Collection<UnitId> ids) {
        java.util.Map<UnitId, UnitView> found = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            views(
                            "where id in (:ids)",
                            java.util.Map.of(
                                    "ids", ids.stream().map(UnitId::value).toList()))
                    .forEach(u -> found.put(u.id(), u));
        }
        return found;
    }

    /**
     * Units whose name contains {@code text} (compared in NFKC lower case, so full- and half-width forms match), of the
     * given kinds (all when empty) and within {@code within} ({@code null}: anywhere): names that start with the text
     * first, then shorter names; at most {@code limit} (1–50).
     */
    public List<UnitChoice> search(
            String text, java.util.Set<UnitKind> kinds, java.util.Set<UnitId> within, int limit) {
        String key = org.gongzhi.shared.Text.key(org.gongzhi.shared.Text.stripToNull(text));
        StringBuilder sql = new StringBuilder("select u.code, u.name, u.kind, p.name as parent_name"
                + " from territory.unit u left join territory.unit p on p.id = u.parent_id where true");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (key != null) {
            sql.append(" and strpos(lower(normalize(u.name, NFKC)), :key) > 0");
            params.put("key", key);
        }
        if (!kinds.isEmpty()) {
            sql.append(" and u.kind in (:kinds)");
            params.put("kinds", kinds.stream().map(Enum::name).toList());
        }
        if (within != null) {
            sql.append(" and u.id = any(:within)");
            params.put("within", within.stream().map(UnitId::value).toArray(UUID[]::new));
        }
        sql.append(key == null ? " order by" : " order by strpos(lower(normalize(u.name, NFKC)), :key) <> 1,");
        sql.append(" length(u.name), u.code limit :limit");
        params.put("limit", Math.max(1, Math.min(50, limit)));
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new UnitChoice(
                        rs.getString("code"),
                        rs.getString("name"),
                        UnitKind.valueOf(rs.getString("kind")),
                        rs.getString("parent_name")))
                .list();
    }

    /** Counts of units by kind, for overviews. */
    public long count(UnitKind kind) {
        return units.countByKind(kind);
    }

    /**
     * Every unit an access scope reaches: its units and everything below them; {@code null} when the scope is the whole
     * installation.
     */
    public java.util.Set<UnitId> within(org.gongzhi.platform.AccessScope scope) {
        if (scope.everything()) {
            return null;
        }
        if (scope.units().isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("with recursive below(id) as (select id from territory.unit"
                        + " where id = any(:roots) union select u.id from territory.unit u join below b"
                        + " on u.parent_id = b.id) select id from below")
                .param("roots", scope.units().toArray(UUID[]::new))
                .query((rs, n) -> new UnitId(rs.getObject("id", UUID.class)))
                .list());
    }

    /** How many units of a kind lie in {@code within} ({@code null}: everywhere). */
    public long count(UnitKind kind, java.util.Set<UnitId> within) {
        if (within == null) {
            return count(kind);
        }
        return jdbc.sql("select count(*) from territory.unit where kind = :kind and id = any(:ids)")
                .param("kind", kind.name())
                .param("ids", within.stream().map(UnitId::value).toArray(UUID[]::new))
                .query(Long.class)
                .single();
    }

    /** The people living in {@code within} ({@code null}: everywhere), as the 社区 record them. */
    public long population(java.util.Set<UnitId> within) {
        return jdbc.sql("select coalesce(sum(population), 0) from territory.unit where kind = 'COMMUNITY'"
                        + (within == null ? "" : " and id = any(:ids)"))
                .params(
                        within == null
                                ? java.util.Map.of()
                                : java.util.Map.of(
                                        "ids",
                                        within.stream().map(UnitId::value).toArray(UUID[]::new)))
                .query(Long.class)
                .single();
    }

    /** A person's home unit and every unit within their scope, for lists that open on their own area. */
    public record HomeArea(UnitView unit, java.util.Set<UnitId> within) {

        /** Whether the unit (by id; {@code null}: none) lies in the area. */
        public boolean covers(UUID unitId) {
            return unitId != null && within.contains(new UnitId(unitId));
        }
    }

    /** The area a person works in, with everything in their scope; empty where {@link #homeUnit} is. */
    public Optional<HomeArea> homeArea(org.gongzhi.platform.AccessScope scope) {
        return homeUnit(scope).map(u -> new HomeArea(u, within(scope)));
    }

    /**
     * The area a person works in, for pages to open on: the highest of the scope's units (the 街道 for a street
     * administrator, the 社区 for a community worker); empty for an installation-wide scope or one of organisations only.
     */
    public Optional<UnitView> homeUnit(org.gongzhi.platform.AccessScope scope) {
        if (scope.everything() || scope.units().isEmpty()) {
            return Optional.empty();
        }
        return units(scope.units().stream().map(UnitId::new).toList()).values().stream()
                .min(java.util.Comparator.comparing(UnitView::kind).thenComparing(UnitView::code));
    }

    static UnitView view(GovernanceUnit u) {
        return new UnitView(
                new UnitId(u.id()),
                u.code(),
                u.kind(),
                u.name(),
                u.parentId() == null ? null : new UnitId(u.parentId()),
                u.areaSquareMetres(),
                u.households(),
                u.population(),
                u.validFrom(),
                u.validTo(),
                u.synthetic(),
                u.boundary() != null,
                u.version());
    }
}
