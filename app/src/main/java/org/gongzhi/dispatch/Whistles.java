package org.gongzhi.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.appeal.AppealQueries;
import org.gongzhi.appeal.AppealView;
import org.gongzhi.dispatch.domain.WhistleStore;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganisationKind;
import org.gongzhi.organization.OrganisationView;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.AccessScope;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.platform.Permissions;
import org.gongzhi.platform.Timers;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Text;
import org.gongzhi.shared.Violation;
import org.gongzhi.shared.Violations;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitId;
import org.gongzhi.territory.UnitKind;
import org.gongzhi.territory.UnitView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 吹哨报到 (DOMAIN.md §4; seed 004): a 街道 or 社区 summons departments to a matter with a report-by time; each summoned
 * department's staff 报到 — acknowledged, arrived on site, each timestamped — and record their action; a department not
 * on site by the report-by time is escalated once ({@link WhistleEvent.ReportOverdue}); the street closes the whistle
 * with its outcome and rates each department 1–5 (《北京市街道办事处条例》 Art 44). Both sides are assessed (《北京市接诉即办
 * 工作条例》 Art 33): {@link #assessment}.
 *
 * <p>Refusals: 403 {@code identity.forbidden} for a role that may not, {@code scope.outside} for a place outside the
 * scope, {@code dispatch.whistle.not-summoned} for 报到 by a department that was not summoned; 404 {@code
 * dispatch.whistle.not-found} for a whistle the person may not read; 400 naming the field for bad input; 409 {@code
 * dispatch.whistle.already-closed}, {@code dispatch.whistle.already-acknowledged}, {@code dispatch.whistle.already-arrived},
 * {@code dispatch.whistle.stale} for a state conflict.
 */
@Service
@Transactional
public class Whistles {

    /** The most departments one whistle summons. */
    public static final int MAX_DEPARTMENTS = 10;

    /** How far ahead a report-by time may be. */
    public static final Duration LONGEST_NOTICE = Duration.ofDays(30);

    /** How far back the board and the duty page look for closed whistles. */
    static final Duration RECENT = Duration.ofDays(30);

    private static final Set<OrganisationKind> SUMMONABLE =
            Set.of(OrganisationKind.GOVERNMENT_DEPARTMENT, OrganisationKind.PUBLIC_UTILITY);

    private final WhistleStore store;
    private final TerritoryQueries territory;
    private final OrganizationQueries organisations;
    private final AppealQueries appeals;
    private final Permissions may;
    private final AccessScopes scopes;
    private final ActorResolver actors;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Timers timers;
    private final WhistleTimers.Task task;
    private final Clock clock;

    Whistles(
            WhistleStore store,
            TerritoryQueries territory,
            OrganizationQueries organisations,
            AppealQueries appeals,
            Permissions may,
            AccessScopes scopes,
            ActorResolver actors,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Timers timers,
            WhistleTimers.Task task,
            Clock clock) {
        this.store = store;
        this.territory = territory;
        this.organisations = organisations;
        this.appeals = appeals;
        this.may = may;
        this.scopes = scopes;
        this.actors = actors;
        this.audit = audit;
        this.events = events;
        this.timers = timers;
        this.task = task;
        this.clock = clock;
    }

    /**
     * The departments and utilities a whistle from the person's places may summon, by name: those of the districts
     * their scope lies in (all of them for an installation-wide scope).
     */
    @Transactional(readOnly = true)
    public List<OrganisationView> summonable() {
        may.require(DispatchPermission.WHISTLE);
        AccessScope scope = scopes.current();
        Set<UUID> near = null;
        if (!scope.everything()) {
            near = new HashSet<>();
            for (UUID unit : scope.units()) {
                near.addAll(summonableIn(unit));
            }
        }
        List<OrganisationView> out = new ArrayList<>();
        for (OrganisationKind kind : SUMMONABLE) {
            for (OrganisationView o :
                    organisations.all(new org.gongzhi.organization.OrganisationFilter(kind, null, null, null))) {
                if (near == null || near.contains(o.id().value())) {
                    out.add(o);
                }
            }
        }
        out.sort(Comparator.comparing(OrganisationView::name));
        return out;
    }

    /** The departments and utilities placed in the district of {@code unit} (a district serves its streets). */
    private Set<UUID> summonableIn(UUID unit) {
        return territory.lineage(new UnitId(unit)).stream()
                .filter(u -> u.kind() == UnitKind.DISTRICT)
                .findFirst()
                .map(d -> organisations.placedIn(territory.subtree(d.code()), SUMMONABLE))
                .orElse(Set.of());
    }

    /**
     * 吹哨. Every bad field is named at once (400): {@code unitId} not a 街道 or 社区, {@code matter} blank or over 500
     * characters, {@code whistleCase} missing, {@code reportBy} missing, past or more than 30 days ahead, {@code
     * departmentIds} empty, over ten, repeated, unknown, not a department or utility or of another district, {@code
     * trackingCode} of no
     * appeal the person may read. 403 when the unit is outside the person's scope. A timer is set for the report-by
     * time in the same transaction.
     */
    public WhistleView blow(BlowWhistle command) {
        may.require(DispatchPermission.WHISTLE);
        Violations v = new Violations();
        UnitView unit = command.unitId() == null
                ? null
                : territory.unit(new UnitId(command.unitId())).orElse(null);
        if (unit == null || (unit.kind() != UnitKind.SUBDISTRICT && unit.kind() != UnitKind.COMMUNITY)) {
            v.add("unitId", "dispatch.whistle.unit");
            unit = null;
        } else {
            // A place outside the person's scope is refused before anything about it is checked.
            may.require(DispatchPermission.WHISTLE, unit.id().value());
        }
        String matter = Text.checkText(command.matter(), "matter", 500, v);
        if (matter == null) {
            v.add("matter", "validation.NotBlank", "matter");
        }
        String address = Text.checkText(command.address(), "address", 200, v);
        if (command.whistleCase() == null) {
            v.add("whistleCase", "validation.NotNull", "whistleCase");
        }
        Instant now = clock.instant();
        if (command.reportBy() == null) {
            v.add("reportBy", "validation.NotNull", "reportBy");
        } else if (!command.reportBy().isAfter(now)) {
            v.add("reportBy", "dispatch.whistle.report-by-past");
        } else if (command.reportBy().isAfter(now.plus(LONGEST_NOTICE))) {
            v.add("reportBy", "dispatch.whistle.report-by-far");
        }
        Map<UUID, String> departments = departments(
                command.departmentIds(),
                unit == null ? Set.of() : summonableIn(unit.id().value()),
                v);
        AppealView appeal = null;
        if (command.trackingCode() != null && !command.trackingCode().isBlank()) {
            try {
                appeal = appeals.byTrackingCode(command.trackingCode());
            } catch (DomainException e) {
                v.add(
                        "trackingCode",
                        "dispatch.whistle.appeal-unknown",
                        command.trackingCode().strip());
            }
        }
        v.throwIfAny();
        UUID subdistrict = unit.kind() == UnitKind.SUBDISTRICT
                ? unit.id().value()
                : unit.parentId() == null ? unit.id().value() : subdistrictOf(unit);
        UUID id = UUID.randomUUID();
        store.insert(new WhistleStore.NewWhistle(
                id,
                subdistrict,
                unit.id().value(),
                appeal == null ? null : appeal.id().value(),
                appeal == null ? null : appeal.trackingCode(),
                matter,
                address,
                command.whistleCase(),
                command.reportBy(),
                now,
                actors.current().name(),
                departments));
        timers.schedule(task.task, id.toString(), command.reportBy());
        audit.record(AuditRecord.created(
                "dispatch.whistle.blown",
                "whistle",
                id.toString(),
                Map.of(
                        "case",
                        command.whistleCase().name(),
                        "departments",
                        departments.keySet().stream().map(UUID::toString).toList(),
                        "reportBy",
                        command.reportBy().toString())));
        events.publishEvent(new WhistleEvent.Blown(
                new WhistleId(id),
                now,
                subdistrict,
                command.whistleCase(),
                List.copyOf(departments.keySet()),
                command.reportBy()));
        return view(new WhistleId(id));
    }

    private UUID subdistrictOf(UnitView unit) {
        return territory.lineage(unit.id()).stream()
                .filter(u -> u.kind() == UnitKind.SUBDISTRICT)
                .map(u -> u.id().value())
                .findFirst()
                .orElse(unit.id().value());
    }

    private Map<UUID, String> departments(List<UUID> ids, Set<UUID> inDistrict, Violations v) {
        Map<UUID, String> out = new LinkedHashMap<>();
        if (ids == null || ids.isEmpty()) {
            v.add("departmentIds", "dispatch.whistle.departments-none");
            return out;
        }
        if (ids.size() > MAX_DEPARTMENTS) {
            v.add("departmentIds", "dispatch.whistle.departments-too-many", MAX_DEPARTMENTS);
            return out;
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            v.add("departmentIds", "dispatch.whistle.departments-repeated");
            return out;
        }
        for (UUID id : ids) {
            var o = id == null
                    ? null
                    : organisations.organisation(new OrganisationId(id)).orElse(null);
            if (o == null || !SUMMONABLE.contains(o.kind())) {
                v.add("departmentIds", "dispatch.whistle.department-not-summonable");
                return out;
            }
            if (!inDistrict.contains(id)) {
                v.add("departmentIds", "dispatch.whistle.department-elsewhere", o.name());
                return out;
            }
            out.put(id, o.name());
        }
        return out;
    }

    /** A whistle the person may read: its street or community in their scope, or their department summoned. */
    @Transactional(readOnly = true)
    public WhistleView view(WhistleId id) {
        WhistleView w = store.find(id.value(), this::names, clock.instant())
                .filter(this::mayRead)
                .orElseThrow(() -> DomainException.notFound("dispatch.whistle.not-found"));
        return w;
    }

    /**
     * The whistle board: open whistles and those blown in the last 30 days that the person may read (their 街道 or
     * 社区, or summoning their department), newest first.
     */
    @Transactional(readOnly = true)
    public List<WhistleView> board() {
        may.require(DispatchPermission.READ_WHISTLES);
        Instant now = clock.instant();
        return store.since(now.minus(RECENT), this::names, now).stream()
                .filter(this::mayRead)
                .toList();
    }

    /** The whistles summoning the person's own departments (the 报到 page), open first. */
    @Transactional(readOnly = true)
    public List<WhistleView> duty() {
        may.require(DispatchPermission.REPORT);
        Instant now = clock.instant();
        return store.summoning(scopes.current().organisations(), now.minus(RECENT), this::names, now).stream()
                .sorted(Comparator.comparing((WhistleView w) -> !w.open()).thenComparing(WhistleView::reportBy))
                .toList();
    }

    /** 报到 — acknowledged: by the staff of a summoned department; 409 when acknowledged already or closed. */
    public WhistleView acknowledge(WhistleId id) {
        Summoned s = summoned(id);
        if (!store.acknowledge(
                id.value(), s.department(), clock.instant(), actors.current().name())) {
            throw DomainException.conflict("dispatch.whistle.already-acknowledged");
        }
        reported(s, false);
        return view(id);
    }

    /**
     * 报到 — arrived on site (acknowledging too, if it had not): after the report-by time it counts as late. 409 when
     * arrived already or closed.
     */
    public WhistleView arrive(WhistleId id) {
        Summoned s = summoned(id);
        if (!store.arrive(
                id.value(), s.department(), clock.instant(), actors.current().name())) {
            throw DomainException.conflict("dispatch.whistle.already-arrived");
        }
        reported(s, true);
        return view(id);
    }

    /** The department's action on site (1–2,000 characters; 400 on {@code action}), once arrived (409 before). */
    public WhistleView recordAction(WhistleId id, String action) {
        Summoned s = summoned(id);
        Violations v = new Violations();
        String text = Text.checkText(action, "action", 2000, v);
        if (text == null) {
            v.add("action", "validation.NotBlank", "action");
        }
        v.throwIfAny();
        SummonsView mine = s.whistle().summons().stream()
                .filter(x -> x.departmentId().equals(s.department()))
                .findFirst()
                .orElseThrow();
        if (mine.arrivedAt() == null) {
            throw DomainException.conflict("dispatch.whistle.action-before-arrival");
        }
        store.recordAction(id.value(), s.department(), text, clock.instant());
        audit.record(AuditRecord.created(
                "dispatch.whistle.action-recorded",
                "whistle",
                id.toString(),
                Map.of("department", s.department().toString())));
        return view(id);
    }

    private record Summoned(WhistleView whistle, UUID department) {}

    /** The open whistle and the acting person's department summoned to it, or the refusal. */
    private Summoned summoned(WhistleId id) {
        may.require(DispatchPermission.REPORT);
        WhistleView w = store.find(id.value(), this::names, clock.instant())
                .orElseThrow(() -> DomainException.notFound("dispatch.whistle.not-found"));
        Set<UUID> mine = scopes.current().organisations();
        UUID department = w.summons().stream()
                .map(SummonsView::departmentId)
                .filter(mine::contains)
                .findFirst()
                .orElse(null);
        if (department == null) {
            // Said plainly to department staff (the id is unguessable; what it is about is not told).
            throw DomainException.forbidden("dispatch.whistle.not-summoned");
        }
        if (!w.open()) {
            throw DomainException.conflict("dispatch.whistle.already-closed");
        }
        return new Summoned(w, department);
    }

    private void reported(Summoned s, boolean arrived) {
        Instant now = clock.instant();
        boolean onTime = !now.isAfter(s.whistle().reportBy());
        audit.record(AuditRecord.created(
                arrived ? "dispatch.whistle.arrived" : "dispatch.whistle.acknowledged",
                "whistle",
                s.whistle().id().toString(),
                Map.of("department", s.department().toString(), "onTime", onTime)));
        events.publishEvent(new WhistleEvent.Reported(s.whistle().id(), now, s.department(), arrived, onTime));
    }

    /**
     * Closes the whistle with its outcome and a rating (1–5) of every summoned department (《北京市街道办事处条例》 Art
     * 44): 400 naming {@code outcome} or {@code ratings[<department id>]} when missing or out of range; 409 {@code
     * dispatch.whistle.stale} when changed since {@code expectedVersion}, {@code dispatch.whistle.already-closed} when closed.
     */
    public WhistleView close(
            WhistleId id,
            long expectedVersion,
            WhistleOutcome outcome,
            String note,
            Map<UUID, Integer> ratings,
            Map<UUID, String> ratingNotes) {
        WhistleView w = view(id);
        may.require(DispatchPermission.WHISTLE, w.unitId());
        if (!w.open()) {
            throw DomainException.conflict("dispatch.whistle.already-closed");
        }
        Violations v = new Violations();
        if (outcome == null) {
            v.add("outcome", "validation.NotNull", "outcome");
        }
        String text = Text.checkText(note, "outcomeNote", 2000, v);
        Map<UUID, String> notes = ratingNotes == null ? Map.of() : ratingNotes;
        for (SummonsView s : w.summons()) {
            Integer r = ratings == null ? null : ratings.get(s.departmentId());
            if (r == null || r < 1 || r > 5) {
                v.add("ratings[" + s.departmentId() + "]", "dispatch.whistle.rating", s.departmentName());
            }
            Text.checkText(notes.get(s.departmentId()), "ratingNotes[" + s.departmentId() + "]", 500, v);
        }
        v.throwIfAny();
        if (w.version() != expectedVersion
                || !store.close(
                        id.value(),
                        expectedVersion,
                        outcome,
                        text,
                        clock.instant(),
                        actors.current().name())) {
            throw DomainException.conflict("dispatch.whistle.stale", expectedVersion, w.version());
        }
        for (SummonsView s : w.summons()) {
            String n = notes.get(s.departmentId());
            store.rate(
                    id.value(),
                    s.departmentId(),
                    ratings.get(s.departmentId()),
                    n == null || n.isBlank() ? null : n.strip());
        }
        audit.record(AuditRecord.created(
                "dispatch.whistle.closed",
                "whistle",
                id.toString(),
                Map.of(
                        "outcome",
                        outcome.name(),
                        "ratings",
                        ratings.values().stream().toList())));
        events.publishEvent(new WhistleEvent.Closed(id, clock.instant(), outcome));
        return view(id);
    }

    /**
     * The report-by time of a whistle passed: every summoned department not on site is escalated, once each, and
     * {@link WhistleEvent.ReportOverdue} published for it. Returns how many were escalated now. For the timer.
     */
    int escalate(WhistleId id) {
        Instant now = clock.instant();
        List<UUID> overdue = store.escalate(id.value(), now);
        if (overdue.isEmpty()) {
            return 0;
        }
        WhistleView w = store.find(id.value(), units -> Map.of(), now).orElseThrow();
        for (UUID department : overdue) {
            audit.record(AuditRecord.created(
                    "dispatch.whistle.report-overdue",
                    "whistle",
                    id.toString(),
                    Map.of("department", department.toString())));
            events.publishEvent(new WhistleEvent.ReportOverdue(id, w.reportBy(), department, w.subdistrictId()));
        }
        return overdue.size();
    }

    /**
     * The double assessment (Art 33) of whistles blown in [{@code from}, {@code to}) that the person may read: of their
     * 街道 and 社区, or summoning their departments (everything for installation-wide accounts).
     */
    public record Assessment(
            Instant from, Instant to, List<StreetAssessment> streets, List<DepartmentAssessment> departments) {}

    /** A 街道's side: whistles blown, by case, closed and resolved. */
    public record StreetAssessment(
            UUID subdistrictId,
            String name,
            long blown,
            long complexDemand,
            long jointEnforcement,
            long emergency,
            long closed,
            long resolved) {}

    /**
     * A department's side: times summoned; {@code due} of them (it came, or its report-by time passed while the whistle
     * was open); on site in time, late, absent; 报到及时率 = on time ÷ due (0–1, null when nothing was due yet); the
     * streets' mean rating (1–5, null when none yet) over {@code rated} ratings. {@code rank} orders by 及时率 (none
     * last), then mean rating, then times summoned.
     */
    public record DepartmentAssessment(
            int rank,
            UUID departmentId,
            String name,
            long summoned,
            long due,
            long onTime,
            long late,
            long absent,
            Double timelyRate,
            long rated,
            Double meanRating) {}

    @Transactional(readOnly = true)
    public Assessment assessment(Instant from, Instant to) {
        may.require(DispatchPermission.READ_WHISTLES);
        if (from == null || to == null || !from.isBefore(to)) {
            throw DomainException.invalid(List.of(Violation.of("to", "dispatch.whistle.period")));
        }
        Instant now = clock.instant();
        // Each sees the whistles of their places and those summoning their departments; the district and the
        // administrators see them all.
        AccessScope scope = scopes.current();
        WhistleStore.Reach reach = scope.everything()
                ? new WhistleStore.Reach(true, List.of(), List.of())
                : new WhistleStore.Reach(
                        false,
                        territory.within(scope).stream().map(UnitId::value).toList(),
                        scope.organisations());
        List<WhistleStore.StreetRow> streetRows = store.streets(from, to, reach);
        Map<UUID, String> names = names(
                streetRows.stream().map(WhistleStore.StreetRow::subdistrictId).toList());
        List<StreetAssessment> streets = streetRows.stream()
                .map(r -> new StreetAssessment(
                        r.subdistrictId(),
                        names.getOrDefault(r.subdistrictId(), ""),
                        r.blown(),
                        r.complexDemand(),
                        r.jointEnforcement(),
                        r.emergency(),
                        r.closed(),
                        r.resolved()))
                .sorted(Comparator.comparing(StreetAssessment::blown).reversed())
                .toList();
        List<WhistleStore.DepartmentRow> rows = new ArrayList<>(store.departments(from, to, now, reach));
        Comparator<WhistleStore.DepartmentRow> order = Comparator.comparing(
                        (WhistleStore.DepartmentRow r) -> r.due() == 0 ? -1.0 : (double) r.onTime() / r.due())
                .reversed()
                .thenComparing(r -> r.meanRating() == null ? 0.0 : r.meanRating(), Comparator.reverseOrder())
                .thenComparing(WhistleStore.DepartmentRow::summoned, Comparator.reverseOrder())
                .thenComparing(WhistleStore.DepartmentRow::departmentName);
        rows.sort(order);
        List<DepartmentAssessment> departments = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            var r = rows.get(i);
            departments.add(new DepartmentAssessment(
                    i + 1,
                    r.departmentId(),
                    r.departmentName(),
                    r.summoned(),
                    r.due(),
                    r.onTime(),
                    r.late(),
                    r.absent(),
                    r.due() == 0 ? null : (double) r.onTime() / r.due(),
                    r.rated(),
                    r.meanRating()));
        }
        return new Assessment(from, to, streets, departments);
    }

    private boolean mayRead(WhistleView w) {
        AccessScope scope = scopes.current();
        if (w.summons().stream().anyMatch(s -> scope.organisations().contains(s.departmentId()))) {
            return true;
        }
        return may.allowed(DispatchPermission.READ_WHISTLES, w.unitId());
    }

    /** The names of these 街道 and 社区, by id. */
    private Map<UUID, String> names(java.util.Collection<UUID> units) {
        Map<UUID, String> out = new LinkedHashMap<>();
        territory.units(units.stream().map(UnitId::new).toList()).forEach((id, u) -> out.put(id.value(), u.name()));
        return out;
    }
}
