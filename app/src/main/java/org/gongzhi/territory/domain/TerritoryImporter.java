package org.gongzhi.territory.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.shared.Label;
import org.gongzhi.shared.Violations;
import org.gongzhi.territory.TerritoryImported;
import org.gongzhi.territory.TerritoryScope;
import org.gongzhi.territory.UnitKind;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Imports a GeoJSON FeatureCollection of units, streets and zones, all or nothing. Every feature is checked — shape,
 * codes, parents, cycles, kinds, boundaries inside their parent and not overlapping their siblings — against the file
 * and the stored territory together; any violation refuses the whole file and names every feature at fault.
 */
@Service
public class TerritoryImporter {

    /** Shares of area below which two polygons are treated as touching only (floating-point noise at shared edges). */
    private static final double TOLERANCE = 1e-6;

    private final UnitRepository units;
    private final OverlayFeatureRepository overlays;
    private final TerritoryRevision revision;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final TerritoryScope scope;
    private final Clock clock;

    TerritoryImporter(
            UnitRepository units,
            OverlayFeatureRepository overlays,
            TerritoryRevision revision,
            ApplicationEventPublisher events,
            AuditTrail audit,
            TerritoryScope scope,
            Clock clock) {
        this.units = units;
        this.overlays = overlays;
        this.revision = revision;
        this.events = events;
        this.audit = audit;
        this.scope = scope;
        this.clock = clock;
    }

    @Transactional
    public TerritoryImported importCollection(JsonNode root) {
        Violations violations = new Violations();
        List<FeatureInput> inputs = read(root, violations);
        // Features that could be read are checked further even when others could not: every problem is named at once.
        Plan plan = new Plan(inputs, violations);
        violations.throwIfAnyInBatch("territory.import.invalid");
        plan.requireScope();
        TerritoryImported outcome = plan.apply();
        audit.recordAll(plan.changes);
        if (outcome.created() + outcome.updated() > 0) {
            revision.bump();
        }
        events.publishEvent(outcome);
        return outcome;
    }

    private static List<FeatureInput> read(JsonNode root, Violations violations) {
        if (root == null
                || !root.isObject()
                || !"FeatureCollection".equals(root.path("type").asString(""))) {
            violations.add("type", "geojson.collection-type");
            return List.of();
        }
        GeoJson.checkCrs(root, violations);
        JsonNode features = root.path("features");
        if (!features.isArray() || features.isEmpty()) {
            violations.add("features", "geojson.features");
            return List.of();
        }
        List<FeatureInput> inputs = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < features.size(); i++) {
            FeatureInput input = FeatureInput.read(i, features.get(i), violations);
            if (input == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(input.code(), i);
            if (first != null) {
                violations.add(input.at("properties.code"), "territory.code.duplicate-in-file", input.code(), first);
            } else {
                inputs.add(input);
            }
        }
        return inputs;
    }

    /** A unit as the territory would be after the import: stored, replaced by the file, or new from the file. */
    private record Node(UUID id, String code, UnitKind kind, UUID parentId, Geometry geometry, FeatureInput input) {}

    private final class Plan {
        private final LocalDate today = LocalDate.now(clock);
        private final Map<String, FeatureInput> fileUnits = new LinkedHashMap<>();
        private final List<FeatureInput> fileOverlays = new ArrayList<>();
        private final Map<String, GovernanceUnit> stored = new HashMap<>();
        private final Map<String, OverlayFeature> storedOverlays = new HashMap<>();
        private final Map<String, Node> nodes = new HashMap<>();
        private final List<AuditRecord> changes = new ArrayList<>();
        private final Violations violations;

        Plan(List<FeatureInput> inputs, Violations violations) {
            this.violations = violations;
            Set<String> referenced = new HashSet<>();
            for (FeatureInput in : inputs) {
                if (in.isUnit()) {
                    fileUnits.put(in.code(), in);
                } else {
                    fileOverlays.add(in);
                }
                referenced.add(in.code());
                if (in.parentCode() != null) {
                    referenced.add(in.parentCode());
                }
                if (in.subdistrictCode() != null) {
                    referenced.add(in.subdistrictCode());
                }
            }
            units.findByCodeIn(referenced).forEach(u -> stored.put(u.code(), u));
            overlays.findByCodeIn(referenced).forEach(o -> storedOverlays.put(o.code(), o));
            checkUnits();
            if (violations.isEmpty()) {
                checkBoundaries();
            }
            checkOverlays();
        }

        private void checkUnits() {
            for (FeatureInput in : fileUnits.values()) {
                GovernanceUnit existing = stored.get(in.code());
                if (existing != null && existing.kind() != in.unitKind()) {
                    violations.add(
                            in.at("properties.kind"),
                            "territory.kind-change",
                            in.code(),
                            Label.of("territory.kind.", existing.kind()),
                            Label.of("territory.kind.", in.unitKind()));
                    continue;
                }
                if (existing != null && in.version() != null && !in.version().equals(existing.version())) {
                    violations.add(
                            in.at("properties.version"),
                            "territory.version.stale",
                            in.code(),
                            in.version(),
                            existing.version());
                }
                nodes.put(
                        in.code(),
                        new Node(
                                existing == null ? UUID.randomUUID() : existing.id(),
                                in.code(),
                                in.unitKind(),
                                null,
                                in.geometry(),
                                in));
            }
            for (FeatureInput in : fileUnits.values()) {
                Node node = nodes.get(in.code());
                if (node == null) {
                    continue;
                }
                if (in.unitKind() == UnitKind.DISTRICT) {
                    if (in.parentCode() != null) {
                        violations.add(in.at("properties.parentCode"), "territory.parent.not-allowed", in.code());
                    }
                    checkCode(in, null);
                    continue;
                }
                if (inCycle(in)) {
                    violations.add(in.at("properties.parentCode"), "territory.parent.cycle", in.code());
                    continue;
                }
                UUID parentId;
                UnitKind parentKind;
                Node fileParent = nodes.get(in.parentCode());
                GovernanceUnit storedParent = stored.get(in.parentCode());
                if (fileParent != null) {
                    parentId = fileParent.id();
                    parentKind = fileParent.kind();
                } else if (storedParent != null && !fileUnits.containsKey(in.parentCode())) {
                    parentId = storedParent.id();
                    parentKind = storedParent.kind();
                } else {
                    violations.add(in.at("properties.parentCode"), "territory.parent.unknown", in.parentCode());
                    continue;
                }
                if (!in.unitKind().allowedParents().contains(parentKind)) {
                    violations.add(
                            in.at("properties.parentCode"),
                            "territory.parent.kind",
                            Label.of("territory.kind.", in.unitKind()),
                            Label.of("territory.kind.", parentKind),
                            in.parentCode());
                    continue;
                }
                nodes.put(in.code(), new Node(node.id(), in.code(), in.unitKind(), parentId, in.geometry(), in));
                checkCode(in, in.parentCode());
            }
        }

        private void checkCode(FeatureInput in, String parentCode) {
            var problem = TerritoryCodes.problem(in.at("properties.code"), in.unitKind(), in.code(), parentCode);
            if (problem != null) {
                violations.addAll(List.of(problem));
            }
        }

        /** Whether following parents inside the file leads back to {@code start}. */
        private boolean inCycle(FeatureInput start) {
            Set<String> visited = new HashSet<>();
            FeatureInput current = start;
            while (current != null && current.parentCode() != null) {
                if (current.parentCode().equals(start.code())) {
                    return true;
                }
                if (!visited.add(current.code())) {
                    return false;
                }
                current = fileUnits.get(current.parentCode());
            }
            return false;
        }

        private void checkBoundaries() {
            Set<UUID> parents = new HashSet<>();
            boolean topLevel = false;
            for (Node n : nodes.values()) {
                if (n.parentId() == null) {
                    topLevel = true;
                } else {
                    parents.add(n.parentId());
                }
                parents.add(n.id());
            }
            Map<UUID, Node> byId = new HashMap<>();
            nodes.values().forEach(n -> byId.put(n.id(), n));
            List<GovernanceUnit> around = new ArrayList<>(units.findByParentIdIn(parents));
            if (topLevel) {
                around.addAll(units.findByParentIdIsNullOrderByCode());
            }
            Set<UUID> parentIdsNeeded = new HashSet<>();
            nodes.values().forEach(n -> {
                if (n.parentId() != null && !byId.containsKey(n.parentId())) {
                    parentIdsNeeded.add(n.parentId());
                }
            });
            units.findAllById(parentIdsNeeded).forEach(around::add);
            Map<UUID, Node> effective = new HashMap<>();
            for (GovernanceUnit u : around) {
                effective.put(
                        u.id(), new Node(u.id(), u.code(), u.kind(), u.parentId(), storedGeometry(u.boundary()), null));
            }
            effective.putAll(byId);

            Map<UUID, List<Node>> children = new HashMap<>();
            for (Node n : effective.values()) {
                children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n);
            }
            for (Node n : byId.values()) {
                Node parent = n.parentId() == null ? null : effective.get(n.parentId());
                if (n.geometry() != null && parent != null && parent.geometry() != null) {
                    if (!within(n.geometry(), parent.geometry())) {
                        violations.add(
                                n.input().at("geometry"), "territory.boundary.outside-parent", n.code(), parent.code());
                    }
                }
                if (n.geometry() != null) {
                    for (Node child : children.getOrDefault(n.id(), List.of())) {
                        if (child.input() == null
                                && child.geometry() != null
                                && !within(child.geometry(), n.geometry())) {
                            violations.add(
                                    n.input().at("geometry"),
                                    "territory.boundary.excludes-child",
                                    n.code(),
                                    child.code());
                        }
                    }
                }
            }
            Set<UUID> touchedParents = new HashSet<>();
            byId.values().forEach(n -> touchedParents.add(n.parentId()));
            for (UUID parent : touchedParents) {
                checkSiblings(children.getOrDefault(parent, List.of()));
            }
        }

        private void checkSiblings(List<Node> siblings) {
            STRtree tree = new STRtree();
            List<Node> withGeometry =
                    siblings.stream().filter(s -> s.geometry() != null).toList();
            withGeometry.forEach(s -> tree.insert(s.geometry().getEnvelopeInternal(), s));
            Set<String> reported = new HashSet<>();
            for (Node a : withGeometry) {
                if (a.input() == null) {
                    continue;
                }
                for (Object o : tree.query(a.geometry().getEnvelopeInternal())) {
                    Node b = (Node) o;
                    if (b == a || b.code().equals(a.code())) {
                        continue;
                    }
                    String pair =
                            a.code().compareTo(b.code()) < 0 ? a.code() + "|" + b.code() : b.code() + "|" + a.code();
                    if (!reported.contains(pair) && overlaps(a.geometry(), b.geometry())) {
                        reported.add(pair);
                        violations.add(a.input().at("geometry"), "territory.boundary.overlap", a.code(), b.code());
                    }
                }
            }
        }

        private void checkOverlays() {
            for (FeatureInput in : fileOverlays) {
                OverlayFeature existing = storedOverlays.get(in.code());
                OverlayFeature.Layer layer = in.isStreet() ? OverlayFeature.Layer.STREET : OverlayFeature.Layer.ZONE;
                if (existing != null && existing.layer() != layer) {
                    violations.add(
                            in.at("properties.kind"),
                            "territory.kind-change",
                            in.code(),
                            new Label("territory.kind." + existing.kind(), existing.kind()),
                            new Label("territory.kind." + in.kindName(), in.kindName()));
                    continue;
                }
                if (existing != null && in.version() != null && !in.version().equals(existing.version())) {
                    violations.add(
                            in.at("properties.version"),
                            "territory.version.stale",
                            in.code(),
                            in.version(),
                            existing.version());
                }
                var problem = in.isStreet()
                        ? TerritoryCodes.streetProblem(in.at("properties.code"), in.code(), in.subdistrictCode())
                        : TerritoryCodes.zoneProblem(in.at("properties.code"), in.code(), in.subdistrictCode());
                if (problem != null) {
                    violations.addAll(List.of(problem));
                }
                Geometry subdistrictArea = subdistrictGeometry(in);
                if (subdistrictArea != null && !subdistrictArea.intersects(in.geometry())) {
                    violations.add(in.at("geometry"), "territory.overlay.outside", in.code(), in.subdistrictCode());
                }
            }
        }

        private Geometry subdistrictGeometry(FeatureInput in) {
            FeatureInput fileSubdistrict = fileUnits.get(in.subdistrictCode());
            GovernanceUnit storedSubdistrict = stored.get(in.subdistrictCode());
            UnitKind kind = fileSubdistrict != null
                    ? fileSubdistrict.unitKind()
                    : storedSubdistrict != null ? storedSubdistrict.kind() : null;
            if (kind != UnitKind.SUBDISTRICT) {
                violations.add(
                        in.at("properties.subdistrictCode"), "territory.subdistrict.unknown", in.subdistrictCode());
                return null;
            }
            return fileSubdistrict != null ? fileSubdistrict.geometry() : storedGeometry(storedSubdistrict.boundary());
        }

        /**
         * Every unit changed must lie in the acting person's scope, and every new unit must hang under one that does;
         * otherwise nothing is written and nothing is named.
         */
        void requireScope() {
            TerritoryScope.Check check = scope.check();
            java.util.Set<UUID> inFile = new HashSet<>();
            nodes.values().forEach(n -> inFile.add(n.id()));
            for (Node n : nodes.values()) {
                GovernanceUnit existing = stored.get(n.code());
                if (existing != null) {
                    check.require(existing.id());
                }
                if (n.parentId() == null) {
                    if (existing == null || existing.parentId() != null) {
                        check.requireEverything();
                    }
                } else if (!inFile.contains(n.parentId())) {
                    check.require(n.parentId());
                }
            }
            for (FeatureInput in : fileOverlays) {
                GovernanceUnit subdistrict = stored.get(in.subdistrictCode());
                if (subdistrict != null) {
                    check.require(subdistrict.id());
                }
            }
        }

        TerritoryImported apply() {
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            List<Node> ordered = nodes.values().stream()
                    .sorted(Comparator.comparing((Node n) -> n.kind().ordinal()).thenComparing(Node::code))
                    .toList();
            for (Node n : ordered) {
                FeatureInput in = n.input();
                UnitAttributes attributes = new UnitAttributes(
                        in.name(),
                        in.geometry() == null
                                ? null
                                : GeoJson.write(in.geometry()).toString(),
                        in.geometry() == null ? 0 : Earth.area(in.geometry()),
                        in.households(),
                        in.population(),
                        in.validFrom(),
                        in.validTo(),
                        in.synthetic());
                GovernanceUnit existing = stored.get(n.code());
                if (existing == null) {
                    GovernanceUnit unit = units.save(
                            GovernanceUnit.register(n.id(), n.code(), n.kind(), n.parentId(), attributes, today));
                    changes.add(AuditRecord.created("territory.unit.created", "unit", n.code(), unit.summary()));
                    created++;
                } else {
                    var before = existing.summary();
                    if (!existing.revise(n.kind(), n.parentId(), attributes, today)) {
                        unchanged++;
                        continue;
                    }
                    units.save(existing);
                    changes.add(
                            new AuditRecord("territory.unit.revised", "unit", n.code(), before, existing.summary()));
                    updated++;
                }
            }
            for (FeatureInput in : fileOverlays) {
                UUID subdistrict = Objects.requireNonNull(
                        nodes.containsKey(in.subdistrictCode())
                                ? nodes.get(in.subdistrictCode()).id()
                                : stored.get(in.subdistrictCode()).id());
                boolean street = in.isStreet();
                String geometry = GeoJson.write(in.geometry()).toString();
                double measure = street ? Earth.length(in.geometry()) : Earth.area(in.geometry());
                OverlayFeature existing = storedOverlays.get(in.code());
                if (existing == null) {
                    OverlayFeature feature = overlays.save(OverlayFeature.create(
                            in.code(),
                            street ? OverlayFeature.Layer.STREET : OverlayFeature.Layer.ZONE,
                            in.kindName(),
                            in.name(),
                            subdistrict,
                            geometry,
                            measure,
                            in.synthetic()));
                    changes.add(
                            AuditRecord.created("territory.feature.created", "feature", in.code(), feature.summary()));
                    created++;
                } else {
                    var before = existing.summary();
                    if (existing.revise(in.kindName(), in.name(), subdistrict, geometry, measure, in.synthetic())) {
                        overlays.save(existing);
                        changes.add(new AuditRecord(
                                "territory.feature.revised", "feature", in.code(), before, existing.summary()));
                        updated++;
                    } else {
                        unchanged++;
                    }
                }
            }
            return new TerritoryImported(created, updated, unchanged);
        }
    }

    static Geometry storedGeometry(String boundary) {
        return boundary == null ? null : StoredGeometry.parse(boundary);
    }

    static boolean within(Geometry child, Geometry parent) {
        return parent.covers(child) || child.difference(parent).getArea() <= child.getArea() * TOLERANCE;
    }

    static boolean overlaps(Geometry a, Geometry b) {
        if (!a.intersects(b)) {
            return false;
        }
        return a.intersection(b).getArea() > Math.min(a.getArea(), b.getArea()) * TOLERANCE;
    }
}
