package org.gongzhi.appeal.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongzhi.appeal.AppealFact;
import org.gongzhi.appeal.AppealId;
import org.gongzhi.appeal.AppealState;
import org.gongzhi.appeal.AppealType;
import org.gongzhi.appeal.Channel;
import org.gongzhi.appeal.Closure;
import org.gongzhi.appeal.Satisfaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@link AppealFact}s from the appeal, its timeline and its 回访 rounds in one query. */
@Component
public class FactQuery {

    private static final String SELECT = """
            select a.id, a.registered_at, a.channel, a.type, a.category_code, a.subdistrict_id, a.community_id,
                   a.grid_id, a.handler_id, a.state, a.closure, a.dispatch_count, a.dispatched_at, a.response_due,
                   a.responded_at, a.resolution_due, a.answered_at, a.closed_at, a.yellow_from, a.red_after,
                   a.synthetic, a.version, s.reworks, s.extensions, s.suspensions,
                   f.reached, f.resolved, f.satisfaction, f.answered_at as followed_up_at
              from appeal.appeal a
              left join lateral (
                   select count(*) filter (where action = 'REWORK'
                                             or (action = 'VERIFY' and not (details ->> 'passed')::boolean)) as reworks,
                          count(*) filter (where action = 'DECIDE_EXTENSION'
                                             and (details ->> 'approved')::boolean) as extensions,
                          count(*) filter (where action = 'SUSPEND') as suspensions
                     from appeal.step where appeal_id = a.id) s on true
              left join lateral (
                   select bool_or(reached) as reached,
                          (array_agg(resolved order by round desc) filter (where reached))[1] as resolved,
                          (array_agg(satisfaction order by round desc) filter (where reached))[1] as satisfaction,
                          max(answered_at) as answered_at
                     from appeal.follow_up where appeal_id = a.id) f on true
            """;

    private final JdbcClient jdbc;

    FactQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The appeal {@code id} ({@code exactly}), or up to {@code limit} after it in id order (null: from the first). */
    public List<AppealFact> page(UUID id, boolean exactly, int limit) {
        String where = exactly ? " where a.id = :id" : id == null ? "" : " where a.id > :id";
        var spec = jdbc.sql(SELECT + where + " order by a.id limit :limit").param("limit", limit);
        if (id != null) {
            spec = spec.param("id", id);
        }
        return spec.query(FactQuery::fact).list();
    }

    private static AppealFact fact(ResultSet rs, int row) throws SQLException {
        return new AppealFact(
                new AppealId(rs.getObject("id", UUID.class)),
                instant(rs, "registered_at"),
                Channel.valueOf(rs.getString("channel")),
                AppealType.valueOf(rs.getString("type")),
                rs.getString("category_code"),
                rs.getObject("subdistrict_id", UUID.class),
                rs.getObject("community_id", UUID.class),
                rs.getObject("grid_id", UUID.class),
                rs.getObject("handler_id", UUID.class),
                AppealState.valueOf(rs.getString("state")),
                rs.getString("closure") == null ? null : Closure.valueOf(rs.getString("closure")),
                rs.getInt("dispatch_count"),
                instant(rs, "dispatched_at"),
                instant(rs, "response_due"),
                instant(rs, "responded_at"),
                instant(rs, "resolution_due"),
                instant(rs, "answered_at"),
                instant(rs, "closed_at"),
                instant(rs, "yellow_from"),
                instant(rs, "red_after"),
                rs.getInt("reworks"),
                rs.getInt("extensions"),
                rs.getInt("suspensions"),
                rs.getObject("reached", Boolean.class),
                rs.getObject("resolved", Boolean.class),
                rs.getString("satisfaction") == null ? null : Satisfaction.valueOf(rs.getString("satisfaction")),
                instant(rs, "followed_up_at"),
                rs.getBoolean("synthetic"),
                rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
