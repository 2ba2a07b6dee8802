package org.gongzhi.appeal.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gongzhi.appeal.AppealAction;
import org.gongzhi.appeal.AppealState;
import org.gongzhi.appeal.AppealType;
import org.gongzhi.appeal.Channel;
import org.gongzhi.appeal.Closure;
import org.gongzhi.appeal.EmergencyService;
import org.gongzhi.appeal.FollowUpPolicy;
import org.gongzhi.appeal.FollowUpSource;
import org.gongzhi.appeal.Satisfaction;
import org.gongzhi.appeal.UnresolvedFollowUp;
import org.gongzhi.appeal.Urgency;
import org.gongzhi.platform.Actor;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.TimeLimit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appeals in {@code appeal.appeal} and their timeline in {@code appeal.step}. An update names the version it read and
 * changes nothing when the row moved on; steps are appended without touching the appeal (ADR 0013).
 */
@Component
public class AppealStore {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final JdbcClient jdbc;

    AppealStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One step as the timeline shows it. */
    public record StoredStep(
            long id,
            AppealAction action,
            AppealState from,
            AppealState to,
            String actor,
            String actorRole,
            Instant at,
            String reason,
            Map<String, Object> details) {}

    public void insert(Appeal a) {
        var intake = a.intake();
        var place = intake.place();
        var reporter = intake.reporter();
        jdbc.sql("insert into appeal.appeal (id, tracking_code, token_hash, channel, type, category_code,"
                        + " category_version, urgency, content, address, latitude, longitude, district_id,"
                        + " subdistrict_id, community_id, grid_id, unit_id, street_code, reporter_name,"
                        + " reporter_phone, phone_lookup, anonymous, resident_id, registered_by, work_order_number, body_hash, coordinator_id,"
                        + " state, registered_at, updated_at, synthetic, version) values (:id, :code, :token, :channel, :type,"
                        + " :category, :categoryVersion, :urgency, :content, :address, :lat, :lng, :district,"
                        + " :subdistrict, :community, :grid, :unit, :street, :name, :phone, :lookup, :anonymous, :resident,"
                        + " :registeredBy, :workOrder, :bodyHash, :coordinator, :state, :at, :at, :synthetic, 0)")
                .param("id", a.id())
                .param("code", a.trackingCode())
                .param("token", a.tokenHash())
                .param("channel", intake.channel().name())
                .param("type", intake.type().name())
                .param("category", a.categoryCode())
                .param("categoryVersion", a.categoryVersion())
                .param("urgency", a.urgency().name())
                .param("content", intake.content())
                .param("address", intake.address())
                .param("lat", intake.latitude())
                .param("lng", intake.longitude())
                .param("district", place.districtId())
                .param("subdistrict", place.subdistrictId())
                .param("community", place.communityId())
                .param("grid", place.gridId())
                .param("unit", place.unitId())
                .param("street", place.streetCode())
                .param("name", reporter.nameCipher())
                .param("phone", reporter.phoneCipher())
                .param("lookup", reporter.phoneLookup())
                .param("anonymous", reporter.anonymous())
                .param("resident", reporter.residentId())
                .param("registeredBy", intake.registeredBy())
                .param("workOrder", intake.workOrderNumber())
                .param("bodyHash", intake.bodyHash())
                .param("coordinator", intake.coordinatorId())
                .param("state", a.state().name())
                .param("at", ts(a.registeredAt()))
                .param("synthetic", intake.synthetic())
                .update();
    }

    /**
     * Saves the lifecycle of {@code a} if the stored row still has the version {@code a} was read with; returns whether
     * it did (and the appeal's new version is then one more).
     */
    public boolean update(Appeal a) {
        int n = jdbc.sql("update appeal.appeal set category_code = :category, category_version = :categoryVersion,"
                        + " urgency = :urgency, state = :state, closure = :closure, repeat_of = :repeatOf,"
                        + " emergency_service = :emergency, handler_id = :handler, co_handler_ids = cast(:coHandlers as uuid[]),"
                        + " dispatch_count = :dispatchCount, dispatched_at = :dispatchedAt,"
                        + " response_due = :responseDue, resolution_due = :resolutionDue, signed_at = :signedAt,"
                        + " responded_at = :respondedAt, extension_requested = :extension,"
                        + " suspended_at = :suspendedAt, answered_at = :answeredAt, resolved = :resolved,"
                        + " satisfaction = :satisfaction, closed_at = :closedAt, updated_at = :updatedAt,"
                        + " yellow_from = :yellowFrom, red_after = :redAfter, answer_round = :round,"
                        + " follow_up_due = :followUpDue, verification_required = :verify,"
                        + " version = version + 1 where id = :id and version = :version")
                .param("category", a.categoryCode())
                .param("categoryVersion", a.categoryVersion())
                .param("urgency", a.urgency().name())
                .param("state", a.state().name())
                .param("closure", name(a.closure()))
                .param("repeatOf", a.repeatOf())
                .param("emergency", name(a.emergencyService()))
                .param("handler", a.handlerId())
                .param(
                        "coHandlers",
                        "{"
                                + String.join(
                                        ",",
                                        a.coHandlerIds().stream()
                                                .map(UUID::toString)
                                                .toList()) + "}")
                .param("dispatchCount", a.dispatchCount())
                .param("dispatchedAt", ts(a.dispatchedAt()))
                .param("responseDue", ts(a.responseDue()))
                .param("resolutionDue", ts(a.resolutionDue()))
                .param("signedAt", ts(a.signedAt()))
                .param("respondedAt", ts(a.respondedAt()))
                .param("extension", a.extensionRequested())
                .param("suspendedAt", ts(a.suspendedAt()))
                .param("answeredAt", ts(a.answeredAt()))
                .param("resolved", a.resolved())
                .param("satisfaction", name(a.satisfaction()))
                .param("closedAt", ts(a.closedAt()))
                .param("updatedAt", ts(a.updatedAt()))
                .param("yellowFrom", ts(a.yellowFrom()))
                .param("redAfter", ts(a.redAfter()))
                .param("round", a.rounds().answered())
                .param("followUpDue", ts(a.rounds().followUpDue()))
                .param("verify", a.rounds().verificationRequired())
                .param("id", a.id())
                .param("version", a.version())
                .update();
        return n == 1;
    }

    public void append(UUID appeal, Appeal.Step step, Actor actor, Instant at) {
        jdbc.sql("insert into appeal.step (appeal_id, action, from_state, to_state, actor, actor_role, at, reason,"
                        + " details) values (:appeal, :action, :from, :to, :actor, :role, :at, :reason,"
                        + " cast(:details as jsonb))")
                .param("appeal", appeal)
                .param("action", step.action().name())
                .param("from", name(step.from()))
                .param("to", step.to().name())
                .param("actor", actor.name())
                .param("role", actor.role())
                .param("at", ts(at))
                .param("reason", step.reason())
                .param("details", JSON.writeValueAsString(step.details()))
                .update();
    }

    /** One 回访 answer as kept: one per appeal and round, the database refusing a second. */
    public record FollowUpRecord(
            UUID appeal,
            int round,
            FollowUpSource source,
            boolean reached,
            Boolean resolved,
            Satisfaction satisfaction,
            String comment,
            Instant answeredAt,
            String recordedBy) {}

    /**
     * Keeps the 回访 answer of its round. A second answer for the same round — sent twice, or by two people at once —
     * is refused by the primary key: 409 {@code appeal.follow-up.recorded}.
     */
    public void recordFollowUp(FollowUpRecord f) {
        try {
            jdbc.sql("insert into appeal.follow_up (appeal_id, round, source, reached, resolved, satisfaction, comment,"
                            + " answered_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            f.appeal(),
                            f.round(),
                            f.source().name(),
                            f.reached(),
                            f.resolved(),
                            name(f.satisfaction()),
                            f.comment(),
                            ts(f.answeredAt()),
                            f.recordedBy())
                    .update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw DomainException.conflict("appeal.follow-up.recorded");
        }
    }

    /** The 回访 answers of an appeal, round by round. */
    public List<FollowUpRecord> followUps(UUID appeal) {
        return jdbc.sql("select * from appeal.follow_up where appeal_id = ? order by round")
                .param(appeal)
                .query((rs, n) -> new FollowUpRecord(
                        appeal,
                        rs.getInt("round"),
                        FollowUpSource.valueOf(rs.getString("source")),
                        rs.getBoolean("reached"),
                        (Boolean) rs.getObject("resolved"),
                        value(Satisfaction.class, rs.getString("satisfaction")),
                        rs.getString("comment"),
                        instant(rs, "answered_at"),
                        rs.getString("recorded_by")))
                .list();
    }

    /** The installation's 回访 policy (one row). */
    public FollowUpPolicy followUpPolicy() {
        return jdbc.sql("select * from appeal.follow_up_policy where id = 1")
                .query((rs, n) -> new FollowUpPolicy(
                        TimeLimit.parse(rs.getString("answer_within")),
                        UnresolvedFollowUp.valueOf(rs.getString("when_unresolved")),
                        instant(rs, "updated_at"),
                        rs.getString("updated_by"),
                        rs.getLong("version")))
                .single();
    }

    /** Saves a new 回访 policy if the stored one is still at {@code version}; returns whether it did. */
    public boolean changeFollowUpPolicy(
            TimeLimit answerWithin, UnresolvedFollowUp whenUnresolved, long version, Instant at, String by) {
        return jdbc.sql("update appeal.follow_up_policy set answer_within = ?, when_unresolved = ?, updated_at = ?,"
                                + " updated_by = ?, version = version + 1 where id = 1 and version = ?")
                        .params(answerWithin.toString(), whenUnresolved.name(), ts(at), by, version)
                        .update()
                == 1;
    }

    public Optional<Appeal> find(UUID id) {
        return jdbc.sql("select * from appeal.appeal where id = :id")
                .param("id", id)
                .query(AppealStore::row)
                .optional();
    }

    public Optional<Appeal> findByTrackingCode(String code) {
        return jdbc.sql("select * from appeal.appeal where tracking_code = :code")
                .param("code", code)
                .query(AppealStore::row)
                .optional();
    }

    public Optional<Appeal> findByWorkOrderNumber(String number) {
        return jdbc.sql("select * from appeal.appeal where work_order_number = :number")
                .param("number", number)
                .query(AppealStore::row)
                .optional();
    }

    /**
     * Appeals for a list page, {@code limit} at a time after {@code cursor} (null: the first page). {@code visible}
     * limits to what the reader may see ({@code everything}, else appeals at {@code units} or handled by {@code
     * organisations}); {@code mine} keeps the open work orders of {@code organisations}, soonest due first.
     */
    public List<Appeal> list(ListQuery q) {
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> params = new HashMap<>();
        if (!q.everything() || q.mine()) {
            String orgs = "(a.handler_id = any(:orgs) or a.co_handler_ids && :orgs)";
            where.append(
                    q.mine()
                            ? " and " + MINE + " and a.state in ('DISPATCHED', 'OBJECTED', 'SIGNED', 'HANDLING',"
                                    + " 'SUSPENDED')"
                            : " and (coalesce(a.unit_id, a.coordinator_id) = any(:units) or " + orgs + ")");
            params.put("orgs", q.organisations().toArray(UUID[]::new));
            params.put("units", q.units().toArray(UUID[]::new));
        }
        if (q.state() != null) {
            where.append(" and a.state = :state");
            params.put("state", q.state().name());
        }
        if (q.category() != null) {
            where.append(
                    q.category().length() == 3
                            ? " and a.category_code like :category"
                            : " and a.category_code = :category");
            params.put("category", q.category().length() == 3 ? q.category() + "%" : q.category());
        }
        if (q.channel() != null) {
            where.append(" and a.channel = :channel");
            params.put("channel", q.channel().name());
        }
        if (q.handlerId() != null) {
            where.append(" and a.handler_id = :handler");
            params.put("handler", q.handlerId());
        }
        if (q.from() != null) {
            where.append(" and a.registered_at >= :from");
            params.put("from", Timestamp.from(q.from()));
        }
        if (q.until() != null) {
            where.append(" and a.registered_at < :until");
            params.put("until", Timestamp.from(q.until()));
        }
        if (q.light() != null) {
            // The stored moments the light changes (Appeal#yellowFrom, #redAfter), so each light has an index.
            where.append(
                    switch (q.light()) {
                        case RED -> " and a.red_after < :now";
                        case YELLOW -> " and a.yellow_from <= :now and (a.red_after >= :now or a.red_after is null)";
                        case GREEN ->
                            " and a.dispatched_at is not null and a.resolution_due is not null"
                                    + " and a.closure is distinct from 'REPEAT' and (a.yellow_from > :now or a.yellow_from"
                                    + " is null)";
                    });
            params.put("now", Timestamp.from(q.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
        }
        String order;
        if (q.mine()) {
            order = " order by a.resolution_due, a.id";
            if (q.afterTime() != null) {
                where.append(" and (a.resolution_due, a.id) > (:afterTime, :afterId)");
            }
        } else {
            order = " order by a.registered_at desc, a.id desc";
            if (q.afterTime() != null) {
                where.append(" and (a.registered_at, a.id) < (:afterTime, :afterId)");
            }
        }
        if (q.afterTime() != null) {
            params.put("afterTime", Timestamp.from(q.afterTime()));
            params.put("afterId", q.afterId());
        }
        params.put("limit", q.limit());
        String sql;
        if (q.mine()) {
            // Led by each of the reader's organisations, or co-handled: index-friendly parts (each organisation's
            // open work orders in deadline order; the co-handlers' GIN index), merged, instead of one OR that reads
            // every open appeal.
            StringBuilder parts = new StringBuilder();
            List<UUID> organisations = q.organisations();
            for (int i = 0; i < organisations.size(); i++) {
                params.put("org" + i, organisations.get(i));
                parts.append("(select a.* from appeal.appeal a where ")
                        .append(where.toString().replace(MINE, "a.handler_id = :org" + i))
                        .append(order)
                        .append(" limit :limit) union all ");
            }
            String helped = where.toString()
                    .replace(MINE, "a.co_handler_ids && :orgs and (a.handler_id = any(:orgs)) is not true");
            parts.append("(select a.* from appeal.appeal a where ")
                    .append(helped)
                    .append(order)
                    .append(" limit :limit)");
            sql = "select a.* from (" + parts + ") a" + order + " limit :limit";
        } else {
            sql = "select a.* from appeal.appeal a where " + where + order + " limit :limit";
        }
        return jdbc.sql(sql).params(params).query(AppealStore::row).list();
    }

    /** Where the handler's inbox names the reader's organisations; replaced by each half of its query. */
    private static final String MINE = "/*mine*/";

    /** What {@link #list} reads: the reader's reach, the filters and where the page starts. */
    public record ListQuery(
            boolean everything,
            List<UUID> units,
            List<UUID> organisations,
            boolean mine,
            org.gongzhi.appeal.AppealState state,
            String category,
            Channel channel,
            UUID handlerId,
            org.gongzhi.appeal.TrafficLight light,
            Instant from,
            Instant until,
            Instant now,
            Instant afterTime,
            UUID afterId,
            int limit) {}

    /** Keeps an appeal's cleaned photos, in the order given. */
    public void insertPhotos(UUID appeal, List<PhotoCleaner.Photo> photos, Instant at) {
        for (int i = 0; i < photos.size(); i++) {
            PhotoCleaner.Photo p = photos.get(i);
            jdbc.sql("insert into appeal.photo (appeal_id, position, width, height, bytes, created_at)"
                            + " values (:appeal, :position, :width, :height, :bytes, :at)")
                    .param("appeal", appeal)
                    .param("position", i)
                    .param("width", p.width())
                    .param("height", p.height())
                    .param("bytes", p.bytes())
                    .param("at", ts(at))
                    .update();
        }
    }

    public int photoCount(UUID appeal) {
        return jdbc.sql("select count(*) from appeal.photo where appeal_id = :appeal")
                .param("appeal", appeal)
                .query(Integer.class)
                .single();
    }

    public Optional<byte[]> photo(UUID appeal, int position) {
        return jdbc.sql("select bytes from appeal.photo where appeal_id = :appeal and position = :position")
                .param("appeal", appeal)
                .param("position", position)
                .query(byte[].class)
                .optional();
    }

    /**
     * Appeals residents sent themselves (channels ONLINE and OPEN311, never demo data) matching the conditions, newest
     * first.
     */
    public List<Appeal> published(
            List<String> codes,
            List<String> categories,
            Instant from,
            Instant to,
            Boolean closed,
            List<UUID> subdistricts,
            int limit) {
        return jdbc.sql("select * from appeal.appeal where channel in ('ONLINE', 'OPEN311') and not synthetic"
                        + " and (cardinality(cast(:codes as varchar[])) = 0 or tracking_code = any(cast(:codes as varchar[])))"
                        + " and (cardinality(cast(:categories as varchar[])) = 0"
                        + " or category_code = any(cast(:categories as varchar[])))"
                        + " and (cast(:from as timestamptz) is null or registered_at >= :from)"
                        + " and (cast(:to as timestamptz) is null or registered_at < :to)"
                        + " and (cast(:closed as boolean) is null or (state in ('CLOSED', 'VOIDED')) = :closed)"
                        + " and (cardinality(cast(:streets as uuid[])) = 0 or subdistrict_id = any(cast(:streets as uuid[])))"
                        + " order by registered_at desc limit :limit")
                .param("codes", codes.toArray(String[]::new))
                .param("categories", categories.toArray(String[]::new))
                .param("from", ts(from))
                .param("to", ts(to))
                .param("closed", closed)
                .param("streets", subdistricts.toArray(UUID[]::new))
                .param("limit", limit)
                .query(AppealStore::row)
                .list();
    }

    /** A resident's own appeals, newest first. */
    public List<Appeal> ofResident(UUID resident, int limit) {
        return jdbc.sql("select * from appeal.appeal where resident_id = :resident order by registered_at desc"
                        + " limit :limit")
                .param("resident", resident)
                .param("limit", limit)
                .query(AppealStore::row)
                .list();
    }

    /** Appeals whose reporter's number has this lookup hash, newest first. */
    public List<Appeal> byPhoneLookup(String lookup, int limit) {
        return jdbc.sql("select * from appeal.appeal where phone_lookup = :lookup order by registered_at desc"
                        + " limit :limit")
                .param("lookup", lookup)
                .param("limit", limit)
                .query(AppealStore::row)
                .list();
    }

    /**
     * Open appeals (not final, not repeats themselves) of {@code a}'s category registered in {@code window} before it,
     * whose point lies in the box of {@code metres} around {@code a}'s — or, when either has no point, in the same
     * 社区; newest first, at most 50. The caller measures the exact distance.
     */
    public List<Appeal> repeatCandidates(Appeal a, java.time.Duration window, double metres) {
        Double lat = a.intake().latitude();
        Double lng = a.intake().longitude();
        double dLat = lat == null ? 0 : metres / org.gongzhi.shared.GreatCircle.METRES_PER_DEGREE;
        double dLng = lat == null ? 0 : dLat / Math.max(0.01, Math.cos(Math.toRadians(lat)));
        return jdbc.sql("select * from appeal.appeal where id <> :id and category_code = :category"
                        + " and repeat_of is null and state not in ('VOIDED', 'CLOSED')"
                        + " and registered_at between :from and :to"
                        + " and ((cast(:lat as double precision) is not null and latitude between :latMin and :latMax"
                        + " and longitude between :lngMin and :lngMax)"
                        + " or ((cast(:lat as double precision) is null or latitude is null)"
                        + " and community_id = :community))"
                        + " order by registered_at desc limit 50")
                .param("id", a.id())
                .param("category", a.categoryCode())
                .param("from", Timestamp.from(a.registeredAt().minus(window)))
                .param("to", Timestamp.from(a.registeredAt()))
                .param("lat", lat)
                .param("latMin", lat == null ? 0 : lat - dLat)
                .param("latMax", lat == null ? 0 : lat + dLat)
                .param("lngMin", lng == null ? 0 : lng - dLng)
                .param("lngMax", lng == null ? 0 : lng + dLng)
                .param("community", a.intake().place().communityId())
                .query(AppealStore::row)
                .list();
    }

    /** The ids of the appeals linked to {@code original} as its repeats, oldest first. */
    public List<UUID> repeatsOf(UUID original) {
        return jdbc.sql("select id from appeal.appeal where repeat_of = :original order by registered_at")
                .param("original", original)
                .query(UUID.class)
                .list();
    }

    public boolean trackingCodeTaken(String code) {
        return jdbc.sql("select exists (select 1 from appeal.appeal where tracking_code = :code)")
                .param("code", code)
                .query(Boolean.class)
                .single();
    }

    /** Whether any synthetic (demo) appeal is stored. */
    public boolean anySynthetic() {
        return jdbc.sql("select exists (select 1 from appeal.appeal where synthetic)")
                .query(Boolean.class)
                .single();
    }

    /** The timeline, oldest first. */
    @SuppressWarnings("unchecked")
    public List<StoredStep> steps(UUID appeal) {
        return jdbc.sql("select id, action, from_state, to_state, actor, actor_role, at, reason, details::text"
                        + " from appeal.step where appeal_id = :appeal order by id")
                .param("appeal", appeal)
                .query((rs, n) -> new StoredStep(
                        rs.getLong(1),
                        AppealAction.valueOf(rs.getString(2)),
                        rs.getString(3) == null ? null : AppealState.valueOf(rs.getString(3)),
                        AppealState.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getString(8),
                        JSON.readValue(rs.getString(9), Map.class)))
                .list();
    }

    static Appeal row(ResultSet rs, int n) throws SQLException {
        var place = new Appeal.Place(
                uuid(rs, "district_id"),
                uuid(rs, "subdistrict_id"),
                uuid(rs, "community_id"),
                uuid(rs, "grid_id"),
                uuid(rs, "unit_id"),
                rs.getString("street_code"));
        var reporter = new Appeal.Reporter(
                rs.getString("reporter_name"),
                rs.getString("reporter_phone"),
                rs.getString("phone_lookup"),
                rs.getBoolean("anonymous"),
                uuid(rs, "resident_id"));
        var intake = new Appeal.Intake(
                Channel.valueOf(rs.getString("channel")),
                AppealType.valueOf(rs.getString("type")),
                Urgency.valueOf(rs.getString("urgency")),
                rs.getString("content"),
                rs.getString("address"),
                (Double) rs.getObject("latitude"),
                (Double) rs.getObject("longitude"),
                place,
                reporter,
                rs.getString("registered_by"),
                rs.getString("work_order_number"),
                rs.getString("body_hash"),
                uuid(rs, "coordinator_id"),
                rs.getBoolean("synthetic"));
        Array co = rs.getArray("co_handler_ids");
        List<UUID> coHandlers = co == null ? List.of() : new ArrayList<>(Arrays.asList((UUID[]) co.getArray()));
        return new Appeal(
                (UUID) rs.getObject("id"),
                rs.getString("tracking_code"),
                rs.getString("token_hash"),
                intake,
                instant(rs, "registered_at"),
                rs.getString("category_code"),
                (Integer) rs.getObject("category_version"),
                Urgency.valueOf(rs.getString("urgency")),
                AppealState.valueOf(rs.getString("state")),
                value(Closure.class, rs.getString("closure")),
                uuid(rs, "repeat_of"),
                value(EmergencyService.class, rs.getString("emergency_service")),
                uuid(rs, "handler_id"),
                coHandlers,
                rs.getInt("dispatch_count"),
                instant(rs, "dispatched_at"),
                instant(rs, "response_due"),
                instant(rs, "resolution_due"),
                instant(rs, "signed_at"),
                instant(rs, "responded_at"),
                rs.getString("extension_requested"),
                instant(rs, "suspended_at"),
                instant(rs, "answered_at"),
                (Boolean) rs.getObject("resolved"),
                value(Satisfaction.class, rs.getString("satisfaction")),
                new Appeal.Rounds(
                        rs.getInt("answer_round"),
                        instant(rs, "follow_up_due"),
                        rs.getBoolean("verification_required")),
                instant(rs, "closed_at"),
                instant(rs, "updated_at"),
                rs.getLong("version"));
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        return (UUID) rs.getObject(column);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
