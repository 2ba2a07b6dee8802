package org.gongzhi.indicator.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.appeal.AppealFact;
import org.gongzhi.indicator.Dimension;
import org.gongzhi.indicator.IndicatorSettings;
import org.gongzhi.indicator.Rates;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code indicator.appeal_fact}, one row of facts per appeal, and {@code indicator.settings}. Rows are written whole
 * from an {@link AppealFact}; a row never goes back to an older version of its appeal.
 */
@Component
public class FactStore {

    /** Months are Beijing months. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final String UPSERT = """
            insert into indicator.appeal_fact (appeal_id, period, registered_at, channel, type, category_code,
                subdistrict_id, community_id, grid_id, handler_id, state, closure, dispatch_count, dispatched_at,
                response_due, responded_at, resolution_due, answered_at, closed_at, yellow_from, red_after, reworks,
                extensions, suspensions, reached, resolved, satisfaction, followed_up_at, synthetic, source_version,
                refreshed_at)
            values (:id, :period, :registeredAt, :channel, :type, :category, :subdistrict, :community, :grid, :handler,
                :state, :closure, :dispatchCount, :dispatchedAt, :responseDue, :respondedAt, :resolutionDue,
                :answeredAt, :closedAt, :yellowFrom, :redAfter, :reworks, :extensions, :suspensions, :reached,
                :resolved, :satisfaction, :followedUpAt, :synthetic, :version, :now)
            on conflict (appeal_id) do update set period = excluded.period, registered_at = excluded.registered_at,
                channel = excluded.channel, type = excluded.type, category_code = excluded.category_code,
                subdistrict_id = excluded.subdistrict_id, community_id = excluded.community_id,
                grid_id = excluded.grid_id, handler_id = excluded.handler_id, state = excluded.state,
                closure = excluded.closure, dispatch_count = excluded.dispatch_count,
                dispatched_at = excluded.dispatched_at, response_due = excluded.response_due,
                responded_at = excluded.responded_at, resolution_due = excluded.resolution_due,
                answered_at = excluded.answered_at, closed_at = excluded.closed_at,
                yellow_from = excluded.yellow_from, red_after = excluded.red_after, reworks = excluded.reworks,
                extensions = excluded.extensions, suspensions = excluded.suspensions, reached = excluded.reached,
                resolved = excluded.resolved, satisfaction = excluded.satisfaction,
                followed_up_at = excluded.followed_up_at, synthetic = excluded.synthetic,
                source_version = excluded.source_version, refreshed_at = excluded.refreshed_at
            """;

    /** What the columns of a fact are, to tell whether a stored row says the same as the appeal module now. */
    private static final String SAME = """
            (f.period, f.channel, f.type, f.category_code, f.subdistrict_id, f.community_id, f.grid_id, f.handler_id,
             f.state, f.closure, f.dispatch_count, f.dispatched_at, f.response_due, f.responded_at, f.resolution_due,
             f.answered_at, f.closed_at, f.yellow_from, f.red_after, f.reworks, f.extensions, f.suspensions, f.reached,
             f.resolved, f.satisfaction, f.followed_up_at, f.synthetic)
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batched;

    FactStore(JdbcClient jdbc, NamedParameterJdbcTemplate batched) {
        this.jdbc = jdbc;
        this.batched = batched;
    }

    /**
     * Writes the fact unless the stored row is of a later version of the appeal (events may arrive out of order).
     * Returns whether the row was written.
     */
    public boolean put(AppealFact f, Instant now) {
        return jdbc.sql(UPSERT + " where indicator.appeal_fact.source_version <= excluded.source_version")
                        .params(params(f, now))
                        .update()
                > 0;
    }

    /**
     * Writes each fact whose row is missing or says anything else (the nightly reconciliation); returns how many rows
     * were added or corrected.
     */
    public int reconcile(List<AppealFact> facts, Instant now) {
        if (facts.isEmpty()) {
            return 0;
        }
        String sql = UPSERT + " where " + SAME.replace("f.", "indicator.appeal_fact.") + " is distinct from "
                + SAME.replace("f.", "excluded.");
        @SuppressWarnings("unchecked")
        Map<String, Object>[] batch = facts.stream().map(f -> params(f, now)).toArray(Map[]::new);
        return java.util.Arrays.stream(batched.batchUpdate(sql, batch))
                .map(n -> Math.max(n, 0))
                .sum();
    }

    /** Rows whose appeal the appeal module no longer knows, among {@code known} ids' range: removed. */
    public int removeMissing(UUID fromExclusive, UUID toInclusive, List<UUID> known) {
        return jdbc.sql("delete from indicator.appeal_fact where (cast(:from as uuid) is null or appeal_id > :from)"
                        + " and (cast(:to as uuid) is null or appeal_id <= :to) and appeal_id <> all(:known)")
                .param("from", fromExclusive)
                .param("to", toInclusive)
                .param("known", known.toArray(UUID[]::new))
                .update();
    }

    public long count() {
        return jdbc.sql("select count(*) from indicator.appeal_fact")
                .query(Long.class)
                .single();
    }

    private static Map<String, Object> params(AppealFact f, Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", f.appeal().value());
        p.put("period", LocalDate.ofInstant(f.registeredAt(), ZONE).withDayOfMonth(1));
        p.put("registeredAt", ts(f.registeredAt()));
        p.put("channel", f.channel().name());
        p.put("type", f.type().name());
        p.put("category", f.categoryCode());
        p.put("subdistrict", f.subdistrictId());
        p.put("community", f.communityId());
        p.put("grid", f.gridId());
        p.put("handler", f.handlerId());
        p.put("state", f.state().name());
        p.put("closure", f.closure() == null ? null : f.closure().name());
        p.put("dispatchCount", f.dispatchCount());
        p.put("dispatchedAt", ts(f.dispatchedAt()));
        p.put("responseDue", ts(f.responseDue()));
        p.put("respondedAt", ts(f.respondedAt()));
        p.put("resolutionDue", ts(f.resolutionDue()));
        p.put("answeredAt", ts(f.answeredAt()));
        p.put("closedAt", ts(f.closedAt()));
        p.put("yellowFrom", ts(f.yellowFrom()));
        p.put("redAfter", ts(f.redAfter()));
        p.put("reworks", f.reworks());
        p.put("extensions", f.extensions());
        p.put("suspensions", f.suspensions());
        p.put("reached", f.reached());
        p.put("resolved", f.resolved());
        p.put("satisfaction", f.satisfaction() == null ? null : f.satisfaction().name());
        p.put("followedUpAt", ts(f.followedUpAt()));
        p.put("synthetic", f.synthetic());
        p.put("version", f.version());
        p.put("now", ts(now));
        return p;
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    // ---- aggregates ----

    /**
     * Which facts to add up: broken down by {@code dimension} (null: one total) and, when {@code byMonth}, by month;
     * only {@code key} of the dimension when given; months {@code from}–{@code to} (first days, inclusive); within the
     * viewer's reach ({@code everything}, or appeals in one of {@code units} or led by one of {@code organisations}).
     * {@code now} decides which open work orders are already 应结案 (deadline passed) and their traffic light.
     */
    public record Slice(
            Dimension dimension,
            String key,
            boolean byMonth,
            LocalDate from,
            LocalDate to,
            boolean everything,
            List<UUID> units,
            List<UUID> organisations,
            IndicatorSettings settings,
            Instant now) {}

    /** One group's counts: {@code key} (null for a total), {@code period} (null unless by month). */
    public record Group(String key, LocalDate period, Rates.Counts counts) {}

    /** One group's open work orders by traffic light (DOMAIN.md §4, Clocks). */
    public record Lights(String key, long green, long yellow, long red) {}

    private static String column(Dimension d) {
        return switch (d) {
            case HANDLER -> "handler_id";
            case STREET -> "subdistrict_id";
            case COMMUNITY -> "community_id";
            case GRID -> "grid_id";
            case CATEGORY -> "category_code";
        };
    }

    private record Where(String sql, Map<String, Object> params) {}

    private static Where where(Slice s) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder w = new StringBuilder(" where period between :from and :to");
        p.put("from", s.from());
        p.put("to", s.to());
        if (s.settings().excludeAnsweredAtIntake()) {
            w.append(" and closure is distinct from 'ANSWERED_AT_INTAKE'");
        }
        if (s.settings().excludeRepeats()) {
            w.append(" and closure is distinct from 'REPEAT'");
        }
        if (s.settings().excludeVoided()) {
            w.append(" and state <> 'VOIDED'");
        }
        if (!s.everything()) {
            w.append(" and (subdistrict_id = any(:units) or community_id = any(:units) or grid_id = any(:units)"
                    + " or handler_id = any(:orgs))");
            p.put("units", s.units().toArray(UUID[]::new));
            p.put("orgs", s.organisations().toArray(UUID[]::new));
        }
        if (s.dimension() != null) {
            String column = column(s.dimension());
            if (s.key() != null) {
                w.append(" and ")
                        .append(column)
                        .append(" = ")
                        .append(s.dimension() == Dimension.CATEGORY ? ":key" : "cast(:key as uuid)");
                p.put("key", s.key());
            } else {
                w.append(" and ").append(column).append(" is not null");
            }
        }
        return new Where(w.toString(), p);
    }

    private static String keyColumn(Slice s) {
        return s.dimension() == null ? "cast(null as text)" : "cast(" + column(s.dimension()) + " as text)";
    }

    /** The counts of the slice, one group per key (and month). */
    public List<Group> counts(Slice s) {
        Where w = where(s);
        String key = keyColumn(s);
        String period = s.byMonth() ? "period" : "cast(null as date)";
        String sql = "select " + key + " as key, " + period + " as month,"
                + " count(*) as received,"
                + " count(*) filter (where dispatch_count > 0) as dispatched,"
                + " count(*) filter (where dispatch_count > 0 and responded_at <= response_due) as responded_in_time,"
                + " count(*) filter (where reached) as followed_up,"
                + " count(*) filter (where reached and resolved) as resolved,"
                + " count(*) filter (where reached and satisfaction = 'SATISFIED') as satisfied,"
                + " count(*) filter (where reached and satisfaction = 'BASICALLY_SATISFIED') as basically,"
                + " count(*) filter (where closed_at is not null or (dispatch_count > 0 and state <> 'SUSPENDED'"
                + "     and state <> 'VOIDED' and resolution_due <= :now)) as due,"
                + " count(*) filter (where closed_at is not null) as closed,"
                + " count(*) filter (where closed_at is not null and (resolution_due is null"
                + "     or coalesce(answered_at, closed_at) <= resolution_due)) as closed_on_time,"
                + " count(*) filter (where dispatch_count > 0 and answered_at is not null) as handled,"
                + " count(*) filter (where reworks > 0) as reworked,"
                + " count(*) filter (where dispatch_count = 1) as dispatched_once,"
                + " count(*) filter (where dispatch_count > 0 and extensions > 0) as extended,"
                + " count(*) filter (where state = 'SUSPENDED') as suspended"
                + " from indicator.appeal_fact" + w.sql()
                + " group by 1, 2";
        Map<String, Object> p = new HashMap<>(w.params());
        p.put("now", Timestamp.from(s.now()));
        return jdbc.sql(sql).params(p).query(FactStore::group).list();
    }

    private static Group group(ResultSet rs, int row) throws SQLException {
        java.sql.Date month = rs.getDate("month");
        return new Group(
                rs.getString("key"),
                month == null ? null : month.toLocalDate(),
                new Rates.Counts(
                        rs.getLong("received"),
                        rs.getLong("dispatched"),
                        rs.getLong("responded_in_time"),
                        rs.getLong("followed_up"),
                        rs.getLong("resolved"),
                        rs.getLong("satisfied"),
                        rs.getLong("basically"),
                        rs.getLong("due"),
                        rs.getLong("closed"),
                        rs.getLong("closed_on_time"),
                        rs.getLong("handled"),
                        rs.getLong("reworked"),
                        rs.getLong("dispatched_once"),
                        rs.getLong("extended"),
                        rs.getLong("suspended")));
    }

    /**
     * The open work orders of the slice (dispatched, not yet answered or closed; any month) by light at {@code now}:
     * red past the deadline, yellow from 80 % of the limit, green before (the moments the appeal module stores).
     */
    public List<Lights> lights(Slice s) {
        Where w = where(s);
        String sql = "select " + keyColumn(s) + " as key,"
                + " count(*) filter (where (red_after is null or red_after > :now)"
                + "     and (yellow_from is null or yellow_from > :now)) as green,"
                + " count(*) filter (where yellow_from <= :now and (red_after is null or red_after > :now)) as yellow,"
                + " count(*) filter (where red_after <= :now) as red"
                + " from indicator.appeal_fact"
                + w.sql().replace("period between :from and :to", "true")
                + " and dispatch_count > 0 and state in ('DISPATCHED', 'OBJECTED', 'SIGNED', 'HANDLING', 'SUSPENDED')"
                + " group by 1";
        Map<String, Object> p = new HashMap<>(w.params());
        p.put("now", Timestamp.from(s.now()));
        return jdbc.sql(sql)
                .params(p)
                .query((rs, n) ->
                        new Lights(rs.getString("key"), rs.getLong("green"), rs.getLong("yellow"), rs.getLong("red")))
                .list();
    }

    // ---- settings ----

    public IndicatorSettings settings() {
        return jdbc.sql("select * from indicator.settings where id = 1")
                .query((rs, n) -> new IndicatorSettings(
                        rs.getInt("response_weight"),
                        rs.getInt("resolution_weight"),
                        rs.getInt("satisfaction_weight"),
                        rs.getBigDecimal("basically_satisfied_weight"),
                        rs.getBoolean("exclude_answered_at_intake"),
                        rs.getBoolean("exclude_voided"),
                        rs.getBoolean("exclude_repeats"),
                        rs.getTimestamp("updated_at").toInstant(),
                        rs.getString("updated_by"),
                        rs.getLong("version")))
                .single();
    }

    /** Saves the settings if the stored version is still {@code expectedVersion}; false when it moved on. */
    public boolean changeSettings(IndicatorSettings s, long expectedVersion, Instant now, String by) {
        return jdbc.sql("update indicator.settings set response_weight = :rw, resolution_weight = :sw,"
                                + " satisfaction_weight = :tw, basically_satisfied_weight = :bw,"
                                + " exclude_answered_at_intake = :xi, exclude_voided = :xv, exclude_repeats = :xr,"
                                + " updated_at = :now, updated_by = :by, version = version + 1"
                                + " where id = 1 and version = :expected")
                        .param("rw", s.responseWeight())
                        .param("sw", s.resolutionWeight())
                        .param("tw", s.satisfactionWeight())
                        .param("bw", s.basicallySatisfiedWeight())
                        .param("xi", s.excludeAnsweredAtIntake())
                        .param("xv", s.excludeVoided())
                        .param("xr", s.excludeRepeats())
                        .param("now", Timestamp.from(now))
                        .param("by", by)
                        .param("expected", expectedVersion)
                        .update()
                == 1;
    }
}
