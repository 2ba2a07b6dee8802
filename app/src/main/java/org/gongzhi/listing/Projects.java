package org.gongzhi.listing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.listing.domain.NeedStore;
import org.gongzhi.listing.domain.ProjectStore;
import org.gongzhi.listing.domain.ResourceStore;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganisationView;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.platform.Permissions;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Masking;
import org.gongzhi.shared.Money;
import org.gongzhi.shared.Text;
import org.gongzhi.shared.Violation;
import org.gongzhi.shared.Violations;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 项目清单 (seed 000: "街道和地区单位 … 通过项目化的方式进行有效对接"): projects that meet needs with resources, run
 * by the street and units together, each party's co-funding recorded as pledged and paid — all money in 分, never
 * floating point. Proposed by street or community staff; 立项 by the street when the pledges add up exactly to the
 * budget (the needs it meets move to 已立项); milestones with progress; payments within each pledge and spend within the
 * budget, both held by the database under concurrency; completion with the outcome (the needs move to 已解决); the
 * beneficiaries' evaluation (效能评价), one per person.
 *
 * <p>Refusals: 400 with the field ({@code validation.NotBlank}, {@code money.range}, {@code
 * listing.provider.unknown}, {@code listing.project.party-twice}, {@code listing.project.need-unknown}, {@code
 * listing.project.resource-unknown}, {@code listing.project.progress}, {@code listing.project.score}); 422 {@code
 * listing.project.split} (pledges ≠ budget), {@code listing.project.over-pledge}, {@code listing.project.over-budget};
 * 403 outside the caller's places; 404 {@code listing.project.not-found}; 409 {@code listing.project.state}, {@code
 * listing.project.version.stale}, {@code listing.project.already-evaluated}.
 */
@Service
@Transactional
public class Projects {

    private final ProjectStore store;
    private final NeedStore needs;
    private final ResourceStore resources;
    private final ListingReach reach;
    private final OrganizationQueries organisations;
    private final TerritoryQueries territory;
    private final Permissions may;
    private final AuditTrail audit;
    private final ActorResolver actors;
    private final Clock clock;

    Projects(
            ProjectStore store,
            NeedStore needs,
            ResourceStore resources,
            ListingReach reach,
            OrganizationQueries organisations,
            TerritoryQueries territory,
            Permissions may,
            AuditTrail audit,
            ActorResolver actors,
            Clock clock) {
        this.store = store;
        this.needs = needs;
        this.resources = resources;
        this.reach = reach;
        this.organisations = organisations;
        this.territory = territory;
        this.may = may;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    /** Proposes a project (申报); the co-funding split must add up to the budget. */
    public ProjectView propose(ProposeProject p) {
        may.require(ListingPermission.MANAGE_PROJECTS);
        Violations v = new Violations();
        String title = Text.checkLine(p.title(), "title", true, 100, v);
        String summary = Text.checkText(p.summary(), "summary", 2000, v);
        Money budget = Money.checkFen(p.budgetFen(), "budgetFen", true, v);
        if (budget != null && budget.fen() == 0) {
            v.add("budgetFen", "money.positive");
        }
        UUID subdistrict = null;
        if (p.unitId() == null) {
            v.add("unitId", "validation.NotBlank", "unitId");
        } else {
            subdistrict = reach.subdistrictOf(p.unitId());
            if (subdistrict == null) {
                v.add("unitId", "listing.need.unit-unknown");
            }
        }
        List<ProposeProject.Party> parties = p.parties() == null ? List.of() : p.parties();
        if (parties.isEmpty()) {
            v.add("parties", "validation.NotBlank", "parties");
        }
        Set<UUID> seen = new HashSet<>();
        long pledged = 0;
        boolean pledgesRead = true;
        for (int i = 0; i < parties.size(); i++) {
            ProposeProject.Party party = parties.get(i);
            String at = "parties[" + i + "]";
            if (party == null || party.organisationId() == null) {
                v.add(at + ".organisationId", "validation.NotBlank", "organisationId");
                pledgesRead = false;
                continue;
            }
            if (party.lead()
                    && parties.stream().filter(x -> x != null && x.lead()).count() > 1) {
                v.add(at + ".lead", "listing.project.one-lead");
            }
            if (!seen.add(party.organisationId())) {
                v.add(at + ".organisationId", "listing.project.party-twice");
            }
            if (organisations
                    .organisation(new OrganisationId(party.organisationId()))
                    .isEmpty()) {
                v.add(at + ".organisationId", "listing.provider.unknown");
            }
            Money m = Money.checkFen(party.pledgedFen(), at + ".pledgedFen", true, v);
            if (m == null) {
                pledgesRead = false;
            } else {
                pledged = Math.addExact(pledged, m.fen());
            }
        }
        List<UUID> needIds = p.needIds() == null ? List.of() : p.needIds();
        for (int i = 0; i < needIds.size(); i++) {
            UUID n = needIds.get(i);
            if (n == null
                    || needs.find(n)
                            .filter(r -> reach.sees(r.requesterOrganisation(), r.unitId(), r.subdistrictId()))
                            .isEmpty()) {
                v.add("needIds[" + i + "]", "listing.project.need-unknown");
            }
        }
        List<UUID> resourceIds = p.resourceIds() == null ? List.of() : p.resourceIds();
        for (int i = 0; i < resourceIds.size(); i++) {
            UUID r = resourceIds.get(i);
            if (r == null
                    || resources
                            .find(r)
                            .filter(x -> reach.sees(x.providerId(), x.unitId(), x.subdistrictId()))
                            .isEmpty()) {
                v.add("resourceIds[" + i + "]", "listing.project.resource-unknown");
            }
        }
        v.throwIfAny();
        if (pledgesRead && pledged != budget.fen()) {
            throw refused(
                    "parties",
                    "listing.project.split",
                    new Money(Math.min(pledged, Money.MAX_FEN)).yuan(),
                    budget.yuan());
        }
        if (!may.to(ListingPermission.MANAGE_PROJECTS.code(), p.unitId())) {
            throw DomainException.forbidden("scope.outside");
        }
        UUID id = UUID.randomUUID();
        store.insert(
                id,
                title,
                summary,
                p.unitId(),
                subdistrict,
                budget.fen(),
                clock.instant(),
                actors.current().name());
        for (ProposeProject.Party party : parties) {
            store.addParty(id, party.organisationId(), party.lead(), party.pledgedFen());
        }
        needIds.forEach(n -> store.linkNeed(id, n));
        resourceIds.forEach(r -> store.linkResource(id, r));
        audit.record(AuditRecord.created(
                "listing.project.proposed",
                "project",
                id.toString(),
                Map.of(
                        "title",
                        title,
                        "budgetFen",
                        String.valueOf(budget.fen()),
                        "parties",
                        String.valueOf(parties.size()))));
        return view(store.find(id).orElseThrow());
    }

    /**
     * 立项: the street approves a proposed project read at {@code expectedVersion}; its needs move to 已立项.
     *
     * @param note the 立项依据, 1–500 characters: the 重点事项会商, council resolution or 会商单 the approval rests on
     *     (400 {@code listing.project.basis-required} on field {@code note} when blank)
     * @throws DomainException 422 {@code listing.project.split} when the pledges do not equal the budget, 409 when the
     *     project is not 已申报, 412 when {@code expectedVersion} is stale
     */
    public ProjectView approve(UUID id, long expectedVersion, String note) {
        ProjectStore.Row p = visible(id);
        may.require(ListingPermission.APPROVE_PROJECTS, p.unitId());
        Violations v = new Violations();
        String n = Text.checkLine(note, "note", false, 500, v);
        if (n == null) {
            // 立项 rests on something on the record: a 重点事项会商, a council's resolution, a 会商单.
            v.add("note", "listing.project.basis-required");
        }
        v.throwIfAny();
        requireStatus(p, ProjectStatus.PROPOSED);
        long pledged = store.parties(id).stream()
                .mapToLong(ProjectStore.PartyRow::pledgedFen)
                .sum();
        if (pledged != p.budgetFen()) {
            throw refused(
                    "parties", "listing.project.split", new Money(pledged).yuan(), new Money(p.budgetFen()).yuan());
        }
        if (!store.approve(
                id, expectedVersion, n, clock.instant(), actors.current().name())) {
            throw stale(p, expectedVersion);
        }
        needs.moveAll(
                store.needs(id),
                EnumSet.of(NeedStatus.OPEN, NeedStatus.MATCHED),
                NeedStatus.IN_PROJECT,
                p.title(),
                clock.instant());
        audit.record(
                AuditRecord.created("listing.project.approved", "project", id.toString(), Map.of("title", p.title())));
        return view(store.find(id).orElseThrow());
    }

    /** Completes an approved project with its outcome (1–2,000 characters); its needs move to 已解决. */
    public ProjectView complete(UUID id, long expectedVersion, String outcome) {
        ProjectStore.Row p = manageable(id);
        Violations v = new Violations();
        String o = Text.checkText(outcome, "outcome", 2000, v);
        if (o == null) {
            v.add("outcome", "validation.NotBlank", "outcome");
        }
        v.throwIfAny();
        requireStatus(p, ProjectStatus.APPROVED);
        // 结项 follows the work: every milestone reached (the milestone list is the plan the parties agreed), and a
        // project without any plan has nothing to show it was carried out.
        var milestones = store.milestones(id);
        if (milestones.isEmpty()) {
            throw refused("outcome", "listing.project.milestones-none");
        }
        long open = milestones.stream().filter(m -> m.progress() < 100).count();
        if (open > 0) {
            throw refused("outcome", "listing.project.milestones-open", open);
        }
        if (!store.complete(id, expectedVersion, o, clock.instant())) {
            if (store.milestones(id).stream().anyMatch(m -> m.progress() < 100)) {
                throw refused("outcome", "listing.project.milestones-open", 1);
            }
            throw stale(p, expectedVersion);
        }
        needs.moveAll(store.needs(id), EnumSet.of(NeedStatus.IN_PROJECT), NeedStatus.MET, p.title(), clock.instant());
        audit.record(
                AuditRecord.created("listing.project.completed", "project", id.toString(), Map.of("title", p.title())));
        return view(store.find(id).orElseThrow());
    }

    /** 撤销: the street cancels a proposed or approved project, saying why (1–500 characters). */
    public ProjectView cancel(UUID id, long expectedVersion, String reason) {
        ProjectStore.Row p = visible(id);
        may.require(ListingPermission.APPROVE_PROJECTS, p.unitId());
        Violations v = new Violations();
        String r = Text.checkLine(reason, "reason", true, 500, v);
        v.throwIfAny();
        if (p.status() != ProjectStatus.PROPOSED && p.status() != ProjectStatus.APPROVED) {
            throw DomainException.conflict("listing.project.state", p.status().ordinal());
        }
        if (!store.cancel(id, expectedVersion, r, clock.instant())) {
            throw stale(p, expectedVersion);
        }
        audit.record(AuditRecord.created("listing.project.cancelled", "project", id.toString(), Map.of("reason", r)));
        return view(store.find(id).orElseThrow());
    }

    /** Records a party's payment towards its pledge (the party's 联络员 or the project's staff), in 分. */
    public ProjectView pay(UUID id, UUID organisation, Long amountFen, LocalDate paidOn, String note) {
        ProjectStore.Row p = visible(id);
        may.require(ListingPermission.MANAGE_PROJECTS);
        Violations v = new Violations();
        Money amount = Money.checkFen(amountFen, "amountFen", true, v);
        if (amount != null && amount.fen() == 0) {
            v.add("amountFen", "money.positive");
        }
        String n = Text.checkLine(note, "note", false, 200, v);
        if (organisation == null) {
            v.add("organisationId", "validation.NotBlank", "organisationId");
        }
        checkDay(paidOn, "paidOn", v);
        v.throwIfAny();
        OrganisationView org = organisations
                .organisation(new OrganisationId(organisation))
                .orElseThrow(() ->
                        DomainException.invalid(List.of(Violation.of("organisationId", "listing.provider.unknown"))));
        if (!mayPayFor(p.unitId(), org)) {
            throw DomainException.forbidden("scope.outside");
        }
        if (p.status() != ProjectStatus.APPROVED && p.status() != ProjectStatus.COMPLETED) {
            throw DomainException.conflict("listing.project.state", p.status().ordinal());
        }
        if (store.parties(id).stream().noneMatch(x -> x.organisationId().equals(organisation))) {
            throw DomainException.invalid(List.of(Violation.of("organisationId", "listing.project.not-a-party")));
        }
        if (!store.pay(
                id,
                organisation,
                amount.fen(),
                paidOn == null ? LocalDate.now(clock) : paidOn,
                n,
                clock.instant(),
                actors.current().name())) {
            long open = store.parties(id).stream()
                    .filter(x -> x.organisationId().equals(organisation))
                    .mapToLong(x -> x.pledgedFen() - x.paidFen())
                    .sum();
            throw refused("amountFen", "listing.project.over-pledge", new Money(Math.max(0, open)).yuan());
        }
        audit.record(AuditRecord.created(
                "listing.project.paid",
                "project",
                id.toString(),
                Map.of("organisation", organisation.toString(), "amountFen", String.valueOf(amount.fen()))));
        return view(store.find(id).orElseThrow());
    }

    /** Records spend on an approved project within its budget, in 分, with the item bought. */
    public ProjectView spend(UUID id, Long amountFen, LocalDate spentOn, String item) {
        ProjectStore.Row p = manageable(id);
        Violations v = new Violations();
        Money amount = Money.checkFen(amountFen, "amountFen", true, v);
        if (amount != null && amount.fen() == 0) {
            v.add("amountFen", "money.positive");
        }
        String i = Text.checkLine(item, "item", true, 200, v);
        checkDay(spentOn, "spentOn", v);
        v.throwIfAny();
        requireStatus(p, ProjectStatus.APPROVED);
        if (!store.spend(
                id,
                amount.fen(),
                spentOn == null ? LocalDate.now(clock) : spentOn,
                i,
                clock.instant(),
                actors.current().name())) {
            throw refused("amountFen", "listing.project.over-budget", new Money(p.budgetFen()).yuan());
        }
        audit.record(AuditRecord.created(
                "listing.project.spent", "project", id.toString(), Map.of("amountFen", String.valueOf(amount.fen()))));
        return view(store.find(id).orElseThrow());
    }

    /** The project's payments and expenses, entry by entry, for whoever sees the project. */
    @Transactional(readOnly = true)
    public ProjectLedger ledger(UUID id) {
        visible(id);
        List<ProjectStore.Entry> payments = store.payments(id);
        Map<UUID, String> names = organisations.names(payments.stream()
                .map(e -> new OrganisationId(e.organisationId()))
                .distinct()
                .toList());
        return new ProjectLedger(
                payments.stream()
                        .map(e -> entry(e, names.get(e.organisationId())))
                        .toList(),
                store.expenses(id).stream().map(e -> entry(e, null)).toList());
    }

    private static ProjectLedger.Entry entry(ProjectStore.Entry e, String organisationName) {
        return new ProjectLedger.Entry(
                e.id(),
                e.organisationId(),
                organisationName,
                e.amountFen(),
                e.on(),
                e.text(),
                e.recordedAt(),
                e.reverses(),
                e.reversed());
    }

    /**
     * 冲正 of a payment recorded wrongly: a correcting entry of the opposite amount, dated today, with its reason,
     * takes it off the party's paid total; the wrong entry stays on the record. For staff who manage the project, on an
     * approved or completed one.
     *
     * @param reason why, 1–200 characters (400 {@code listing.project.reason-required} on field {@code reason})
     * @throws DomainException 404 {@code listing.project.entry-not-found} for no such payment of this project, 422
     *     {@code listing.project.entry-final} for a correcting entry, 409 {@code listing.project.entry-reversed} when it
     *     was reversed already (also when two reversals race: one wins), 409 {@code listing.project.state} otherwise
     */
    public ProjectView reversePayment(UUID id, UUID paymentId, String reason) {
        ProjectStore.Row p = manageable(id);
        String r = reason(reason);
        if (p.status() != ProjectStatus.APPROVED && p.status() != ProjectStatus.COMPLETED) {
            throw DomainException.conflict("listing.project.state", p.status().ordinal());
        }
        return reverse(
                id,
                reversible(store.payments(id), paymentId),
                r,
                "listing.project.payment-reversed",
                store::reversePayment);
    }

    /**
     * 冲正 of an expense recorded wrongly, as {@link #reversePayment}: the amount comes off the spend; on an approved
     * project only (spend is recorded only there).
     */
    public ProjectView reverseExpense(UUID id, UUID expenseId, String reason) {
        ProjectStore.Row p = manageable(id);
        String r = reason(reason);
        requireStatus(p, ProjectStatus.APPROVED);
        return reverse(
                id,
                reversible(store.expenses(id), expenseId),
                r,
                "listing.project.expense-reversed",
                store::reverseExpense);
    }

    /** How the store writes a correcting entry: false when the entry was reversed meanwhile. */
    private interface Correction {
        boolean write(UUID project, ProjectStore.Entry entry, String reason, LocalDate on, Instant at, String by);
    }

    private ProjectView reverse(
            UUID id, ProjectStore.Entry entry, String reason, String action, Correction correction) {
        if (!correction.write(
                id,
                entry,
                reason,
                LocalDate.now(clock),
                clock.instant(),
                actors.current().name())) {
            throw DomainException.conflict("listing.project.entry-reversed");
        }
        audit.record(AuditRecord.created(
                action,
                "project",
                id.toString(),
                Map.of(
                        "entry",
                        entry.id().toString(),
                        "amountFen",
                        String.valueOf(entry.amountFen()),
                        "reason",
                        reason)));
        return view(store.find(id).orElseThrow());
    }

    private static String reason(String reason) {
        Violations v = new Violations();
        String r = Text.checkLine(reason, "reason", false, 200, v);
        if (r == null) {
            v.add("reason", "listing.project.reason-required");
        }
        v.throwIfAny();
        return r;
    }

    private static ProjectStore.Entry reversible(List<ProjectStore.Entry> entries, UUID entryId) {
        ProjectStore.Entry e = entries.stream()
                .filter(x -> x.id().equals(entryId))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("listing.project.entry-not-found"));
        if (e.reverses() != null) {
            throw DomainException.unprocessable("entryId", "listing.project.entry-final");
        }
        if (e.reversed()) {
            throw DomainException.conflict("listing.project.entry-reversed");
        }
        return e;
    }

    /** Adds a milestone (title 1–100 characters, an optional due date) to a proposed or approved project. */
    public ProjectView addMilestone(UUID id, String title, LocalDate dueOn) {
        ProjectStore.Row p = manageable(id);
        Violations v = new Violations();
        String t = Text.checkLine(title, "title", true, 100, v);
        v.throwIfAny();
        if (p.status() != ProjectStatus.PROPOSED && p.status() != ProjectStatus.APPROVED) {
            throw DomainException.conflict("listing.project.state", p.status().ordinal());
        }
        store.addMilestone(id, t, dueOn);
        audit.record(
                AuditRecord.created("listing.project.milestone-added", "project", id.toString(), Map.of("title", t)));
        return view(store.find(id).orElseThrow());
    }

    /**
     * Sets a milestone's progress (0–100; 100 marks it reached today) on an approved project, with a note of this
     * update (none clears the earlier note).
     */
    public ProjectView progress(UUID id, int position, Integer progress, String note) {
        ProjectStore.Row p = manageable(id);
        Violations v = new Violations();
        if (progress == null || progress < 0 || progress > 100) {
            v.add("progress", "listing.project.progress");
        }
        String n = Text.checkLine(note, "note", false, 500, v);
        v.throwIfAny();
        requireStatus(p, ProjectStatus.APPROVED);
        if (!store.progress(id, position, progress, n, LocalDate.now(clock))) {
            throw DomainException.notFound("listing.project.milestone-not-found");
        }
        audit.record(AuditRecord.created(
                "listing.project.progressed",
                "project",
                id.toString(),
                Map.of("milestone", String.valueOf(position), "progress", String.valueOf(progress))));
        return view(store.find(id).orElseThrow());
    }

    /**
     * The beneficiaries' evaluation (效能评价) of a completed project: a score of 1–5 and a comment (up to 1,000
     * characters), one per person (409 {@code listing.project.already-evaluated} for a second), by those who read the
     * project (residents will evaluate from its public page).
     */
    public ProjectView evaluate(UUID id, Integer score, String comment) {
        ProjectStore.Row p = store.find(id).orElseThrow(Projects::notFound);
        if (!published(p)) {
            p = visible(id);
        }
        Violations v = new Violations();
        if (score == null || score < 1 || score > 5) {
            v.add("score", "listing.project.score");
        }
        // A resident may write a number in the comment; it is kept masked (the comment is read by staff, not its
        // author).
        String c = Masking.numbersIn(Text.checkText(comment, "comment", 1000, v));
        v.throwIfAny();
        requireStatus(p, ProjectStatus.COMPLETED);
        if (!store.evaluate(id, actors.current().name(), score, c, clock.instant())) {
            throw DomainException.conflict("listing.project.already-evaluated");
        }
        audit.record(AuditRecord.created(
                "listing.project.evaluated", "project", id.toString(), Map.of("score", String.valueOf(score))));
        return view(p);
    }

    /** Whether the caller (signed in) has given this project its 效能评价 already. */
    @Transactional(readOnly = true)
    public boolean evaluatedByCaller(UUID id) {
        return store.evaluated(id, actors.current().name());
    }

    @Transactional(readOnly = true)
    public ProjectView one(UUID id) {
        return view(visible(id));
    }

    /**
     * What the beneficiaries wrote when they evaluated the project, newest first, at most 50, for staff who see the
     * project; who wrote each is not shown. 404 {@code listing.project.not-found} for a project out of reach.
     */
    @Transactional(readOnly = true)
    public List<ProjectComment> comments(UUID id) {
        visible(id);
        return store.comments(id, 50);
    }

    /**
     * A project as the public sees it (seed 000: 公开展示): approved and completed projects only, read by anyone —
     * parties are organisations and amounts are public money; 404 {@code listing.project.not-found} for one proposed
     * or cancelled.
     */
    @Transactional(readOnly = true)
    public ProjectView published(UUID id) {
        ProjectStore.Row p = store.find(id).orElseThrow(Projects::notFound);
        if (!published(p)) {
            throw notFound();
        }
        return view(p);
    }

    /** Approved and completed projects, newest first, a page (1-based, 1–200 a page), for the public. */
    @Transactional(readOnly = true)
    public List<ProjectView> published(int page, int size) {
        return views(store.published(Math.max(1, page), Math.min(200, Math.max(1, size))));
    }

    private static boolean published(ProjectStore.Row p) {
        return p.status() == ProjectStatus.APPROVED || p.status() == ProjectStatus.COMPLETED;
    }

    /** Whether the caller may approve or cancel it (for pages). */
    @Transactional(readOnly = true)
    public boolean mayApprove(ProjectView p) {
        return may.to(ListingPermission.APPROVE_PROJECTS.code(), p.unitId());
    }

    /** Whether the caller carries it: milestones, spend, completion (for pages). */
    @Transactional(readOnly = true)
    public boolean mayCarry(ProjectView p) {
        return may.to(ListingPermission.MANAGE_PROJECTS.code(), p.unitId());
    }

    /**
     * The parties whose payments the caller may record on this project (for pages): all of them for staff who manage
     * its place, a unit's own for its 联络员, none otherwise — the rule {@link #pay} applies.
     */
    @Transactional(readOnly = true)
    public Set<UUID> payableParties(ProjectView p) {
        Set<UUID> payable = new HashSet<>();
        for (ProjectView.Party x : p.parties()) {
            organisations
                    .organisation(new OrganisationId(x.organisationId()))
                    .filter(org -> mayPayFor(p.unitId(), org))
                    .ifPresent(org -> payable.add(x.organisationId()));
        }
        return payable;
    }

    /** A payment of {@code org} on a project placed at {@code unit}: staff of the place, or the unit's own 联络员. */
    private boolean mayPayFor(UUID unit, OrganisationView org) {
        return may.to(ListingPermission.MANAGE_PROJECTS.code(), unit)
                || may.toOrganisation(
                        ListingPermission.MANAGE_PROJECTS.code(),
                        org.id().value(),
                        org.unitId().value());
    }

    /** A page (1-based, 1–200 a page) of the projects the caller reads, newest first. */
    @Transactional(readOnly = true)
    public ProjectPage list(ProjectStatus status, String q, int page, int size) {
        may.require(ListingPermission.READ);
        int p = Math.max(1, page);
        int n = Math.min(200, Math.max(1, size));
        var rows = store.page(reach.reach(), status, q, p, n);
        return new ProjectPage(views(rows.rows()), rows.total(), p, n);
    }

    // ---------------------------------------------------------------- inside

    private ProjectStore.Row visible(UUID id) {
        ProjectStore.Row p = store.find(id).orElseThrow(Projects::notFound);
        List<UUID> parties = store.parties(id).stream()
                .map(ProjectStore.PartyRow::organisationId)
                .toList();
        if (!reach.seesAny(parties, p.unitId(), p.subdistrictId())) {
            throw notFound();
        }
        return p;
    }

    private ProjectStore.Row manageable(UUID id) {
        ProjectStore.Row p = visible(id);
        may.require(ListingPermission.MANAGE_PROJECTS, p.unitId());
        return p;
    }

    private static DomainException notFound() {
        return DomainException.notFound("listing.project.not-found");
    }

    /** A day money moved: not after today (Beijing) and not before 2000 (a mistyped year). */
    private void checkDay(LocalDate day, String field, Violations v) {
        if (day != null
                && (day.isAfter(LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))))
                        || day.isBefore(LocalDate.of(2000, 1, 1)))) {
            v.add(field, "listing.project.day");
        }
    }

    private static void requireStatus(ProjectStore.Row p, ProjectStatus wanted) {
        if (p.status() != wanted) {
            throw DomainException.conflict("listing.project.state", p.status().ordinal());
        }
    }

    private static DomainException stale(ProjectStore.Row p, long expected) {
        return DomainException.conflict("listing.project.version.stale", expected, p.version());
    }

    private static DomainException refused(String field, String code, Object... args) {
        return DomainException.unprocessable(field, code, args);
    }

    private ProjectView view(ProjectStore.Row p) {
        return views(List.of(p)).get(0);
    }

    /**
     * The views of these projects, in their order, read together: their parts (with the linked needs' and resources'
     * names), the parties' names and the places each in one go, not once a project.
     */
    private List<ProjectView> views(List<ProjectStore.Row> rows) {
        Map<UUID, ProjectStore.Parts> parts =
                store.parts(rows.stream().map(ProjectStore.Row::id).toList());
        Map<UUID, String> names = organisations.names(parts.values().stream()
                .flatMap(x -> x.parties().stream())
                .map(x -> new OrganisationId(x.organisationId()))
                .distinct()
                .toList());
        Map<UUID, String> places = new HashMap<>();
        rows.stream()
                .map(ProjectStore.Row::unitId)
                .distinct()
                .forEach(u -> territory.unit(new UnitId(u)).ifPresent(place -> places.put(u, place.name())));
        List<ProjectView> out = new ArrayList<>();
        for (ProjectStore.Row p : rows) {
            ProjectStore.Parts x = parts.get(p.id());
            out.add(new ProjectView(
                    p.id(),
                    p.title(),
                    p.summary(),
                    p.unitId(),
                    places.get(p.unitId()),
                    p.subdistrictId(),
                    p.status(),
                    p.budgetFen(),
                    x.parties().stream()
                            .mapToLong(ProjectStore.PartyRow::pledgedFen)
                            .sum(),
                    x.parties().stream()
                            .mapToLong(ProjectStore.PartyRow::paidFen)
                            .sum(),
                    p.spentFen(),
                    x.parties().stream()
                            .map(party -> new ProjectView.Party(
                                    party.organisationId(),
                                    names.get(party.organisationId()),
                                    party.lead(),
                                    party.pledgedFen(),
                                    party.paidFen()))
                            .toList(),
                    x.milestones().stream()
                            .map(m -> new ProjectView.Milestone(
                                    m.position(), m.title(), m.dueOn(), m.progress(), m.doneOn(), m.note()))
                            .toList(),
                    x.needs(),
                    x.resources(),
                    p.approvalNote(),
                    p.approvedAt(),
                    p.outcome(),
                    p.completedAt(),
                    x.evaluations(),
                    x.evaluations() == 0 ? null : x.meanScore(),
                    p.synthetic(),
                    p.version()));
        }
        return out;
    }
}
