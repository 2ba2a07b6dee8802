package org.gongzhi.listing.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gongzhi.listing.ExpertRole;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of {@code listing.expert} and {@code listing.expert_assignment}. */
@Component
public class ExpertStore {

    /** A row of {@code listing.expert}: the phone as stored, encrypted. */
    public record Row(
            UUID id,
            UUID subdistrictId,
            String name,
            ExpertRole role,
            UUID affiliationId,
            String affiliation,
            List<String> tags,
            String bio,
            String phoneCipher,
            Instant withdrawnAt,
            long version) {}

    /** An assignment row. */
    public record Assignment(UUID expertId, String subjectKind, UUID subjectId, String note, Instant at, String by) {}

    private final JdbcClient jdbc;
    private final ListingChanges changes;

    ExpertStore(JdbcClient jdbc, ListingChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    public void insert(Row r, Instant at, String by) {
        changes.changed();
        jdbc.sql("insert into listing.expert (id, subdistrict_id, name, role, affiliation_id, affiliation, tags, bio,"
                        + " contact_phone, consented_at, created_at, created_by, updated_at) values (:id, :subdistrict,"
                        + " :name, :role, :affiliationId, :affiliation, :tags, :bio, :phone, :at, :at, :by, :at)")
                .paramSource(params(r, at).addValue("by", by))
                .update();
    }

    /** Writes the new facts if the row still has {@code expectedVersion}; false when it moved. */
    public boolean update(Row r, long expectedVersion, Instant at) {
        changes.changed();
        return jdbc.sql("update listing.expert set name = :name, role = :role, affiliation_id = :affiliationId,"
                                + " affiliation = :affiliation, tags = :tags, bio = :bio, contact_phone = :phone,"
                                + " updated_at = :at, version = version + 1 where id = :id and version = :expected"
                                + " and withdrawn_at is null")
                        .paramSource(params(r, at).addValue("expected", expectedVersion))
                        .update()
                == 1;
    }

    public boolean withdraw(UUID id, long expectedVersion, Instant at) {
        changes.changed();
        return jdbc.sql("update listing.expert set withdrawn_at = :at, updated_at = :at, version = version + 1"
                                + " where id = :id and version = :expected and withdrawn_at is null")
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .param("expected", expectedVersion)
                        .update()
                == 1;
    }

    public Optional<Row> find(UUID id) {
        return jdbc.sql("select * from listing.expert where id = ?")
                .param(id)
                .query(ExpertStore::row)
                .optional();
    }

    /** The experts of these 街道 (all of them when {@code subdistricts} is null), by name. */
    public List<Row> of(java.util.Collection<UUID> subdistricts, boolean withdrawn) {
        String where = (subdistricts == null ? " where true" : " where subdistrict_id = any(:subdistricts)")
                + (withdrawn ? "" : " and withdrawn_at is null");
        var q = jdbc.sql("select * from listing.expert" + where + " order by withdrawn_at nulls first, name, id");
        if (subdistricts != null) {
            q = q.param("subdistricts", subdistricts.toArray(UUID[]::new));
        }
        return q.query(ExpertStore::row).list();
    }

    /** Adds the assignment; false when the expert already advises that subject. */
    public boolean assign(Assignment a) {
        return jdbc.sql("insert into listing.expert_assignment (expert_id, subject_kind, subject_id, note, assigned_at,"
                                + " assigned_by) values (:expert, :kind, :subject, :note, :at, :by) on conflict do"
                                + " nothing")
                        .param("expert", a.expertId())
                        .param("kind", a.subjectKind())
                        .param("subject", a.subjectId())
                        .param("note", a.note())
                        .param("at", Timestamp.from(a.at()))
                        .param("by", a.by())
                        .update()
                == 1;
    }

    public boolean unassign(UUID expert, String kind, UUID subject) {
        return jdbc.sql("delete from listing.expert_assignment where expert_id = ? and subject_kind = ? and"
                                + " subject_id = ?")
                        .params(expert, kind, subject)
                        .update()
                == 1;
    }

    /** The assignments on a subject, earliest first. */
    public List<Assignment> on(String kind, UUID subject) {
        return jdbc.sql("select * from listing.expert_assignment where subject_kind = ? and subject_id = ?"
                        + " order by assigned_at, expert_id")
                .params(kind, subject)
                .query((rs, n) -> new Assignment(
                        (UUID) rs.getObject("expert_id"),
                        rs.getString("subject_kind"),
                        (UUID) rs.getObject("subject_id"),
                        rs.getString("note"),
                        rs.getTimestamp("assigned_at").toInstant(),
                        rs.getString("assigned_by")))
                .list();
    }

    /** How many subjects each expert of these 街道 advised (past collaboration, for matching). */
    public java.util.Map<UUID, Long> assignmentCounts(java.util.Collection<UUID> experts) {
        java.util.Map<UUID, Long> out = new java.util.HashMap<>();
        if (experts.isEmpty()) {
            return out;
        }
        jdbc.sql("select expert_id, count(*) from listing.expert_assignment where expert_id = any(?) group by 1")
                .param(experts.toArray(UUID[]::new))
                .query((rs, n) -> out.put((UUID) rs.getObject(1), rs.getLong(2)))
                .list();
        return out;
    }

    private static MapSqlParameterSource params(Row r, Instant at) {
        return new MapSqlParameterSource()
                .addValue("id", r.id())
                .addValue("subdistrict", r.subdistrictId())
                .addValue("name", r.name())
                .addValue("role", r.role().name())
                .addValue("affiliationId", r.affiliationId())
                .addValue("affiliation", r.affiliation())
                .addValue("tags", r.tags().toArray(String[]::new))
                .addValue("bio", r.bio())
                .addValue("phone", r.phoneCipher())
                .addValue("at", Timestamp.from(at));
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new Row(
                (UUID) rs.getObject("id"),
                (UUID) rs.getObject("subdistrict_id"),
                rs.getString("name"),
                ExpertRole.valueOf(rs.getString("role")),
                (UUID) rs.getObject("affiliation_id"),
                rs.getString("affiliation"),
                Arrays.stream((Object[]) rs.getArray("tags").getArray())
                        .map(String.class::cast)
                        .toList(),
                rs.getString("bio"),
                rs.getString("contact_phone"),
                withdrawn == null ? null : withdrawn.toInstant(),
                rs.getLong("version"));
    }
}
