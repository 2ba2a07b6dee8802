package org.gongzhi.organization.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;
import org.gongzhi.organization.OrganisationKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A party of 共治: a department, a unit in the area, a social or self-governing organisation, a party organisation. */
@Table(schema = "organization", name = "organisation")
public class Organisation {

    @Id
    private final UUID id;

    private String name;
    private OrganisationKind kind;
    private String creditCode;
    private UUID unitId;
    private String address;
    private BigDecimal latitude;
    private BigDecimal longitude;
    private UUID parentId;
    private String description;
    private boolean synthetic;

    @Version
    private Long version;

    @PersistenceCreator
    Organisation(
            UUID id,
            String name,
            OrganisationKind kind,
            String creditCode,
            UUID unitId,
            String address,
            BigDecimal latitude,
            BigDecimal longitude,
            UUID parentId,
            String description,
            boolean synthetic,
            Long version) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.creditCode = creditCode;
        this.unitId = unitId;
        this.address = address;
        this.latitude = latitude;
        this.longitude = longitude;
        this.parentId = parentId;
        this.description = description;
        this.synthetic = synthetic;
        this.version = version;
    }

    /** Registers an organisation from checked facts ({@link OrganisationRules}). */
    public static Organisation register(UUID id, CheckedDetails d) {
        var o = new Organisation(id, null, null, null, null, null, null, null, null, null, false, null);
        o.apply(d);
        return o;
    }

    /** Brings the organisation to the checked facts; returns whether anything changed. */
    public boolean revise(CheckedDetails d) {
        if (Objects.equals(name, d.name())
                && kind == d.kind()
                && Objects.equals(creditCode, d.creditCode())
                && Objects.equals(unitId, d.unitId())
                && Objects.equals(address, d.address())
                && sameNumber(latitude, d.latitude())
                && sameNumber(longitude, d.longitude())
                && Objects.equals(parentId, d.parentId())
                && Objects.equals(description, d.description())
                && synthetic == d.synthetic()) {
            return false;
        }
        apply(d);
        return true;
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private void apply(CheckedDetails d) {
        name = d.name();
        kind = d.kind();
        creditCode = d.creditCode();
        unitId = d.unitId();
        address = d.address();
        latitude = d.latitude();
        longitude = d.longitude();
        parentId = d.parentId();
        description = d.description();
        synthetic = d.synthetic();
    }

    /** What the audit trail keeps of the organisation (no personal data is held here). */
    public java.util.Map<String, Object> summary() {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("name", name);
        m.put("kind", kind.name());
        m.put("creditCode", creditCode);
        m.put("unitId", unitId.toString());
        m.put("parentId", parentId == null ? null : parentId.toString());
        m.put("synthetic", synthetic);
        return m;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public OrganisationKind kind() {
        return kind;
    }

    public String creditCode() {
        return creditCode;
    }

    public UUID unitId() {
        return unitId;
    }

    public String address() {
        return address;
    }

    public BigDecimal latitude() {
        return latitude;
    }

    public BigDecimal longitude() {
        return longitude;
    }

    public UUID parentId() {
        return parentId;
    }

    public String description() {
        return description;
    }

    public boolean synthetic() {
        return synthetic;
    }

    public Long version() {
        return version;
    }
}
