package org.gongzhi.listing.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gongzhi.listing.Openness;
import org.gongzhi.listing.ResourceFilter;
import org.gongzhi.listing.ResourceKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of {@code listing.resource}. Edits name the version they read and change nothing when it moved. */
@Component
public class ResourceStore {

    private final JdbcClient jdbc;
    private final ListingChanges changes;

    ResourceStore(JdbcClient jdbc, ListingChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    public void insert(ResourceRow r, Instant at, String by) {
        changes.changed();
        jdbc.sql("insert into listing.resource (id, provider_id, name, kind, openness, capacity, latitude, longitude,"
                        + " address, subdistrict_id, community_id, unit_id, description, conditions, bookable, opening,"
                        + " services, contact_name, contact_phone, synthetic, created_at, created_by, updated_at) values (:id,"
                        + " :provider, :name, :kind, :openness, :capacity, :lat, :lng, :address, :subdistrict,"
                        + " :community, :unit, :description, :conditions, :bookable, :opening, :services, :contactName,"
                        + " :contactPhone, :synthetic, :at, :by, :at)")
                .paramSource(params(r, at).addValue("by", by))
                .update();
    }

    /** Writes the new facts if the row still has {@code expectedVersion}; false when it moved (or is gone). */
    public boolean update(ResourceRow r, long expectedVersion, Instant at) {
        changes.changed();
        return jdbc.sql("update listing.resource set provider_id = :provider, name = :name, kind = :kind, openness ="
                                + " :openness, capacity = :capacity, latitude = :lat, longitude = :lng, address ="
                                + " :address, subdistrict_id = :subdistrict, community_id = :community, unit_id = :unit,"
                                + " description = :description, conditions = :conditions, bookable = :bookable,"
                                + " opening = :opening, services = :services,"
                                + " contact_name = :contactName, contact_phone = :contactPhone,"
                                + " updated_at = :at, version = version + 1 where id = :id and version = :expected")
                        .paramSource(params(r, at).addValue("expected", expectedVersion))
                        .update()
                == 1;
    }

    /** Marks the resource withdrawn if it still has {@code expectedVersion} and is offered. */
    public boolean withdraw(UUID id, long expectedVersion, Instant at) {
        changes.changed();
        return jdbc.sql("update listing.resource set withdrawn_at = :at, updated_at = :at, version = version + 1 where"
                                + " id = :id and version = :expected and withdrawn_at is null")
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .param("expected", expectedVersion)
                        .update()
                == 1;
    }

    public Optional<ResourceRow> find(UUID id) {
        return jdbc.sql("select * from listing.resource where id = ?")
                .param(id)
                .query(ResourceStore::row)
                .optional();
    }

    /** Locks the resource's row until the transaction ends (bookings of it are decided one at a time). */
    public Optional<ResourceRow> lock(UUID id) {
        return jdbc.sql("select * from listing.resource where id = ? for share")
                .param(id)
                .query(ResourceStore::row)
                .optional();
    }

    /** A page of the resources matching {@code filter} within {@code reach}, newest first, and the total. */
    public Page page(ResourceFilter filter, Reach reach, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> p = new java.util.HashMap<>();
        if (!reach.everything()) {
            where.append(" and ").append(reach.condition("unit_id", "subdistrict_id", "provider_id"));
            reach.into(p);
        }
        if (!filter.withdrawn()) {
            where.append(" and withdrawn_at is null");
        }
        if (filter.kind() != null) {
            where.append(" and kind = :kind");
            p.put("kind", filter.kind().name());
        }
        if (filter.openness() != null) {
            where.append(" and openness = :openness");
            p.put("openness", filter.openness().name());
        }
        if (filter.providerId() != null) {
            where.append(" and provider_id = :provider");
            p.put("provider", filter.providerId());
        }
        if (filter.bookable() != null) {
            where.append(" and bookable = :bookable");
            p.put("bookable", filter.bookable());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and (strpos(name, :q) > 0 or strpos(coalesce(description, ''), :q) > 0"
                    + " or strpos(coalesce(conditions, ''), :q) > 0)");
            p.put("q", filter.q().strip());
        }
        long total = jdbc.sql("select count(*) from listing.resource" + where)
                .params(p)
                .query(Long.class)
                .single();
        List<ResourceRow> rows = jdbc.sql("select * from listing.resource" + where
                        + " order by withdrawn_at nulls first, created_at desc, id limit :limit offset :offset")
                .params(p)
                .param("limit", size)
                .param("offset", (long) (page - 1) * size)
                .query(ResourceStore::row)
                .list();
        return new Page(rows, total);
    }

    /** Every resource matching the filter within reach (for the export), at most {@code limit}. */
    public List<ResourceRow> all(ResourceFilter filter, Reach reach, int limit) {
        return new ArrayList<>(page(filter, reach, 1, limit).rows());
    }

    public record Page(List<ResourceRow> rows, long total) {}

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(ResourceRow r, Instant at) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("id", r.id())
                .addValue("provider", r.providerId())
                .addValue("name", r.name())
                .addValue("kind", r.kind().name())
                .addValue("openness", r.openness().name())
                .addValue("capacity", r.capacity())
                .addValue("lat", r.latitude())
                .addValue("lng", r.longitude())
                .addValue("address", r.address())
                .addValue("subdistrict", r.subdistrictId())
                .addValue("community", r.communityId())
                .addValue("unit", r.unitId())
                .addValue("description", r.description())
                .addValue("conditions", r.conditions())
                .addValue("bookable", r.bookable())
                .addValue("opening", r.opening())
                .addValue(
                        "services",
                        r.services().stream().sorted().map(Enum::name).toArray(String[]::new))
                .addValue("contactName", r.contactNameCipher())
                .addValue("contactPhone", r.contactPhoneCipher())
                .addValue("synthetic", r.synthetic())
                .addValue("at", Timestamp.from(at));
    }

    private static java.util.Set<org.gongzhi.listing.ServiceCategory> services(java.sql.Array a) throws SQLException {
        java.util.EnumSet<org.gongzhi.listing.ServiceCategory> out =
                java.util.EnumSet.noneOf(org.gongzhi.listing.ServiceCategory.class);
        if (a != null) {
            for (Object s : (Object[]) a.getArray()) {
                out.add(org.gongzhi.listing.ServiceCategory.valueOf((String) s));
            }
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    static ResourceRow row(ResultSet rs, int n) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new ResourceRow(
                (UUID) rs.getObject("id"),
                (UUID) rs.getObject("provider_id"),
                rs.getString("name"),
                ResourceKind.valueOf(rs.getString("kind")),
                Openness.valueOf(rs.getString("openness")),
                (Integer) rs.getObject("capacity"),
                rs.getBigDecimal("latitude"),
                rs.getBigDecimal("longitude"),
                rs.getString("address"),
                (UUID) rs.getObject("subdistrict_id"),
                (UUID) rs.getObject("community_id"),
                (UUID) rs.getObject("unit_id"),
                rs.getString("description"),
                rs.getString("conditions"),
                rs.getBoolean("bookable"),
                rs.getString("opening"),
                services(rs.getArray("services")),
                rs.getString("contact_name"),
                rs.getString("contact_phone"),
                rs.getBoolean("synthetic"),
                withdrawn == null ? null : withdrawn.toInstant(),
                rs.getLong("version"));
    }
}
