package org.gongzhi.dispatch.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.gongzhi.dispatch.SummonsView;
import org.gongzhi.dispatch.WhistleCase;
import org.gongzhi.dispatch.WhistleId;
import org.gongzhi.dispatch.WhistleOutcome;
import org.gongzhi.dispatch.WhistleView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows of {@code dispatch.whistle} and {@code dispatch.summons}. Every 报到 step is a conditional update that takes
 * effect once (acknowledged, arrived, escalated are never overwritten); closing checks the version read.
 */
@Component
public class WhistleStore {

    private final JdbcClient jdbc;

    WhistleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new whistle as the façade checked it. */
    public record NewWhistle(
            UUID id,
            UUID subdistrictId,
            UUID unitId,
            UUID appealId,
            String trackingCode,
            String matter,
            String address,
            WhistleCase whistleCase,
            Instant reportBy,
            Instant blownAt,
            String blownBy,
            Map<UUID, String> departments) {}

    public void insert(NewWhistle w) {
        jdbc.sql("insert into dispatch.whistle (id, subdistrict_id, unit_id, appeal_id, tracking_code, matter, address,"
                        + " whistle_case, report_by, blown_at, blown_by, state, version) values (?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, 'OPEN', 0)")
                .params(
                        w.id(),
                        w.subdistrictId(),
                        w.unitId(),
                        w.appealId(),
                        w.trackingCode(),
                        w.matter(),
                        w.address(),
                        w.whistleCase().name(),
                        ts(w.reportBy()),
                        ts(w.blownAt()),
                        w.blownBy())
                .update();
        w.departments()
                .forEach((id, name) -> jdbc.sql(
                                "insert into dispatch.summons (whistle_id, department_id, department_name) values (?, ?, ?)")
                        .params(w.id(), id, name)
                        .update());
    }

    /** The whistle with its summons, their status as of {@code now}; {@code unitNames} names the units it needs. */
    public Optional<WhistleView> find(UUID id, Function<Collection<UUID>, Map<UUID, String>> unitNames, Instant now) {
        return list("w.id = ?", List.of(id), unitNames, now).stream().findFirst();
    }

    /** Whistles blown since {@code since}, or still open, newest first (at most 500). */
    public List<WhistleView> since(
            Instant since, Function<Collection<UUID>, Map<UUID, String>> unitNames, Instant now) {
        return list("(w.blown_at >= ? or w.state = 'OPEN')", List.of(ts(since)), unitNames, now);
    }

    /** Whistles summoning any of {@code departments}, blown since {@code since} or still open, newest first. */
    public List<WhistleView> summoning(
            Collection<UUID> departments,
            Instant since,
            Function<Collection<UUID>, Map<UUID, String>> unitNames,
            Instant now) {
        if (departments.isEmpty()) {
            return List.of();
        }
        return list(
                "(w.blown_at >= ? or w.state = 'OPEN') and exists (select 1 from dispatch.summons s where s.whistle_id"
                        + " = w.id and s.department_id = any(?))",
                List.of(ts(since), departments.toArray(UUID[]::new)),
                unitNames,
                now);
    }

    private List<WhistleView> list(
            String where, List<Object> params, Function<Collection<UUID>, Map<UUID, String>> unitNames, Instant now) {
        Map<UUID, Object[]> rows = new LinkedHashMap<>();
        jdbc.sql("select w.* from dispatch.whistle w where " + where + " order by w.blown_at desc limit 500")
                .params(params)
                .query((ResultSet rs) -> {
                    rows.put((UUID) rs.getObject("id"), new Object[] {
                        rs.getObject("unit_id"),
                        rs.getObject("subdistrict_id"),
                        rs.getObject("appeal_id"),
                        rs.getString("tracking_code"),
                        rs.getString("matter"),
                        rs.getString("address"),
                        WhistleCase.valueOf(rs.getString("whistle_case")),
                        instant(rs, "report_by"),
                        instant(rs, "blown_at"),
                        rs.getString("blown_by"),
                        "OPEN".equals(rs.getString("state")),
                        rs.getString("outcome") == null ? null : WhistleOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("outcome_note"),
                        instant(rs, "closed_at"),
                        rs.getLong("version")
                    });
                });
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<SummonsView>> summons = new LinkedHashMap<>();
        jdbc.sql("select s.*, w.report_by from dispatch.summons s join dispatch.whistle w on w.id = s.whistle_id"
                        + " where s.whistle_id = any(?) order by s.department_name")
                .param(rows.keySet().toArray(UUID[]::new))
                .query((ResultSet rs) -> {
                    summons.computeIfAbsent((UUID) rs.getObject("whistle_id"), k -> new ArrayList<>())
                            .add(summons(rs, now));
                });
        // The names of the units these whistles were blown in, looked up once for the rows read.
        Map<UUID, String> names = unitNames.apply(
                rows.values().stream().map(r -> (UUID) r[0]).collect(java.util.stream.Collectors.toSet()));
        List<WhistleView> out = new ArrayList<>();
        rows.forEach((id, r) -> out.add(new WhistleView(
                new WhistleId(id),
                (UUID) r[0],
                names.getOrDefault((UUID) r[0], ""),
                (UUID) r[1],
                (UUID) r[2],
                (String) r[3],
                (String) r[4],
                (String) r[5],
                (WhistleCase) r[6],
                (Instant) r[7],
                (Instant) r[8],
                (String) r[9],
                (Boolean) r[10],
                (WhistleOutcome) r[11],
                (String) r[12],
                (Instant) r[13],
                summons.getOrDefault(id, List.of()),
                (Long) r[14])));
        return out;
    }

    private static SummonsView summons(ResultSet rs, Instant now) throws SQLException {
        Instant acknowledged = instant(rs, "acknowledged_at");
        Instant arrived = instant(rs, "arrived_at");
        return new SummonsView(
                (UUID) rs.getObject("department_id"),
                rs.getString("department_name"),
                acknowledged,
                rs.getString("acknowledged_by"),
                arrived,
                rs.getString("arrived_by"),
                rs.getString("action"),
                instant(rs, "action_at"),
                instant(rs, "escalated_at"),
                (Integer) (rs.getObject("rating") == null ? null : rs.getInt("rating")),
                rs.getString("rating_note"),
                SummonsView.status(acknowledged, arrived, instant(rs, "report_by"), now));
    }

    /** 报到 — acknowledged: once; returns whether it took effect now (and the whistle's version moved on). */
    public boolean acknowledge(UUID whistle, UUID department, Instant at, String by) {
        return moved(
                whistle,
                jdbc.sql("update dispatch.summons set acknowledged_at = ?, acknowledged_by = ? where whistle_id = ? and"
                                + " department_id = ? and acknowledged_at is null")
                        .params(ts(at), by, whistle, department)
                        .update());
    }

    /**
     * A 报到 step changed what the street's page shows: the whistle's version moves on, so a closing form read before it
     * is refused as stale (412/409) rather than rating what it did not see.
     */
    private boolean moved(UUID whistle, int rows) {
        if (rows == 1) {
            jdbc.sql("update dispatch.whistle set version = version + 1 where id = ?")
                    .param(whistle)
                    .update();
        }
        return rows == 1;
    }

    /** 报到 — arrived on site (acknowledging too, if it had not): once; returns whether it took effect now. */
    public boolean arrive(UUID whistle, UUID department, Instant at, String by) {
        return moved(
                whistle,
                jdbc.sql("update dispatch.summons set acknowledged_at = coalesce(acknowledged_at, ?), acknowledged_by ="
                                + " coalesce(acknowledged_by, ?), arrived_at = ?, arrived_by = ? where whistle_id = ? and"
                                + " department_id = ? and arrived_at is null")
                        .params(ts(at), by, ts(at), by, whistle, department)
                        .update());
    }

    /** The department's action on site (replacing an earlier version of it). */
    public void recordAction(UUID whistle, UUID department, String action, Instant at) {
        moved(
                whistle,
                jdbc.sql(
                                "update dispatch.summons set action = ?, action_at = ? where whistle_id = ? and department_id = ?")
                        .params(action, ts(at), whistle, department)
                        .update());
    }

    /**
     * Marks every summons of an open whistle not on site as escalated at {@code at}, once each, and returns the
     * departments marked now — so a timer firing twice, or on two nodes, escalates each department once.
     */
    public List<UUID> escalate(UUID whistle, Instant at) {
        return jdbc.sql("update dispatch.summons s set escalated_at = ? from dispatch.whistle w where w.id ="
                        + " s.whistle_id and w.id = ? and w.state = 'OPEN' and s.arrived_at is null and s.escalated_at"
                        + " is null returning s.department_id")
                .params(ts(at), whistle)
                .query(UUID.class)
                .list();
    }

    /** Closes the whistle if still open at {@code version}; returns whether it did. */
    public boolean close(UUID whistle, long version, WhistleOutcome outcome, String note, Instant at, String by) {
        return jdbc.sql(
                                "update dispatch.whistle set state = 'CLOSED', outcome = ?, outcome_note = ?, closed_at = ?,"
                                        + " closed_by = ?, version = version + 1 where id = ? and version = ? and state = 'OPEN'")
                        .params(outcome.name(), note, ts(at), by, whistle, version)
                        .update()
                == 1;
    }

    public void rate(UUID whistle, UUID department, int rating, String note) {
        jdbc.sql("update dispatch.summons set rating = ?, rating_note = ? where whistle_id = ? and department_id = ?")
                .params(rating, note, whistle, department)
                .update();
    }

    /** One department's 报到 over a period (Art 33): summoned, on time, late, absent, rated and the mean rating. */
    public record DepartmentRow(
            UUID departmentId,
            String departmentName,
            long summoned,
            long due,
            long onTime,
            long late,
            long absent,
            long rated,
            Double meanRating) {}

    /** Every department summoned by whistles blown in [{@code from}, {@code to}), as of {@code now}. */
    /**
     * Whose whistles an assessment covers: {@code everything}, or those of one of {@code units} (街道 or 社区) and
     * those summoning one of {@code departments}.
     */
    public record Reach(boolean everything, Collection<UUID> units, Collection<UUID> departments) {

        /** The condition on whistle {@code w}; {@code summoned} is a condition with one parameter, the departments. */
        String where(String summoned) {
            return everything ? "" : " and (w.subdistrict_id = any(?) or w.unit_id = any(?) or " + summoned + ")";
        }

        List<Object> params() {
            if (everything) {
                return List.of();
            }
            UUID[] u = units.toArray(UUID[]::new);
            return List.of(u, u, departments.toArray(UUID[]::new));
        }
    }

    public List<DepartmentRow> departments(Instant from, Instant to, Instant now, Reach reach) {
        // Due: the department came, or its report-by time passed with the whistle still open then (a whistle closed
        // before its time, the matter settled, asked nothing more of those not yet there).
        return jdbc.sql("select s.department_id, min(s.department_name) as name, count(*) as summoned,"
                        + " count(*) filter (where s.arrived_at is not null or (w.report_by < ?"
                        + " and (w.closed_at is null or w.closed_at > w.report_by))) as due,"
                        + " count(*) filter (where s.arrived_at <= w.report_by) as on_time,"
                        + " count(*) filter (where s.arrived_at > w.report_by) as late,"
                        + " count(*) filter (where s.arrived_at is null and w.report_by < ?"
                        + " and (w.closed_at is null or w.closed_at > w.report_by)) as absent,"
                        + " count(s.rating) as rated, avg(s.rating)::float8 as mean"
                        + " from dispatch.summons s join dispatch.whistle w on w.id = s.whistle_id"
                        + " where w.blown_at >= ? and w.blown_at < ?"
                        + reach.where("s.department_id = any(?)")
                        + " group by s.department_id")
                .params(concat(List.of(ts(now), ts(now), ts(from), ts(to)), reach.params()))
                .query((rs, n) -> new DepartmentRow(
                        (UUID) rs.getObject("department_id"),
                        rs.getString("name"),
                        rs.getLong("summoned"),
                        rs.getLong("due"),
                        rs.getLong("on_time"),
                        rs.getLong("late"),
                        rs.getLong("absent"),
                        rs.getLong("rated"),
                        (Double) rs.getObject("mean")))
                .list();
    }

    /** One 街道's whistles over a period (Art 33): blown, by case, closed, and closed resolved. */
    public record StreetRow(
            UUID subdistrictId,
            long blown,
            long complexDemand,
            long jointEnforcement,
            long emergency,
            long closed,
            long resolved) {}

    public List<StreetRow> streets(Instant from, Instant to, Reach reach) {
        return jdbc.sql("select subdistrict_id, count(*) as blown,"
                        + " count(*) filter (where whistle_case = 'COMPLEX_DEMAND') as complex,"
                        + " count(*) filter (where whistle_case = 'JOINT_ENFORCEMENT') as joint,"
                        + " count(*) filter (where whistle_case = 'EMERGENCY') as emergency,"
                        + " count(*) filter (where state = 'CLOSED') as closed,"
                        + " count(*) filter (where outcome = 'RESOLVED') as resolved"
                        + " from dispatch.whistle w where blown_at >= ? and blown_at < ?"
                        + reach.where("exists (select 1 from dispatch.summons s where s.whistle_id = w.id"
                                + " and s.department_id = any(?))")
                        + " group by subdistrict_id")
                .params(concat(List.of(ts(from), ts(to)), reach.params()))
                .query((rs, n) -> new StreetRow(
                        (UUID) rs.getObject("subdistrict_id"),
                        rs.getLong("blown"),
                        rs.getLong("complex"),
                        rs.getLong("joint"),
                        rs.getLong("emergency"),
                        rs.getLong("closed"),
                        rs.getLong("resolved")))
                .list();
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
