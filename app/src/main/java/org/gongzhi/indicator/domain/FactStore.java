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
 * {@code indicator.appeal_fact}, one row of facts per appeal, its monthly roll-up {@code indicator.monthly}, and
 * {@code indicator.settings}. Rows are written whole from an {@link AppealFact}; a row never goes back to an older
 * version of its appeal; the roll-up's buckets a write touches are added up again in the same transaction.
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
        java.util.Optional<Bucket> before = bucketOf(f.appeal().value());
        boolean written = jdbc.sql(UPSERT + " where indicator.appeal_fact.source_version <= excluded.source_version")
                        .params(params(f, now))
                        .update()
                > 0;
        if (written) {
            // The buckets the appeal left and joined (a re-dispatch moves it to another handler's), in one order so
            // two writers never wait on each other's locks.
            java.util.SortedSet<Bucket> touched = new java.util.TreeSet<>();
            before.ifPresent(touched::add);
            touched.add(bucketOf(f));
            touched.forEach(this::recompute);
        }
        return written;
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

    /** Whether no appeal has a row of facts yet. */
    public boolean empty() {
        return jdbc.sql("select not exists (select 1 from indicator.appeal_fact)")
                .query(Boolean.class)
                .single();
    }

    private static Map<String, Object> params(AppealFact f, Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", f.appeal().value());
        p.put("period", period(f));
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

    /** The zero uuid: "no place" or "no handler" in the roll-up's keys. */
    static final String NONE = "00000000-0000-0000-0000-000000000000";

    /**
     * What a group's counts are, each as the condition on a fact that counts it (docs/indicators.md): the same
     * conditions fill the roll-up and count the facts directly, so the two cannot disagree.
     */
    private static final List<String[]> COUNTS = List.of(
            new String[] {"received", "true"},
            new String[] {"dispatched", "dispatch_count > 0"},
            new String[] {"responded_in_time", "dispatch_count > 0 and responded_at <= response_due"},
            new String[] {"followed_up", "reached"},
            new String[] {"resolved", "reached and resolved"},
            new String[] {"satisfied", "reached and satisfaction = 'SATISFIED'"},
            new String[] {"basically_satisfied", "reached and satisfaction = 'BASICALLY_SATISFIED'"},
            new String[] {"closed", "closed_at is not null"},
            new String[] {
                "closed_on_time",
                "closed_at is not null and (resolution_due is null or coalesce(answered_at, closed_at) <= resolution_due)"
            },
            // Answered at least once: a 返工 clears the answer until the next one, but the appeal was answered.
            new String[] {"handled", "dispatch_count > 0 and (answered_at is not null or reworks > 0)"},
            new String[] {"reworked", "reworks > 0"},
            new String[] {"dispatched_once", "dispatch_count = 1"},
            new String[] {"extended", "dispatch_count > 0 and extensions > 0"},
            new String[] {"suspended", "state = 'SUSPENDED'"});

    /** Open work orders whose deadline has passed by {@code :now}: 应结案 though not closed (not 挂账). */
    private static final String OPEN_AND_DUE = "closed_at is null and dispatch_count > 0"
            + " and state not in ('SUSPENDED', 'VOIDED') and resolution_due <= :now";

    private static String counted(java.util.function.Function<String[], String> each) {
        return COUNTS.stream().map(each).collect(java.util.stream.Collectors.joining(", "));
    }

    private static final String BUCKET_COLUMNS = "period, coalesce(subdistrict_id, '" + NONE + "'),"
            + " coalesce(community_id, '" + NONE + "'), coalesce(handler_id, '" + NONE + "'), kind";

    private static final String ROLL_UP = "insert into indicator.monthly (period, subdistrict_id, community_id,"
            + " handler_id, kind, " + counted(c -> c[0]) + ") select " + BUCKET_COLUMNS + ", "
            + counted(c -> "count(*) filter (where " + c[1] + ")") + " from indicator.appeal_fact";

    /** A roll-up bucket: month, 街道, 社区, handling unit (zero uuid for none). */
    record Bucket(LocalDate period, UUID subdistrict, UUID community, UUID handler) implements Comparable<Bucket> {

        @Override
        public int compareTo(Bucket o) {
            return toString().compareTo(o.toString());
        }
    }

    /** The bucket a fact belongs in, as the row written from it keys it. */
    private static Bucket bucketOf(AppealFact f) {
        UUID none = UUID.fromString(NONE);
        return new Bucket(
                period(f),
                f.subdistrictId() == null ? none : f.subdistrictId(),
                f.communityId() == null ? none : f.communityId(),
                f.handlerId() == null ? none : f.handlerId());
    }

    /** The month an appeal counts in: that of its 受理, in Beijing. */
    private static LocalDate period(AppealFact f) {
        return LocalDate.ofInstant(f.registeredAt(), ZONE).withDayOfMonth(1);
    }

    private java.util.Optional<Bucket> bucketOf(UUID appeal) {
        return jdbc.sql("select period, coalesce(subdistrict_id, cast(:none as uuid)) as s,"
                        + " coalesce(community_id, cast(:none as uuid)) as c,"
                        + " coalesce(handler_id, cast(:none as uuid)) as h"
                        + " from indicator.appeal_fact where appeal_id = :id")
                .param("none", NONE)
                .param("id", appeal)
                .query((rs, n) -> new Bucket(
                        rs.getDate("period").toLocalDate(),
                        rs.getObject("s", UUID.class),
                        rs.getObject("c", UUID.class),
                        rs.getObject("h", UUID.class)))
                .optional();
    }

    /**
     * Adds the bucket's facts up again, under an advisory lock on the bucket so two writers cannot interleave (the
     * second waits and then sees the first's row).
     */
    private void recompute(Bucket b) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 7))")
                .param("key", "indicator.monthly:" + b)
                .query((rs, n) -> 1)
                .list();
        jdbc.sql("delete from indicator.monthly where period = :p and subdistrict_id = :s and community_id = :c"
                        + " and handler_id = :h")
                .param("p", b.period())
                .param("s", b.subdistrict())
                .param("c", b.community())
                .param("h", b.handler())
                .update();
        jdbc.sql(ROLL_UP + " where period = :p and coalesce(subdistrict_id, '" + NONE + "') = :s"
                        + " and coalesce(community_id, '" + NONE + "') = :c"
                        + " and coalesce(handler_id, '" + NONE + "') = :h group by 1, 2, 3, 4, 5")
                .param("p", b.period())
                .param("s", b.subdistrict())
                .param("c", b.community())
                .param("h", b.handler())
                .update();
    }

    /** Rebuilds the whole roll-up from the facts (after the nightly reconciliation), in the caller's transaction. */
    public void rebuild() {
        jdbc.sql("lock table indicator.monthly in exclusive mode").update();
        jdbc.sql("delete from indicator.monthly").update();
        jdbc.sql(ROLL_UP + " group by 1, 2, 3, 4, 5").update();
    }

    /** Whether the roll-up holds nothing (an installation upgraded with facts but no roll-up yet). */
    public boolean rollUpEmpty() {
        return jdbc.sql("select not exists (select 1 from indicator.monthly)")
                .query(Boolean.class)
                .single();
    }

    /**
     * Which facts to add up: broken down by {@code dimension} (null: one total) and, when {@code byMonth}, by month;
     * only {@code key} of the dimension when given; months {@code from}–{@code to} (first days, inclusive), or when
     * {@code only} is not null just those months; within the viewer's reach ({@code everything}, or appeals in one of
     * the {@code subdistricts}, {@code communities} or {@code grids} or led by one of {@code organisations}); leaving
     * out the {@code excluded} kinds (INTAKE, VOIDED, REPEAT). {@code now} decides which open work orders are already
     * 应结案 (deadline passed) and their traffic light.
     */
    public record Slice(
            Dimension dimension,
            String key,
            boolean byMonth,
            LocalDate from,
            LocalDate to,
            List<LocalDate> only,
            boolean everything,
            List<UUID> subdistricts,
            List<UUID> communities,
            List<UUID> grids,
            List<UUID> organisations,
            List<String> excluded,
            Instant now) {

        /** Whether the roll-up can answer: its keys are 街道, 社区 and handling unit, so not grids or categories. */
        boolean rolledUp() {
            return (dimension == null
                            || dimension == Dimension.HANDLER
                            || dimension == Dimension.STREET
                            || dimension == Dimension.COMMUNITY)
                    && (everything || grids.isEmpty());
        }
    }

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

    /** The slice's conditions, for the facts or the roll-up (whose columns have the same names). */
    private static Where where(Slice s, boolean periods) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder w = new StringBuilder(" where kind <> all(:excluded)");
        p.put("excluded", s.excluded().toArray(String[]::new));
        if (periods && s.only() != null) {
            w.append(" and period = any(:only)");
            p.put("only", s.only().stream().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new));
        } else if (periods) {
            w.append(" and period between :from and :to");
            p.put("from", s.from());
            p.put("to", s.to());
        }
        if (!s.everything()) {
            w.append(" and (subdistrict_id = any(:subdistricts) or community_id = any(:communities)");
            if (!s.grids().isEmpty()) {
                w.append(" or grid_id = any(:grids)");
            }
            w.append(" or handler_id = any(:orgs))");
            p.put("subdistricts", s.subdistricts().toArray(UUID[]::new));
            p.put("communities", s.communities().toArray(UUID[]::new));
            p.put("grids", s.grids().toArray(UUID[]::new));
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
                if (s.dimension() != Dimension.CATEGORY) {
                    w.append(" and ")
                            .append(column)
                            .append(" <> '")
                            .append(NONE)
                            .append("'");
                }
            }
        }
        return new Where(w.toString(), p);
    }

    private static String keyColumn(Slice s) {
        return s.dimension() == null ? "cast(null as text)" : "cast(" + column(s.dimension()) + " as text)";
    }

    /**
     * The counts of the slice, one group per key (and month): from the roll-up where it can answer, with the open work
     * orders already due counted from the facts; from the facts alone otherwise.
     */
    public List<Group> counts(Slice s) {
        Where w = where(s, true);
        String head = "select " + keyColumn(s) + " as key, " + (s.byMonth() ? "period" : "cast(null as date)")
                + " as month, ";
        Map<String, Object> p = new HashMap<>(w.params());
        p.put("now", Timestamp.from(s.now()));
        if (!s.rolledUp()) {
            String sql = head + counted(c -> "count(*) filter (where " + c[1] + ") as " + c[0])
                    + ", count(*) filter (where closed_at is not null or (" + OPEN_AND_DUE + ")) as due"
                    + " from indicator.appeal_fact" + w.sql() + " group by 1, 2";
            return jdbc.sql(sql).params(p).query(FactStore::group).list();
        }
        Map<List<Object>, Long> openDue = new HashMap<>();
        jdbc.sql(head + "count(*) as due from indicator.appeal_fact" + w.sql() + " and " + OPEN_AND_DUE
                        + " group by 1, 2")
                .params(p)
                .query((rs, n) -> openDue.put(
                        java.util.Arrays.asList(rs.getString("key"), rs.getDate("month")), rs.getLong("due")))
                .list();
        String sql = head + counted(c -> "sum(" + c[0] + ") as " + c[0]) + ", sum(closed) as due"
                + " from indicator.monthly" + w.sql() + " group by 1, 2";
        return jdbc.sql(sql)
                .params(p)
                .query((rs, n) -> {
                    Group g = group(rs, n);
                    long more =
                            openDue.getOrDefault(java.util.Arrays.asList(rs.getString("key"), rs.getDate("month")), 0L);
                    return new Group(g.key(), g.period(), g.counts().plusDue(more));
                })
                .list();
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
                        rs.getLong("basically_satisfied"),
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
        Where w = where(s, false);
        String sql = "select " + keyColumn(s) + " as key,"
                + " count(*) filter (where (red_after is null or red_after > :now)"
                + "     and (yellow_from is null or yellow_from > :now)) as green,"
                + " count(*) filter (where yellow_from <= :now and (red_after is null or red_after > :now)) as yellow,"
                + " count(*) filter (where red_after <= :now) as red"
                + " from indicator.appeal_fact" + w.sql()
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
