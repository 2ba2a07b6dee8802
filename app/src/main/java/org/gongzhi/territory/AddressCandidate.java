package org.gongzhi.territory;

import java.util.List;

/**
 * A place an address names, for the operator to confirm. {@code code} and {@code name} are the unit's or the
 * street's; {@code kind} is a {@link UnitKind} or a {@link StreetKind} name; {@code path} the names above it from the
 * 街道 down. {@code unitCode} is what an appeal records as its place (the unit itself, or a street's 街道) and
 * {@code streetCode} the street, if the candidate is one. {@code score} orders the candidates (higher is better; 1 is
 * a name found whole with nothing around it).
 */
public record AddressCandidate(
        String code, String name, String kind, List<String> path, String unitCode, String streetCode, double score) {

    public AddressCandidate {
        path = List.copyOf(path);
    }
}
