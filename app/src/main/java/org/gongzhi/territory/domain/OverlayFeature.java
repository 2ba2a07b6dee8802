package org.gongzhi.territory.domain;

import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A feature laid over the hierarchy and owned by a 街道: a 街巷 (line; {@code kind} is a {@link
 * org.gongzhi.territory.StreetKind}) or a zone (polygon; a {@link org.gongzhi.territory.ZoneKind}). {@code measure} is
 * the length in metres for a street and the area in square metres for a zone.
 */
@Table(schema = "territory", name = "overlay_feature")
public class OverlayFeature {

    @Id
    private final UUID id;

    private final String code;
    private final Layer layer;
    private String kind;
    private String name;
    private UUID subdistrictId;
    private String geometry;
    private double measure;
    private boolean synthetic;

    @Version
    private Long version;

    public enum Layer {
        STREET,
        ZONE
    }

    @PersistenceCreator
    OverlayFeature(
            UUID id,
            String code,
            Layer layer,
            String kind,
            String name,
            UUID subdistrictId,
            String geometry,
            double measure,
            boolean synthetic,
            Long version) {
        this.id = id;
        this.code = code;
        this.layer = layer;
        this.kind = kind;
        this.name = name;
        this.subdistrictId = subdistrictId;
        this.geometry = geometry;
        this.measure = measure;
        this.synthetic = synthetic;
        this.version = version;
    }

    public static OverlayFeature create(
            String code,
            Layer layer,
            String kind,
            String name,
            UUID subdistrictId,
            String geometry,
            double measure,
            boolean synthetic) {
        return new OverlayFeature(
                UUID.randomUUID(), code, layer, kind, name, subdistrictId, geometry, measure, synthetic, null);
    }

    /** Brings the feature to the given attributes; returns whether anything changed. */
    public boolean revise(
            String newKind,
            String newName,
            UUID newSubdistrict,
            String newGeometry,
            double newMeasure,
            boolean isSynthetic) {
        if (Objects.equals(kind, newKind)
                && Objects.equals(name, newName)
                && Objects.equals(subdistrictId, newSubdistrict)
                && Objects.equals(geometry, newGeometry)
                && synthetic == isSynthetic) {
            return false;
        }
        kind = newKind;
        name = newName;
        subdistrictId = newSubdistrict;
        geometry = newGeometry;
        measure = newMeasure;
        synthetic = isSynthetic;
        return true;
    }

    /** What the audit trail keeps of the feature: no geometry, no personal data. */
    public java.util.Map<String, Object> summary() {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("layer", layer.name());
        m.put("kind", kind);
        m.put("name", name);
        m.put("subdistrictId", subdistrictId.toString());
        m.put("measure", Math.round(measure));
        m.put("synthetic", synthetic);
        return m;
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public Layer layer() {
        return layer;
    }

    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public UUID subdistrictId() {
        return subdistrictId;
    }

    public String geometry() {
        return geometry;
    }

    public double measure() {
        return measure;
    }

    public boolean synthetic() {
        return synthetic;
    }

    public Long version() {
        return version;
    }
}
