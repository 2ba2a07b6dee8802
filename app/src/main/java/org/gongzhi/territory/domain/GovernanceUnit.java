package org.gongzhi.territory.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Label;
import org.gongzhi.territory.UnitKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A node of the governance hierarchy. Its code is its identity across imports; a renamed unit keeps its former names
 * with the dates they were in use.
 */
@Table(schema = "territory", name = "unit")
public class GovernanceUnit {

    @Id
    private final UUID id;

    private final String code;
    private final UnitKind kind;
    private String name;
    private LocalDate nameSince;
    private UUID parentId;
    private String boundary;
    private double areaSquareMetres;
    private Integer households;
    private Integer population;
    private LocalDate validFrom;
    private LocalDate validTo;
    private boolean synthetic;

    @MappedCollection(idColumn = "unit_id")
    private Set<FormerName> formerNames;

    @Version
    private Long version;

    @PersistenceCreator
    GovernanceUnit(
            UUID id,
            String code,
            UnitKind kind,
            String name,
            LocalDate nameSince,
            UUID parentId,
            String boundary,
            double areaSquareMetres,
            Integer households,
            Integer population,
            LocalDate validFrom,
            LocalDate validTo,
            boolean synthetic,
            Set<FormerName> formerNames,
            Long version) {
        this.id = id;
        this.code = code;
        this.kind = kind;
        this.name = name;
        this.nameSince = nameSince;
        this.parentId = parentId;
        this.boundary = boundary;
        this.areaSquareMetres = areaSquareMetres;
        this.households = households;
        this.population = population;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.synthetic = synthetic;
        this.formerNames = formerNames == null ? new HashSet<>() : new HashSet<>(formerNames);
        this.version = version;
    }

    /** Registers a new unit from validated attributes. */
    public static GovernanceUnit register(
            UUID id, String code, UnitKind kind, UUID parentId, UnitAttributes a, LocalDate today) {
        var unit = new GovernanceUnit(
                id,
                code,
                kind,
                a.name(),
                a.validFrom() == null ? today : a.validFrom(),
                parentId,
                null,
                0,
                null,
                null,
                null,
                null,
                false,
                Set.of(),
                null);
        unit.apply(parentId, a, today);
        return unit;
    }

    /**
     * Brings the unit to the given attributes. Returns whether anything changed; a new name moves the old one into the
     * unit's former names, valid until yesterday.
     */
    public boolean revise(UnitKind asKind, UUID newParentId, UnitAttributes a, LocalDate today) {
        if (asKind != kind) {
            throw DomainException.conflict(
                    "territory.kind-change",
                    code,
                    Label.of("territory.kind.", kind),
                    Label.of("territory.kind.", asKind));
        }
        if (Objects.equals(parentId, newParentId)
                && Objects.equals(name, a.name())
                && Objects.equals(boundary, a.boundary())
                && Objects.equals(households, a.households())
                && Objects.equals(population, a.population())
                && Objects.equals(validFrom, a.validFrom())
                && Objects.equals(validTo, a.validTo())
                && synthetic == a.synthetic()) {
            return false;
        }
        apply(newParentId, a, today);
        return true;
    }

    private void apply(UUID newParentId, UnitAttributes a, LocalDate today) {
        if (!Objects.equals(name, a.name())) {
            if (name != null && !name.equals(a.name())) {
                formerNames.add(new FormerName(name, nameSince, today.minusDays(1)));
            }
            nameSince = today;
            name = a.name();
        }
        parentId = newParentId;
        boundary = a.boundary();
        areaSquareMetres = a.areaSquareMetres();
        households = a.households();
        population = a.population();
        validFrom = a.validFrom();
        validTo = a.validTo();
        synthetic = a.synthetic();
    }

    /** What the audit trail keeps of the unit: no geometry (it can be large), no personal data. */
    public java.util.Map<String, Object> summary() {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("kind", kind.name());
        m.put("name", name);
        m.put("parentId", parentId == null ? null : parentId.toString());
        m.put("areaSquareMetres", Math.round(areaSquareMetres));
        m.put("households", households);
        m.put("population", population);
        m.put("validFrom", validFrom == null ? null : validFrom.toString());
        m.put("validTo", validTo == null ? null : validTo.toString());
        m.put("synthetic", synthetic);
        return m;
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public UnitKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public UUID parentId() {
        return parentId;
    }

    public String boundary() {
        return boundary;
    }

    public double areaSquareMetres() {
        return areaSquareMetres;
    }

    public Integer households() {
        return households;
    }

    public Integer population() {
        return population;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }

    public boolean synthetic() {
        return synthetic;
    }

    public Set<FormerName> formerNames() {
        return Set.copyOf(formerNames);
    }

    public Long version() {
        return version;
    }

    /** A name the unit carried before, and when. */
    @Table(schema = "territory", name = "unit_former_name")
    public record FormerName(String name, LocalDate usedFrom, LocalDate usedUntil) {}
}
