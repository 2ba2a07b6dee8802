package org.gongzhi.territory.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.shared.DomainException;
import org.gongzhi.territory.UnitKind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a unit, everything below it and the streets and zones of its 街道 as one GeoJSON FeatureCollection — the
 * same format {@link TerritoryImporter} reads, so an export imported again changes nothing.
 */
@Component
public class TerritoryExporter {

    private final UnitRepository units;
    private final OverlayFeatureRepository overlays;

    TerritoryExporter(UnitRepository units, OverlayFeatureRepository overlays) {
        this.units = units;
        this.overlays = overlays;
    }

    @Transactional(readOnly = true)
    public ObjectNode export(String rootCode) {
        GovernanceUnit root = units.findByCode(rootCode)
                .orElseThrow(() -> DomainException.notFound("territory.unit.not-found", rootCode));
        List<GovernanceUnit> all = new ArrayList<>();
        all.add(root);
        Deque<UUID> frontier = new ArrayDeque<>(List.of(root.id()));
        while (!frontier.isEmpty()) {
            List<UUID> batch = new ArrayList<>(frontier);
            frontier.clear();
            for (GovernanceUnit child : units.findByParentIdIn(batch)) {
                all.add(child);
                frontier.add(child.id());
            }
        }
        Map<UUID, String> codes = new HashMap<>();
        all.forEach(u -> codes.put(u.id(), u.code()));
        if (root.parentId() != null) {
            units.findById(root.parentId()).ifPresent(p -> codes.put(p.id(), p.code()));
        }
        all.sort(Comparator.comparing((GovernanceUnit u) -> u.kind().ordinal()).thenComparing(GovernanceUnit::code));

        ObjectNode collection = JsonNodeFactory.instance.objectNode();
        collection.put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (GovernanceUnit u : all) {
            ObjectNode f = feature(features, u.boundary());
            ObjectNode p = (ObjectNode) f.get("properties");
            p.put("kind", u.kind().name());
            p.put("code", u.code());
            p.put("name", u.name());
            if (u.parentId() != null) {
                p.put("parentCode", codes.get(u.parentId()));
            }
            putIfPresent(p, "households", u.households());
            putIfPresent(p, "population", u.population());
            if (u.validFrom() != null) {
                p.put("validFrom", u.validFrom().toString());
            }
            if (u.validTo() != null) {
                p.put("validTo", u.validTo().toString());
            }
            p.put("synthetic", u.synthetic());
            p.put("version", u.version());
            p.put("areaSquareMetres", Math.round(u.areaSquareMetres()));
        }
        Set<UUID> subdistricts = new java.util.HashSet<>();
        all.stream().filter(u -> u.kind() == UnitKind.SUBDISTRICT).forEach(u -> subdistricts.add(u.id()));
        for (OverlayFeature o : overlays.findBySubdistrictIdInOrderByCode(subdistricts)) {
            ObjectNode f = feature(features, o.geometry());
            ObjectNode p = (ObjectNode) f.get("properties");
            p.put("kind", o.kind());
            p.put("code", o.code());
            p.put("name", o.name());
            p.put("subdistrictCode", codes.get(o.subdistrictId()));
            p.put("synthetic", o.synthetic());
            p.put("version", o.version());
            p.put(
                    o.layer() == OverlayFeature.Layer.STREET ? "lengthMetres" : "areaSquareMetres",
                    Math.round(o.measure()));
        }
        return collection;
    }

    private static ObjectNode feature(ArrayNode features, String geometry) {
        ObjectNode f = features.addObject();
        f.put("type", "Feature");
        if (geometry == null) {
            f.putNull("geometry");
        } else {
            f.set("geometry", JsonMapper.shared().readTree(geometry));
        }
        f.putObject("properties");
        return f;
    }

    private static void putIfPresent(ObjectNode p, String field, Integer value) {
        if (value != null) {
            p.put(field, value);
        }
    }
}
