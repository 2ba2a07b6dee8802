package org.gongzhi.listing.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gongzhi.listing.NeedCategory;
import org.gongzhi.listing.NeedFilter;
import org.gongzhi.listing.NeedPriority;
import org.gongzhi.listing.NeedSource;
import org.gongzhi.listing.NeedStatus;
import org.gongzhi.listing.RequesterKind;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of {@code listing.need} and {@code listing.need_category}. Edits are conditional on the version read. */
@Component
public class NeedStore {

    private final JdbcClient jdbc;
    private final ListingChanges changes;

    NeedStore(JdbcClient jdbc, ListingChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /** A need as stored. */
    public record Row(
            UUID id,
            String title,
            String description,
            String category,
            NeedSource source,
            RequesterKind requesterKind,
            UUID requesterOrganisation,
            String requesterGroup,
            UUID unitId,
            UUID subdistrictId,
            String beneficiaries,
            Integer beneficiaryCount,
            NeedPriority priority,
            NeedStatus status,
            String statusNote,
            UUID appealId,
            String appealCode,
            boolean synthetic,
            Instant recordedAt,
            String recordedBy,
            long version) {}

    public void insert(Row r, Instant at) {
        changes.changed();
        jdbc.sql("insert into listing.need (id, title, description, category, source, requester_kind,"
                        + " requester_organisation, requester_group, unit_id, subdistrict_id, beneficiaries,"
                        + " beneficiary_count, priority, status, appeal_id, appeal_code, synthetic, recorded_at,"
                        + " recorded_by, updated_at) values (:id, :title, :description, :category, :source, :kind,"
                        + " :org, :group, :unit, :subdistrict, :beneficiaries, :count, :priority, 'OPEN', :appeal,"
                        + " :appealCode, :synthetic, :at, :by, :at)")
                .paramSource(params(r, at)
                        .addValue("appeal", r.appealId())
                        .addValue("appealCode", r.appealCode())
                        .addValue("synthetic", r.synthetic())
                        .addValue("by", r.recordedBy()))
                .update();
    }

    /** Writes the new facts if the row still has {@code expectedVersion}. */
    public boolean update(Row r, long expectedVersion, Instant at) {
        changes.changed();
        return jdbc.sql("update listing.need set title = :title, description = :description, category = :category,"
                                + " requester_kind = :kind, requester_organisation = :org, requester_group = :group,"
                                + " unit_id = :unit, subdistrict_id = :subdistrict, beneficiaries = :beneficiaries,"
                                + " beneficiary_count = :count, priority = :priority, updated_at = :at, version ="
                                + " version + 1 where id = :id and version = :expected")
                        .paramSource(params(r, at).addValue("expected", expectedVersion))
                        .update()
                == 1;
    }

    /** Moves the status if the row still has {@code expectedVersion} and {@code from}. */
    public boolean move(UUID id, long expectedVersion, NeedStatus from, NeedStatus to, String note, Instant at) {
        changes.changed();
        return jdbc.sql("update listing.need set status = :to, status_note = :note, updated_at = :at, version = version"
                                + " + 1 where id = :id and version = :expected and status = :from")
                        .param("to", to.name())
                        .param("note", note)
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .param("expected", expectedVersion)
                        .param("from", from.name())
                        .update()
                == 1;
    }

    /**
     * Moves these needs from {@code from} (any of) to {@code to} as a project takes them up or completes, with the
     * project named in the note; needs in other statuses stay as they are.
     */
    public int moveAll(
            java.util.Collection<UUID> ids, java.util.Set<NeedStatus> from, NeedStatus to, String note, Instant at) {
        changes.changed();
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("update listing.need set status = :to, status_note = :note, updated_at = :at, version ="
                        + " version + 1 where id = any(:ids) and status = any(:from)")
                .param("to", to.name())
                .param("note", note)
                .param("at", Timestamp.from(at))
                .param("ids", ids.toArray(UUID[]::new))
                .param("from", from.stream().map(Enum::name).toArray(String[]::new))
                .update();
    }

    public Optional<Row> find(UUID id) {
        return jdbc.sql("select * from listing.need where id = ?")
                .param(id)
                .query(NeedStore::row)
                .optional();
    }

    public Optional<Row> byAppeal(UUID appeal) {
        return jdbc.sql("select * from listing.need where appeal_id = ?")
                .param(appeal)
                .query(NeedStore::row)
                .optional();
    }

    public record Page(List<Row> rows, long total) {}

    /** A page of needs within reach, most urgent then newest first. */
    public Page page(NeedFilter f, Reach reach, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> p = new HashMap<>();
        if (!reach.everything()) {
            where.append(" and ").append(reach.condition("unit_id", "subdistrict_id", "requester_organisation"));
            reach.into(p);
        }
        if (f.categoryCode() != null && !f.categoryCode().isBlank()) {
            where.append(" and category = :category");
            p.put("category", f.categoryCode());
        }
        if (f.status() != null) {
            where.append(" and status = :status");
            p.put("status", f.status().name());
        }
        if (f.source() != null) {
            where.append(" and source = :source");
            p.put("source", f.source().name());
        }
        if (f.priority() != null) {
            where.append(" and priority = :priority");
            p.put("priority", f.priority().name());
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and (strpos(title, :q) > 0 or strpos(coalesce(description, ''), :q) > 0"
                    + " or strpos(coalesce(beneficiaries, ''), :q) > 0)");
            p.put("q", f.q().strip());
        }
        long total = jdbc.sql("select count(*) from listing.need" + where)
                .params(p)
                .query(Long.class)
                .single();
        List<Row> rows = jdbc.sql("select * from listing.need" + where
                        + " order by case priority when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end, recorded_at"
                        + " desc, id limit :limit offset :offset")
                .params(p)
                .param("limit", size)
                .param("offset", (long) (page - 1) * size)
                .query(NeedStore::row)
                .list();
        return new Page(rows, total);
    }

    public List<NeedCategory> categories() {
        return jdbc.sql("select code, name, builtin from listing.need_category order by position, code")
                .query((rs, n) -> new NeedCategory(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list();
    }

    public Optional<NeedCategory> category(String code) {
        return jdbc.sql("select code, name, builtin from listing.need_category where code = ?")
                .param(code)
                .query((rs, n) -> new NeedCategory(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .optional();
    }

    /** Adds a local category after the others; false when the code or the name is taken. */
    public boolean addCategory(String code, String name, Instant at, String by) {
        return jdbc.sql("insert into listing.need_category (code, name, builtin, position, created_at, created_by)"
                                + " select :code, :name, false, (select coalesce(max(position), 0) + 10 from"
                                + " listing.need_category), :at, :by where not exists (select 1 from"
                                + " listing.need_category where code = :code or name = :name)")
                        .param("code", code)
                        .param("name", name)
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .update()
                == 1;
    }

    private static MapSqlParameterSource params(Row r, Instant at) {
        return new MapSqlParameterSource()
                .addValue("id", r.id())
                .addValue("title", r.title())
                .addValue("description", r.description())
                .addValue("category", r.category())
                .addValue("source", r.source().name())
                .addValue("kind", r.requesterKind().name())
                .addValue("org", r.requesterOrganisation())
                .addValue("group", r.requesterGroup())
                .addValue("unit", r.unitId())
                .addValue("subdistrict", r.subdistrictId())
                .addValue("beneficiaries", r.beneficiaries())
                .addValue("count", r.beneficiaryCount())
                .addValue("priority", r.priority().name())
                .addValue("at", Timestamp.from(at));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                (UUID) rs.getObject("id"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("category"),
                NeedSource.valueOf(rs.getString("source")),
                RequesterKind.valueOf(rs.getString("requester_kind")),
                (UUID) rs.getObject("requester_organisation"),
                rs.getString("requester_group"),
                (UUID) rs.getObject("unit_id"),
                (UUID) rs.getObject("subdistrict_id"),
                rs.getString("beneficiaries"),
                (Integer) rs.getObject("beneficiary_count"),
                NeedPriority.valueOf(rs.getString("priority")),
                NeedStatus.valueOf(rs.getString("status")),
                rs.getString("status_note"),
                (UUID) rs.getObject("appeal_id"),
                rs.getString("appeal_code"),
                rs.getBoolean("synthetic"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("recorded_by"),
                rs.getLong("version"));
    }
}
