package org.gongzhi.territory;

import java.util.List;
import java.util.Optional;

/** What contains a point: one unit per level where the hierarchy has one there, and every overlay zone. */
public record Location(
        double latitude,
        double longitude,
        Ref district,
        Ref subdistrict,
        Ref block,
        Ref community,
        Ref grid,
        Ref compound,
        Ref building,
        List<ZoneRef> zones) {

    public Location {
        zones = List.copyOf(zones);
    }

    /** A unit named by code and name, enough for routing and display. */
    public record Ref(UnitId id, String code, String name) {}

    public record ZoneRef(String code, ZoneKind kind, String name) {}

    public Optional<Ref> deepest() {
        for (Ref r : new Ref[] {building, compound, grid, community, block, subdistrict, district}) {
            if (r != null) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
