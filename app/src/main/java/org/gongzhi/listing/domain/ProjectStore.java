package org.gongzhi.listing.domain;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gongzhi.listing.ProjectComment;
import org.gongzhi.listing.ProjectStatus;
import org.gongzhi.listing.ProjectView;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows of the 项目清单. Money is kept in 分 ({@code bigint}); a payment adds to a party's paid total only while it
 * stays within the pledge, and an expense to the spend only while it stays within the budget — each one conditional
 * update, so concurrent ones can never pass the limit (the table's checks say the same).
 */
@Component
public class ProjectStore {

    private final JdbcClient jdbc;

    ProjectStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(
            UUID id,
            String title,
            String summary,
            UUID unitId,
            UUID subdistrictId,
            ProjectStatus status,
            long budgetFen,
            long spentFen,
            String approvalNote,
            Instant approvedAt,
            String outcome,
            Instant completedAt,
            boolean synthetic,
            long version) {}

    public record PartyRow(UUID organisationId, boolean lead, long pledgedFen, long paidFen) {}

    public record MilestoneRow(
            int position, String title, LocalDate dueOn, int progress, LocalDate doneOn, String note) {}

    public void insert(
            UUID id, String title, String summary, UUID unit, UUID subdistrict, long budget, Instant at, String by) {
        jdbc.sql("insert into listing.project (id, title, summary, unit_id, subdistrict_id, status, budget_fen,"
                        + " created_at, created_by, updated_at) values (?, ?, ?, ?, ?, 'PROPOSED', ?, ?, ?, ?)")
                .params(id, title, summary, unit, subdistrict, budget, Timestamp.from(at), by, Timestamp.from(at))
                .update();
    }

    public void addParty(UUID project, UUID organisation, boolean lead, long pledged) {
        jdbc.sql(
                        "insert into listing.project_party (project_id, organisation_id, lead, pledged_fen) values (?, ?, ?, ?)")
                .params(project, organisation, lead, pledged)
                .update();
    }

    public void linkNeed(UUID project, UUID need) {
        jdbc.sql("insert into listing.project_need (project_id, need_id) values (?, ?) on conflict do nothing")
                .params(project, need)
                .update();
    }

    public void linkResource(UUID project, UUID resource) {
        jdbc.sql("insert into listing.project_resource (project_id, resource_id) values (?, ?) on conflict do nothing")
                .params(project, resource)
                .update();
    }

    public Optional<Row> find(UUID id) {
        return jdbc.sql("select * from listing.project where id = ?")
                .param(id)
                .query(ProjectStore::row)
                .optional();
    }

    /** Moves the status if it is still {@code from} at {@code expectedVersion}. */
    public boolean approve(UUID id, long expectedVersion, String note, Instant at, String by) {
        return jdbc.sql(
                                "update listing.project set status = 'APPROVED', approval_note = ?, approved_at = ?, approved_by"
                                        + " = ?, updated_at = ?, version = version + 1 where id = ? and version = ? and status ="
                                        + " 'PROPOSED'")
                        .params(note, Timestamp.from(at), by, Timestamp.from(at), id, expectedVersion)
                        .update()
                == 1;
    }

    public boolean complete(UUID id, long expectedVersion, String outcome, Instant at) {
        return jdbc.sql(
                                "update listing.project set status = 'COMPLETED', outcome = ?, completed_at = ?, updated_at = ?,"
                                        + " version = version + 1 where id = ? and version = ? and status = 'APPROVED'"
                                        + " and not exists (select 1 from listing.milestone m where m.project_id ="
                                        + " project.id and m.progress < 100) and exists (select 1 from"
                                        + " listing.milestone m where m.project_id = project.id)")
                        .params(outcome, Timestamp.from(at), Timestamp.from(at), id, expectedVersion)
                        .update()
                == 1;
    }

    public boolean cancel(UUID id, long expectedVersion, String reason, Instant at) {
        return jdbc.sql(
                                "update listing.project set status = 'CANCELLED', outcome = ?, updated_at = ?, version = version"
                                        + " + 1 where id = ? and version = ? and status in ('PROPOSED', 'APPROVED')")
                        .params(reason, Timestamp.from(at), id, expectedVersion)
                        .update()
                == 1;
    }

    public List<PartyRow> parties(UUID project) {
        return jdbc.sql(
                        "select organisation_id, lead, pledged_fen, paid_fen from listing.project_party where project_id"
                                + " = ? order by lead desc, pledged_fen desc, organisation_id")
                .param(project)
                .query((rs, n) -> new PartyRow((UUID) rs.getObject(1), rs.getBoolean(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /**
     * Adds a payment to the party's paid total if it stays within the pledge, and records it; false (nothing written)
     * when it would pass the pledge or the organisation is not a party.
     */
    public boolean pay(UUID project, UUID organisation, long amount, LocalDate on, String note, Instant at, String by) {
        int moved = jdbc.sql("update listing.project_party set paid_fen = paid_fen + ? where project_id = ? and"
                        + " organisation_id = ? and paid_fen + ? <= pledged_fen")
                .params(amount, project, organisation, amount)
                .update();
        if (moved == 0) {
            return false;
        }
        jdbc.sql("insert into listing.project_payment (id, project_id, organisation_id, amount_fen, paid_on, note,"
                        + " recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        project,
                        organisation,
                        amount,
                        Date.valueOf(on),
                        note,
                        Timestamp.from(at),
                        by)
                .update();
        return true;
    }

    /** Adds an expense to the spend if it stays within the budget, and records it; false otherwise. */
    public boolean spend(UUID project, long amount, LocalDate on, String item, Instant at, String by) {
        int moved = jdbc.sql("update listing.project set spent_fen = spent_fen + ?, updated_at = ? where id = ? and"
                        + " spent_fen + ? <= budget_fen and status = 'APPROVED'")
                .params(amount, Timestamp.from(at), project, amount)
                .update();
        if (moved == 0) {
            return false;
        }
        jdbc.sql("insert into listing.project_expense (id, project_id, amount_fen, spent_on, item, recorded_at,"
                        + " recorded_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), project, amount, Date.valueOf(on), item, Timestamp.from(at), by)
                .update();
        return true;
    }

    /**
     * One entry of a project's ledger: a payment (with the paying organisation) or an expense ({@code organisationId}
     * null), in 分 — negative for a correcting entry, which names the entry it {@code reverses}; {@code reversed} when a
     * correcting entry cancels this one. {@code text} is the payment's note, the expense's item or the correction's
     * reason.
     */
    public record Entry(
            UUID id,
            UUID organisationId,
            long amountFen,
            LocalDate on,
            String text,
            Instant recordedAt,
            UUID reverses,
            boolean reversed) {}

    /** The project's payments, oldest first. */
    public List<Entry> payments(UUID project) {
        return entries(
                "select e.*, e.paid_on as day, e.note as text, exists (select 1 from listing.project_payment r where"
                        + " r.reverses = e.id) as reversed from listing.project_payment e where e.project_id = ?"
                        + " order by e.recorded_at, e.id",
                project,
                true);
    }

    /** The project's expenses, oldest first. */
    public List<Entry> expenses(UUID project) {
        return entries(
                "select e.*, e.spent_on as day, e.item as text, exists (select 1 from listing.project_expense r where"
                        + " r.reverses = e.id) as reversed from listing.project_expense e where e.project_id = ?"
                        + " order by e.recorded_at, e.id",
                project,
                false);
    }

    private List<Entry> entries(String sql, UUID project, boolean payments) {
        return jdbc.sql(sql)
                .param(project)
                .query((rs, n) -> new Entry(
                        (UUID) rs.getObject("id"),
                        payments ? (UUID) rs.getObject("organisation_id") : null,
                        rs.getLong("amount_fen"),
                        date(rs, "day"),
                        rs.getString("text"),
                        instant(rs, "recorded_at"),
                        (UUID) rs.getObject("reverses"),
                        rs.getBoolean("reversed")))
                .list();
    }

    /**
     * 冲正 of a payment: records the correcting entry (the opposite amount, the reason, today) and takes the amount off
     * the party's paid total, in one step; false (nothing written) when the payment was reversed already — also when
     * two reversals of it race.
     */
    public boolean reversePayment(UUID project, Entry payment, String reason, LocalDate on, Instant at, String by) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("insert into listing.project_payment (id, project_id, organisation_id, amount_fen,"
                        + " paid_on, note, recorded_at, recorded_by, reverses) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on"
                        + " conflict (reverses) where reverses is not null do nothing")
                .params(
                        id,
                        project,
                        payment.organisationId(),
                        -payment.amountFen(),
                        Date.valueOf(on),
                        reason,
                        Timestamp.from(at),
                        by,
                        payment.id())
                .update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql(
                        "update listing.project_party set paid_fen = paid_fen - ? where project_id = ? and organisation_id = ?")
                .params(payment.amountFen(), project, payment.organisationId())
                .update();
        return true;
    }

    /** 冲正 of an expense: as {@link #reversePayment}, taking the amount off the project's spend. */
    public boolean reverseExpense(UUID project, Entry expense, String reason, LocalDate on, Instant at, String by) {
        int inserted = jdbc.sql("insert into listing.project_expense (id, project_id, amount_fen, spent_on, item,"
                        + " recorded_at, recorded_by, reverses) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (reverses)"
                        + " where reverses is not null do nothing")
                .params(
                        UUID.randomUUID(),
                        project,
                        -expense.amountFen(),
                        Date.valueOf(on),
                        reason,
                        Timestamp.from(at),
                        by,
                        expense.id())
                .update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql("update listing.project set spent_fen = spent_fen - ?, updated_at = ? where id = ?")
                .params(expense.amountFen(), Timestamp.from(at), project)
                .update();
        return true;
    }

    public List<UUID> needs(UUID project) {
        return jdbc.sql("select need_id from listing.project_need where project_id = ?")
                .param(project)
                .query(UUID.class)
                .list();
    }

    public List<UUID> resources(UUID project) {
        return jdbc.sql("select resource_id from listing.project_resource where project_id = ?")
                .param(project)
                .query(UUID.class)
                .list();
    }

    public List<MilestoneRow> milestones(UUID project) {
        return jdbc.sql("select * from listing.milestone where project_id = ? order by position")
                .param(project)
                .query((rs, n) -> milestone(rs))
                .list();
    }

    private static MilestoneRow milestone(ResultSet rs) throws SQLException {
        return new MilestoneRow(
                rs.getInt("position"),
                rs.getString("title"),
                date(rs, "due_on"),
                rs.getInt("progress"),
                date(rs, "done_on"),
                rs.getString("note"));
    }

    /** Adds a milestone after the last; returns its position. */
    public int addMilestone(UUID project, String title, LocalDate due) {
        return jdbc.sql("insert into listing.milestone (project_id, position, title, due_on) select ?, coalesce(max"
                        + "(position), 0) + 1, ?, ? from listing.milestone where project_id = ? returning position")
                .params(project, title, due == null ? null : Date.valueOf(due), project)
                .query(Integer.class)
                .single();
    }

    /**
     * Sets a milestone's progress and its note (the note of this update: none clears the earlier one, which described
     * an earlier state); reaching 100 records the day. False when there is no such milestone.
     */
    public boolean progress(UUID project, int position, int progress, String note, LocalDate today) {
        return jdbc.sql("update listing.milestone set progress = ?, note = ?, done_on = case when ? ="
                                + " 100 then coalesce(done_on, ?) else null end where project_id = ? and position = ?")
                        .params(progress, note, progress, Date.valueOf(today), project, position)
                        .update()
                == 1;
    }

    /** Whether this evaluator has evaluated the project. */
    public boolean evaluated(UUID project, String evaluator) {
        return jdbc.sql(
                        "select exists (select 1 from listing.project_evaluation where project_id = ? and evaluator = ?)")
                .params(project, evaluator)
                .query(Boolean.class)
                .single();
    }

    /** Records an evaluation; false when this evaluator gave one already. */
    public boolean evaluate(UUID project, String evaluator, int score, String comment, Instant at) {
        return jdbc.sql("insert into listing.project_evaluation (project_id, evaluator, score, comment, evaluated_at)"
                                + " values (?, ?, ?, ?, ?) on conflict do nothing")
                        .params(project, evaluator, score, comment, Timestamp.from(at))
                        .update()
                == 1;
    }

    /**
     * A project's parts: parties (lead first, then by pledge), milestones in order, linked needs and resources with
     * their titles, and the count and mean (NaN with none) of its evaluations.
     */
    public record Parts(
            List<PartyRow> parties,
            List<MilestoneRow> milestones,
            List<ProjectView.Link> needs,
            List<ProjectView.Link> resources,
            long evaluations,
            double meanScore) {}

    /**
     * The parts of many projects at once, five queries in all however many projects a page lists; every project asked
     * for is in the map (with empty parts when it has none).
     */
    public Map<UUID, Parts> parts(Collection<UUID> projects) {
        UUID[] ids = projects.toArray(UUID[]::new);
        Map<UUID, List<PartyRow>> parties = new HashMap<>();
        Map<UUID, List<MilestoneRow>> milestones = new HashMap<>();
        Map<UUID, List<ProjectView.Link>> needs = new HashMap<>();
        Map<UUID, List<ProjectView.Link>> resources = new HashMap<>();
        Map<UUID, Map.Entry<Long, Double>> evaluations = new HashMap<>();
        if (ids.length > 0) {
            jdbc.sql("select project_id, organisation_id, lead, pledged_fen, paid_fen from listing.project_party where"
                            + " project_id = any(:ids) order by lead desc, pledged_fen desc, organisation_id")
                    .param("ids", ids)
                    .query((RowCallbackHandler) rs -> parties.computeIfAbsent(
                                    (UUID) rs.getObject(1), k -> new ArrayList<>())
                            .add(new PartyRow((UUID) rs.getObject(2), rs.getBoolean(3), rs.getLong(4), rs.getLong(5))));
            jdbc.sql("select * from listing.milestone where project_id = any(:ids) order by position")
                    .param("ids", ids)
                    .query((RowCallbackHandler) rs -> milestones
                            .computeIfAbsent((UUID) rs.getObject("project_id"), k -> new ArrayList<>())
                            .add(milestone(rs)));
            links(
                    "select l.project_id, l.need_id, n.title from listing.project_need l left join listing.need n on n.id ="
                            + " l.need_id where l.project_id = any(:ids) order by n.title",
                    ids,
                    needs);
            links(
                    "select l.project_id, l.resource_id, r.name from listing.project_resource l left join listing.resource"
                            + " r on r.id = l.resource_id where l.project_id = any(:ids) order by r.name",
                    ids,
                    resources);
            jdbc.sql("select project_id, count(*), avg(score)::float8 from listing.project_evaluation where project_id"
                            + " = any(:ids) group by project_id")
                    .param("ids", ids)
                    .query((RowCallbackHandler)
                            rs -> evaluations.put((UUID) rs.getObject(1), Map.entry(rs.getLong(2), rs.getDouble(3))));
        }
        Map<UUID, Parts> out = new HashMap<>();
        for (UUID id : ids) {
            var evaluation = evaluations.getOrDefault(id, Map.entry(0L, Double.NaN));
            out.put(
                    id,
                    new Parts(
                            parties.getOrDefault(id, List.of()),
                            milestones.getOrDefault(id, List.of()),
                            needs.getOrDefault(id, List.of()),
                            resources.getOrDefault(id, List.of()),
                            evaluation.getKey(),
                            evaluation.getValue()));
        }
        return out;
    }

    /** The evaluations of a project that carry a comment, newest first, at most {@code limit}, without the evaluator. */
    public List<ProjectComment> comments(UUID project, int limit) {
        return jdbc.sql("select score, comment, evaluated_at from listing.project_evaluation where project_id = ? and"
                        + " comment is not null order by evaluated_at desc limit ?")
                .params(project, limit)
                .query((rs, n) -> new ProjectComment(rs.getInt(1), rs.getString(2), instant(rs, "evaluated_at")))
                .list();
    }

    /** Reads (project, linked id, its name) rows into links by project. */
    private void links(String sql, UUID[] projects, Map<UUID, List<ProjectView.Link>> into) {
        jdbc.sql(sql).param("ids", projects).query((RowCallbackHandler)
                rs -> into.computeIfAbsent((UUID) rs.getObject(1), k -> new ArrayList<>())
                        .add(new ProjectView.Link((UUID) rs.getObject(2), rs.getString(3))));
    }

    public record Page(List<Row> rows, long total) {}

    /** Projects within reach (by place, 街道 or a party organisation), newest first. */
    /** Approved and completed projects of every 街道, newest first (the public list). */
    public List<Row> published(int page, int size) {
        return jdbc.sql("select * from listing.project where status in ('APPROVED', 'COMPLETED')"
                        + " order by created_at desc, id limit :limit offset :offset")
                .param("limit", size)
                .param("offset", (long) (page - 1) * size)
                .query(ProjectStore::row)
                .list();
    }

    public Page page(Reach reach, ProjectStatus status, String q, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> p = new HashMap<>();
        if (!reach.everything()) {
            where.append(" and (unit_id = any(:units) or subdistrict_id = any(:subdistricts) or exists (select 1 from"
                    + " listing.project_party pp where pp.project_id = project.id and pp.organisation_id ="
                    + " any(:orgs)))");
            reach.into(p);
        }
        if (status != null) {
            where.append(" and status = :status");
            p.put("status", status.name());
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (strpos(title, :q) > 0 or strpos(coalesce(summary, ''), :q) > 0)");
            p.put("q", q.strip());
        }
        long total = jdbc.sql("select count(*) from listing.project" + where)
                .params(p)
                .query(Long.class)
                .single();
        List<Row> rows = jdbc.sql("select * from listing.project" + where
                        + " order by created_at desc, id limit :limit offset :offset")
                .params(p)
                .param("limit", size)
                .param("offset", (long) (page - 1) * size)
                .query(ProjectStore::row)
                .list();
        return new Page(rows, total);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                (UUID) rs.getObject("id"),
                rs.getString("title"),
                rs.getString("summary"),
                (UUID) rs.getObject("unit_id"),
                (UUID) rs.getObject("subdistrict_id"),
                ProjectStatus.valueOf(rs.getString("status")),
                rs.getLong("budget_fen"),
                rs.getLong("spent_fen"),
                rs.getString("approval_note"),
                instant(rs, "approved_at"),
                rs.getString("outcome"),
                instant(rs, "completed_at"),
                rs.getBoolean("synthetic"),
                rs.getLong("version"));
    }
}
