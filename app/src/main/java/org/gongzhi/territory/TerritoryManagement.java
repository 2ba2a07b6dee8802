package org.gongzhi.territory;

import org.gongzhi.platform.Permissions;
import org.gongzhi.shared.DomainException;
import org.gongzhi.territory.domain.TerritoryImporter;
import org.gongzhi.territory.domain.UnitRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Changes to the territory: GeoJSON imports, and single units created or revised through the same checks. */
@Service
public class TerritoryManagement {

    private final TerritoryImporter importer;
    private final UnitRepository units;
    private final Permissions may;

    TerritoryManagement(TerritoryImporter importer, UnitRepository units, Permissions may) {
        this.importer = importer;
        this.units = units;
        this.may = may;
    }

    /** Imports a FeatureCollection all or nothing; refused with every bad feature named. */
    public TerritoryImported importCollection(JsonNode featureCollection) {
        may.require(TerritoryPermission.IMPORT);
        return importer.importCollection(featureCollection);
    }

    /** Registers one unit given as a GeoJSON Feature; its code must be new. */
    @Transactional
    public UnitView register(JsonNode feature) {
        may.require(TerritoryPermission.IMPORT);
        String code = feature.path("properties").path("code").asString("").strip();
        if (!code.isEmpty() && units.findByCode(code).isPresent()) {
            throw DomainException.conflict("territory.code.exists", code);
        }
        importer.importCollection(single(feature));
        return TerritoryQueries.view(units.findByCode(code).orElseThrow());
    }

    /**
     * Revises the unit {@code code} to the given Feature. {@code expectedVersion} is the version the editor saw; if the
     * unit changed since, the edit is refused as a conflict and nothing is written.
     */
    @Transactional
    public UnitView revise(String code, long expectedVersion, JsonNode feature) {
        may.require(TerritoryPermission.REVISE);
        var unit = units.findByCode(code).orElseThrow(() -> DomainException.notFound("territory.unit.not-found", code));
        if (unit.version() != expectedVersion) {
            throw DomainException.conflict("territory.version.stale", code, expectedVersion, unit.version());
        }
        if (!feature.isObject() || !feature.path("properties").isObject()) {
            throw DomainException.invalid("geojson.properties");
        }
        String given = feature.path("properties").path("code").asString(code);
        if (!code.equals(given)) {
            throw DomainException.invalid("territory.code.immutable", code, given);
        }
        ObjectNode copy = (ObjectNode) feature.deepCopy();
        ObjectNode properties = (ObjectNode) copy.get("properties");
        properties.put("code", code);
        properties.put("version", expectedVersion);
        importer.importCollection(single(copy));
        return TerritoryQueries.view(units.findByCode(code).orElseThrow());
    }

    private static ObjectNode single(JsonNode feature) {
        ObjectNode collection = JsonNodeFactory.instance.objectNode();
        collection.put("type", "FeatureCollection");
        collection.putArray("features").add(feature);
        return collection;
    }
}
