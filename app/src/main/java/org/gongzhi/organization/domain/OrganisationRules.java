package org.gongzhi.organization.domain;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.gongzhi.organization.OrganisationDetails;
import org.gongzhi.shared.CreditCode;
import org.gongzhi.shared.Label;
import org.gongzhi.shared.Text;
import org.gongzhi.shared.Violations;
import org.gongzhi.territory.Location;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitId;
import org.gongzhi.territory.UnitView;
import org.springframework.stereotype.Component;

/**
 * The rules an organisation's facts must meet: a name; a valid 统一社会信用代码 (required for legal entities, unique);
 * a place in the territory, given as a unit code or found from a point; a parent that exists and does not lead back
 * to the organisation itself.
 */
@Component
public class OrganisationRules {

    private final OrganisationRepository organisations;
    private final TerritoryQueries territory;

    OrganisationRules(OrganisationRepository organisations, TerritoryQueries territory) {
        this.organisations = organisations;
        this.territory = territory;
    }

    /**
     * Checks {@code d} for the organisation {@code self} ({@code null} when new). {@code at} names a field for the
     * caller (a JSON field, or a workbook row and column); {@code pendingParents} maps organisations being imported in
     * the same batch to their parents. Returns the checked facts, or {@code null} after adding violations.
     */
    public CheckedDetails check(
            OrganisationDetails d,
            UUID self,
            Function<String, String> at,
            Map<UUID, UUID> pendingParents,
            Violations violations) {
        int before = violations.size();
        String name = Text.stripToNull(d.name());
        if (name == null) {
            violations.add(at.apply("name"), "organization.name.missing");
        } else {
            Text.checkLine(name, at.apply("name"), true, 100, violations);
        }
        String address = Text.checkLine(d.address(), at.apply("address"), false, 200, violations);
        String description = Text.checkText(d.description(), at.apply("description"), 2000, violations);
        if (d.kind() == null) {
            violations.add(at.apply("kind"), "organization.kind.missing");
        }
        String typedCredit = Text.stripToNull(d.creditCode());
        String credit = typedCredit == null ? null : typedCredit.toUpperCase(java.util.Locale.ROOT);
        if (credit == null) {
            if (d.kind() != null && d.kind().legalEntity()) {
                violations.add(
                        at.apply("creditCode"),
                        "organization.credit-code.required",
                        Label.of("organization.kind.", d.kind()));
            }
        } else {
            String problem = CreditCode.problemWith(credit);
            if (problem != null) {
                violations.add(at.apply("creditCode"), problem, credit);
            } else {
                organisations
                        .findByCreditCode(credit)
                        .filter(other -> !other.id().equals(self))
                        .ifPresent(other -> violations.add(
                                at.apply("creditCode"), "organization.credit-code.taken", credit, other.name()));
            }
        }
        UUID unitId = place(d, at, violations);
        UUID parent = d.parentId();
        if (parent != null) {
            if (parent.equals(self)) {
                violations.add(at.apply("parentId"), "organization.parent.self");
            } else if (!pendingParents.containsKey(parent) && !organisations.existsById(parent)) {
                violations.add(at.apply("parentId"), "organization.parent.unknown", parent);
            } else if (self != null && leadsBack(parent, self, pendingParents)) {
                violations.add(at.apply("parentId"), "organization.parent.cycle", parent);
            }
        }
        if (violations.size() > before) {
            return null;
        }
        return new CheckedDetails(
                name,
                d.kind(),
                credit,
                unitId,
                address,
                d.latitude(),
                d.longitude(),
                parent,
                description,
                d.synthetic());
    }

    /** WGS84 degrees are stored with six decimals (about 0.1 m); a finer value would be silently rounded. */
    static final int COORDINATE_SCALE = 6;

    private UUID place(OrganisationDetails d, Function<String, String> at, Violations violations) {
        if ((d.latitude() == null) != (d.longitude() == null)) {
            violations.add(at.apply(d.latitude() == null ? "latitude" : "longitude"), "organization.coordinates.pair");
            return null;
        }
        if (d.latitude() != null) {
            boolean latitudeOk = coordinate(d.latitude(), 90, at.apply("latitude"), violations);
            boolean longitudeOk = coordinate(d.longitude(), 180, at.apply("longitude"), violations);
            if (!latitudeOk || !longitudeOk) {
                return null;
            }
        }
        String unitCode = Text.stripToNull(d.unitCode());
        if (unitCode != null) {
            Optional<UnitView> unit = territory.unitByCode(unitCode);
            if (unit.isEmpty()) {
                violations.add(at.apply("unitCode"), "organization.unit.unknown", unitCode);
                return null;
            }
            if (d.latitude() != null && !pointInUnit(d, unit.get())) {
                violations.add(
                        at.apply("latitude"),
                        "organization.location.mismatch",
                        unit.get().name());
                return null;
            }
            return unit.get().id().value();
        }
        if (d.latitude() != null) {
            Optional<Location.Ref> found = territory
                    .locate(d.latitude().doubleValue(), d.longitude().doubleValue())
                    .flatMap(Location::deepest);
            if (found.isEmpty()) {
                violations.add(at.apply("latitude"), "organization.location.outside", d.latitude(), d.longitude());
                return null;
            }
            return found.get().id().value();
        }
        violations.add(at.apply("unitCode"), "organization.location.missing");
        return null;
    }

    private static boolean coordinate(BigDecimal value, int limit, String location, Violations violations) {
        if (value.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            violations.add(location, "organization.coordinates.range", -limit, limit);
            return false;
        }
        if (value.stripTrailingZeros().scale() > COORDINATE_SCALE) {
            violations.add(location, "organization.coordinates.scale", COORDINATE_SCALE);
            return false;
        }
        return true;
    }

    /**
     * Whether the point lies in the unit given with it: the unit is one of the units containing the point, or (for a
     * unit drawn without a boundary, such as a building) the deepest unit containing the point is one of its parents.
     */
    private boolean pointInUnit(OrganisationDetails d, UnitView unit) {
        Optional<Location> location =
                territory.locate(d.latitude().doubleValue(), d.longitude().doubleValue());
        if (location.isEmpty() || location.get().deepest().isEmpty()) {
            return false;
        }
        Location l = location.get();
        for (Location.Ref ref : new Location.Ref[] {
            l.district(), l.subdistrict(), l.block(), l.community(), l.grid(), l.compound(), l.building()
        }) {
            if (ref != null && ref.id().equals(unit.id())) {
                return true;
            }
        }
        UnitId deepest = l.deepest().get().id();
        return territory.lineage(unit.id()).stream().anyMatch(u -> u.id().equals(deepest));
    }

    private boolean leadsBack(UUID parent, UUID self, Map<UUID, UUID> pendingParents) {
        Set<UUID> seen = new HashSet<>();
        UUID current = parent;
        while (current != null && seen.add(current)) {
            if (current.equals(self)) {
                return true;
            }
            current = pendingParents.containsKey(current)
                    ? pendingParents.get(current)
                    : organisations
                            .findById(current)
                            .map(Organisation::parentId)
                            .orElse(null);
        }
        return false;
    }
}
