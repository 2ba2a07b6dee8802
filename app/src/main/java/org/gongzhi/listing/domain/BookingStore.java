package org.gongzhi.listing.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gongzhi.listing.BookingStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows of {@code listing.booking}. The table's exclusion constraint keeps two bookings that hold a slot of one
 * resource from overlapping, whatever runs at the same time; status changes are conditional on the status read.
 */
@Component
public class BookingStore {

    private final JdbcClient jdbc;

    BookingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A booking as stored. */
    public record Row(
            UUID id,
            UUID resourceId,
            Instant start,
            Instant end,
            BookingStatus status,
            String purpose,
            Integer attendees,
            UUID forOrganisation,
            UUID forUnit,
            String requestedBy,
            Instant requestedAt,
            String decidedBy,
            Instant decidedAt,
            String note,
            String cancelledBy,
            Instant cancelledAt,
            Integer rating,
            String feedback,
            Integer attended,
            Instant usedAt,
            long version) {}

    /**
     * Inserts a requested booking; a slot already held makes the database refuse it with an exclusion violation
     * (SQLState 23P01), which the caller turns into a conflict.
     */
    public void insert(
            UUID id,
            UUID resource,
            Instant start,
            Instant end,
            String purpose,
            Integer attendees,
            UUID forOrganisation,
            UUID forUnit,
            String by,
            Instant at) {
        jdbc.sql("insert into listing.booking (id, resource_id, during, status, purpose, attendees, for_organisation,"
                        + " for_unit, requested_by, requested_at) values (:id, :resource, tstzrange(:start, :end, '[)'),"
                        + " 'REQUESTED', :purpose, :attendees, :org, :unit, :by, :at)")
                .param("id", id)
                .param("resource", resource)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(end))
                .param("purpose", purpose)
                .param("attendees", attendees)
                .param("org", forOrganisation)
                .param("unit", forUnit)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    public Optional<Row> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(BookingStore::row)
                .optional();
    }

    /** Approves or declines a booking still requested; false when its status moved. */
    public boolean decide(UUID id, BookingStatus to, String by, Instant at, String note) {
        return jdbc.sql("update listing.booking set status = :to, decided_by = :by, decided_at = :at, note = :note,"
                                + " version = version + 1 where id = :id and status = 'REQUESTED'")
                        .param("to", to.name())
                        .param("by", by)
                        .param("at", Timestamp.from(at))
                        .param("note", note)
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Cancels a booking still in {@code from}; false when its status moved. */
    public boolean cancel(UUID id, BookingStatus from, String by, Instant at, String note) {
        return jdbc.sql("update listing.booking set status = 'CANCELLED', cancelled_by = :by, cancelled_at = :at,"
                                + " note = coalesce(:note, note), version = version + 1 where id = :id and status ="
                                + " :from")
                        .param("by", by)
                        .param("at", Timestamp.from(at))
                        .param("note", note)
                        .param("id", id)
                        .param("from", from.name())
                        .update()
                == 1;
    }

    /** Records the use of an approved booking; false when it is no longer approved. */
    public boolean used(UUID id, int rating, String feedback, Integer attended, Instant at) {
        return jdbc.sql("update listing.booking set status = 'USED', rating = :rating, feedback = :feedback, attended ="
                                + " :attended, used_at = :at, version = version + 1 where id = :id and status ="
                                + " 'APPROVED'")
                        .param("rating", rating)
                        .param("feedback", feedback)
                        .param("attended", attended)
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .update()
                == 1;
    }

    /** The resource's bookings overlapping {@code [from, to)}, by start. */
    public List<Row> ofResource(UUID resource, Instant from, Instant to) {
        return jdbc.sql(SELECT + " where resource_id = :r and during && tstzrange(:from, :to, '[)') order by"
                        + " lower(during), requested_at")
                .param("r", resource)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(BookingStore::row)
                .list();
    }

    /** Bookings requested by this account, latest start first, at most {@code limit}. */
    public List<Row> requestedBy(String account, int limit) {
        return jdbc.sql(SELECT + " where requested_by = :by order by lower(during) desc limit :limit")
                .param("by", account)
                .param("limit", limit)
                .query(BookingStore::row)
                .list();
    }

    /** Bookings of these resources whose slot starts in {@code [from, to)}. */
    public List<Row> starting(Collection<UUID> resources, Instant from, Instant to) {
        if (resources.isEmpty()) {
            return new ArrayList<>();
        }
        return jdbc.sql(SELECT + " where resource_id = any(:r) and lower(during) >= :from and lower(during) < :to")
                .param("r", resources.toArray(UUID[]::new))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(BookingStore::row)
                .list();
    }

    private static final String SELECT = "select id, resource_id, lower(during) as starts, upper(during) as ends,"
            + " status, purpose, attendees, for_organisation, for_unit, requested_by, requested_at, decided_by,"
            + " decided_at, note, cancelled_by, cancelled_at, rating, feedback, attended, used_at, version from"
            + " listing.booking";

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                (UUID) rs.getObject("id"),
                (UUID) rs.getObject("resource_id"),
                instant(rs, "starts"),
                instant(rs, "ends"),
                BookingStatus.valueOf(rs.getString("status")),
                rs.getString("purpose"),
                (Integer) rs.getObject("attendees"),
                (UUID) rs.getObject("for_organisation"),
                (UUID) rs.getObject("for_unit"),
                rs.getString("requested_by"),
                instant(rs, "requested_at"),
                rs.getString("decided_by"),
                instant(rs, "decided_at"),
                rs.getString("note"),
                rs.getString("cancelled_by"),
                instant(rs, "cancelled_at"),
                rs.getObject("rating") == null ? null : rs.getInt("rating"),
                rs.getString("feedback"),
                (Integer) rs.getObject("attended"),
                instant(rs, "used_at"),
                rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
