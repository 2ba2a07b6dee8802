package org.gongzhi.listing.domain;

import java.util.Collection;
import java.util.UUID;

/**
 * What a list read may show: everything, or rows placed in these units or in these 街道, or belonging to these
 * organisations (a resource's provider, a need's requesting unit).
 */
public record Reach(
        boolean everything, Collection<UUID> units, Collection<UUID> subdistricts, Collection<UUID> organisations) {

    /** The SQL condition over the columns named, with parameters {@code :units}, {@code :subdistricts}, {@code :orgs}. */
    public String condition(String unitColumn, String subdistrictColumn, String organisationColumn) {
        return "(" + unitColumn + " = any(:units) or " + subdistrictColumn + " = any(:subdistricts) or "
                + organisationColumn + " = any(:orgs))";
    }

    /** The parameters of {@link #condition}. */
    public void into(java.util.Map<String, Object> params) {
        params.put("units", units.toArray(UUID[]::new));
        params.put("subdistricts", subdistricts.toArray(UUID[]::new));
        params.put("orgs", organisations.toArray(UUID[]::new));
    }
}
