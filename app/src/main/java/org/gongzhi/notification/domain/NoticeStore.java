package org.gongzhi.notification.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongzhi.notification.Notice;
import org.gongzhi.notification.NoticeKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Notices in {@code notification.notice} and who read them in {@code notification.read_mark}. */
@Component
public class NoticeStore {

    private static final String VISIBLE =
            "(:everything or organisation_id = any(:organisations) or unit_id = any(:units))";

    private final JdbcClient jdbc;

    NoticeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a notice unless the same one (kind, appeal, recipient and {@code ref}) is there already: a republished event
     * adds nothing.
     */
    public void add(
            NoticeKind kind, UUID appeal, String trackingCode, UUID organisation, UUID unit, String ref, Instant at) {
        jdbc.sql("insert into notification.notice (kind, appeal_id, tracking_code, organisation_id, unit_id, ref,"
                        + " created_at) values (:kind, :appeal, :code, :organisation, :unit, :ref, :at)"
                        + " on conflict do nothing")
                .param("kind", kind.name())
                .param("appeal", appeal)
                .param("code", trackingCode)
                .param("organisation", organisation)
                .param("unit", unit)
                .param("ref", ref)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** As {@link #add}, for a notice about a whistle. */
    public void addAboutWhistle(NoticeKind kind, UUID whistle, UUID organisation, UUID unit, String ref, Instant at) {
        jdbc.sql("insert into notification.notice (kind, whistle_id, organisation_id, unit_id, ref, created_at)"
                        + " values (:kind, :whistle, :organisation, :unit, :ref, :at) on conflict do nothing")
                .param("kind", kind.name())
                .param("whistle", whistle)
                .param("organisation", organisation)
                .param("unit", unit)
                .param("ref", ref)
                .param("at", Timestamp.from(at))
                .update();
    }

    public List<Notice> addressedTo(
            boolean everything, List<UUID> organisations, List<UUID> units, String reader, int limit) {
        return jdbc.sql("select n.id, n.kind, n.appeal_id, n.tracking_code, n.created_at, r.notice_id is not null,"
                        + " n.ref, n.whistle_id"
                        + " from notification.notice n left join notification.read_mark r on r.notice_id = n.id"
                        + " and r.reader = :reader where "
                        + VISIBLE.replace("organisation_id", "n.organisation_id")
                                .replace("unit_id", "n.unit_id")
                        + " order by n.created_at desc, n.id desc limit :limit")
                .param("reader", reader)
                .param("everything", everything)
                .param("organisations", organisations.toArray(UUID[]::new))
                .param("units", units.toArray(UUID[]::new))
                .param("limit", limit)
                .query((rs, n) -> notice(
                        rs.getLong(1),
                        NoticeKind.valueOf(rs.getString(2)),
                        (UUID) rs.getObject(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getBoolean(6),
                        rs.getString(7),
                        (UUID) rs.getObject(8)))
                .list();
    }

    /**
     * A notice with its deadline read back from its {@code ref}: {@code RESPONSE:<epoch s>} or {@code
     * RESOLUTION:<epoch s>} for 督办 notices, {@code due:<epoch s>} (the resolution deadline) for due-soon ones.
     */
    private static Notice notice(
            long id, NoticeKind kind, UUID appeal, String code, Instant at, boolean read, String ref, UUID whistle) {
        String deadline = null;
        Instant due = null;
        int colon = ref == null ? -1 : ref.indexOf(':');
        if (colon > 0
                && (kind == NoticeKind.DUE_SOON
                        || kind == NoticeKind.OVERDUE
                        || kind == NoticeKind.ESCALATION
                        || kind == NoticeKind.SUMMONED
                        || kind == NoticeKind.REPORT_OVERDUE)) {
            String head = ref.substring(0, colon);
            deadline = head.equals("due") ? "RESOLUTION" : head.equals("report-by") ? "REPORT_BY" : head;
            try {
                due = Instant.ofEpochSecond(Long.parseLong(ref.substring(colon + 1)));
            } catch (NumberFormatException e) {
                deadline = null;
            }
        }
        return new Notice(id, kind, appeal, code, whistle, at, read, deadline, due);
    }

    public long unread(boolean everything, List<UUID> organisations, List<UUID> units, String reader) {
        return jdbc.sql("select count(*) from notification.notice n where " + VISIBLE
                        + " and not exists (select 1 from notification.read_mark r where r.notice_id = n.id"
                        + " and r.reader = :reader)")
                .param("reader", reader)
                .param("everything", everything)
                .param("organisations", organisations.toArray(UUID[]::new))
                .param("units", units.toArray(UUID[]::new))
                .query(Long.class)
                .single();
    }

    /** What a notice is about — an appeal or a whistle — when it is addressed to the recipients given. */
    public java.util.Optional<UUID[]> subjectOf(
            long id, boolean everything, List<UUID> organisations, List<UUID> units) {
        return jdbc.sql("select appeal_id, whistle_id from notification.notice where id = :id and " + VISIBLE)
                .param("id", id)
                .param("everything", everything)
                .param("organisations", organisations.toArray(UUID[]::new))
                .param("units", units.toArray(UUID[]::new))
                .query((rs, n) -> new UUID[] {(UUID) rs.getObject(1), (UUID) rs.getObject(2)})
                .optional();
    }

    public void markRead(long id, String reader) {
        jdbc.sql("insert into notification.read_mark (notice_id, reader) values (:id, :reader) on conflict do nothing")
                .param("id", id)
                .param("reader", reader)
                .update();
    }

    /** Records that a text of this kind went to the reporter of this appeal; false when one already had. */
    public boolean firstText(UUID appeal, String kind, Instant at) {
        return jdbc.sql("insert into notification.text_sent (appeal_id, kind, sent_at) values (:appeal, :kind, :at)"
                                + " on conflict do nothing")
                        .param("appeal", appeal)
                        .param("kind", kind)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }
}
