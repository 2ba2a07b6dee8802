package org.gongzhi.dispatch.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of {@code dispatch.rule}. */
@Component
public class RuleStore {

    /** A rule as stored. */
    public record Rule(
            UUID id,
            String categoryPattern,
            UUID unitId,
            UUID leadId,
            List<UUID> coHandlerIds,
            String note,
            Instant createdAt,
            String createdBy) {}

    private static final String COLUMNS =
            "id, category_pattern, unit_id, lead_id, co_handler_ids, note, created_at, created_by";

    private final JdbcClient jdbc;

    RuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Active rules on any of {@code units}. */
    public List<Rule> activeOn(Collection<UUID> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from dispatch.rule where active and unit_id = any(:units)")
                .param("units", units.toArray(UUID[]::new))
                .query(RuleStore::row)
                .list();
    }

    public Optional<Rule> active(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from dispatch.rule where active and id = :id")
                .param("id", id)
                .query(RuleStore::row)
                .optional();
    }

    public void insert(Rule r) {
        jdbc.sql("insert into dispatch.rule (" + COLUMNS + ") values (:id, :pattern, :unit, :lead,"
                        + " cast(:co as uuid[]), :note, :at, :by)")
                .param("id", r.id())
                .param("pattern", r.categoryPattern())
                .param("unit", r.unitId())
                .param("lead", r.leadId())
                .param(
                        "co",
                        "{"
                                + String.join(
                                        ",",
                                        r.coHandlerIds().stream()
                                                .map(UUID::toString)
                                                .toList()) + "}")
                .param("note", r.note())
                .param("at", Timestamp.from(r.createdAt()))
                .param("by", r.createdBy())
                .update();
    }

    /** Retires an active rule; false when it was not active (already retired by someone else). */
    public boolean retire(UUID id, Instant at, String by) {
        return jdbc.sql("update dispatch.rule set active = false, retired_at = :at, retired_by = :by"
                                + " where id = :id and active")
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .param("id", id)
                        .update()
                == 1;
    }

    private static Rule row(ResultSet rs, int n) throws SQLException {
        Array co = rs.getArray("co_handler_ids");
        return new Rule(
                (UUID) rs.getObject("id"),
                rs.getString("category_pattern"),
                (UUID) rs.getObject("unit_id"),
                (UUID) rs.getObject("lead_id"),
                co == null ? List.of() : Arrays.asList((UUID[]) co.getArray()),
                rs.getString("note"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }
}
