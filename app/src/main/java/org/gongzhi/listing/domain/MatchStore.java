package org.gongzhi.listing.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.listing.NeedPriority;
import org.gongzhi.listing.ResourceKind;
import org.gongzhi.listing.ServiceCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What matching reads of the lists: the offered resources and open needs of a 街道, and who worked with whom. */
@Component
public class MatchStore {

    /** An offered resource as matching reads it. */
    public record Resource(
            UUID id,
            UUID providerId,
            String name,
            String description,
            String conditions,
            ResourceKind kind,
            Set<ServiceCategory> services,
            double latitude,
            double longitude,
            String opening,
            boolean bookable) {}

    /** An open need as matching reads it. */
    public record Need(
            UUID id, String title, String description, String categoryCode, UUID unitId, NeedPriority priority) {}

    private final JdbcClient jdbc;

    MatchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The resources offered in the 街道 (not withdrawn). */
    public List<Resource> resources(UUID subdistrict) {
        return jdbc.sql("select id, provider_id, name, description, conditions, kind, services, latitude, longitude,"
                        + " opening, bookable from listing.resource where subdistrict_id = ? and withdrawn_at is null")
                .param(subdistrict)
                .query((rs, n) -> {
                    Set<ServiceCategory> services = EnumSet.noneOf(ServiceCategory.class);
                    Arrays.stream((Object[]) rs.getArray("services").getArray())
                            .forEach(s -> services.add(ServiceCategory.valueOf((String) s)));
                    return new Resource(
                            rs.getObject("id", UUID.class),
                            rs.getObject("provider_id", UUID.class),
                            rs.getString("name"),
                            rs.getString("description"),
                            rs.getString("conditions"),
                            ResourceKind.valueOf(rs.getString("kind")),
                            services,
                            rs.getDouble("latitude"),
                            rs.getDouble("longitude"),
                            rs.getString("opening"),
                            rs.getBoolean("bookable"));
                })
                .list();
    }

    /**
     * The offered resources that provide an everyday service, inside the box (WGS84 degrees) — of any 街道: residents
     * walk across borders.
     */
    public List<ServiceCoverage.Provider> providersIn(double south, double north, double west, double east) {
        return jdbc.sql(
                        "select id, name, latitude, longitude, services from listing.resource where withdrawn_at is null"
                                + " and cardinality(services) > 0 and latitude between ? and ? and longitude between ? and ?")
                .params(south, north, west, east)
                .query((rs, n) -> {
                    Set<ServiceCategory> services = EnumSet.noneOf(ServiceCategory.class);
                    Arrays.stream((Object[]) rs.getArray("services").getArray())
                            .forEach(s -> services.add(ServiceCategory.valueOf((String) s)));
                    return new ServiceCoverage.Provider(
                            rs.getObject("id", UUID.class),
                            rs.getString("name"),
                            rs.getDouble("latitude"),
                            rs.getDouble("longitude"),
                            services);
                })
                .list();
    }

    /** The needs of the 街道 still open or matched (not yet in a project, met or declined). */
    public List<Need> openNeeds(UUID subdistrict) {
        return jdbc.sql("select id, title, description, category, unit_id, priority from listing.need"
                        + " where subdistrict_id = ? and status in ('OPEN', 'MATCHED')")
                .param(subdistrict)
                .query((rs, n) -> new Need(
                        rs.getObject("id", UUID.class),
                        rs.getString("title"),
                        rs.getString("description"),
                        rs.getString("category"),
                        rs.getObject("unit_id", UUID.class),
                        NeedPriority.valueOf(rs.getString("priority"))))
                .list();
    }

    /**
     * The organisations that worked with these places or this unit before: parties of projects placed there or
     * meeting their needs, and providers of resources booked for them (approved or used).
     */
    public Set<UUID> partnersOf(Collection<UUID> units, UUID organisation) {
        UUID[] places = units.toArray(UUID[]::new);
        Set<UUID> out = new HashSet<>(jdbc.sql("select pp.organisation_id from listing.project_party pp join"
                        + " listing.project p on p.id = pp.project_id where p.status <> 'CANCELLED' and (p.unit_id ="
                        + " any(:units) or exists (select 1 from listing.project_need pn join listing.need n on n.id ="
                        + " pn.need_id where pn.project_id = p.id and n.unit_id = any(:units))) union select"
                        + " r.provider_id from listing.booking b join listing.resource r on r.id = b.resource_id where"
                        + " b.status in ('APPROVED', 'USED') and (b.for_unit = any(:units) or b.for_organisation ="
                        + " :org)")
                .param("units", places)
                .param("org", organisation)
                .query(UUID.class)
                .list());
        if (organisation != null) {
            out.remove(organisation);
        }
        return out;
    }

    /** The places an organisation worked in before (the reverse of {@link #partnersOf}). */
    public Set<UUID> placesOf(UUID organisation) {
        return new HashSet<>(jdbc.sql("select p.unit_id from listing.project p join listing.project_party pp on"
                        + " pp.project_id = p.id where pp.organisation_id = :org and p.status <> 'CANCELLED' union"
                        + " select n.unit_id from listing.project_need pn join listing.need n on n.id = pn.need_id"
                        + " join listing.project_party pp on pp.project_id = pn.project_id where pp.organisation_id ="
                        + " :org union select b.for_unit from listing.booking b join listing.resource r on r.id ="
                        + " b.resource_id where r.provider_id = :org and b.for_unit is not null and b.status in"
                        + " ('APPROVED', 'USED')")
                .param("org", organisation)
                .query(UUID.class)
                .list());
    }
}
