package org.gongzhi.listing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.listing.domain.ExpertStore;
import org.gongzhi.listing.domain.Reach;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.platform.Permissions;
import org.gongzhi.platform.PersonalDataCipher;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Masking;
import org.gongzhi.shared.PhoneNumber;
import org.gongzhi.shared.Text;
import org.gongzhi.shared.Violations;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitId;
import org.gongzhi.territory.UnitKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 智库 of a 街道 (seed 000; DOMAIN.md §5): 责任规划师, 社区规划师, 社区营造师, 治理顾问 and scholars with expertise tags
 * and affiliation, listed by name because they agreed to be; each may advise needs and projects — a planner and a
 * community builder on one project is 双师联动. The street keeps the list ({@link ListingPermission#MANAGE_EXPERTS});
 * whoever carries a need or project asks experts onto it; every staff member of the 街道 reads it.
 *
 * <p>Refusals: 400 with the field ({@code validation.NotBlank}, {@code text.too-long}, {@code
 * listing.expert.subdistrict}, {@code listing.expert.tags}, {@code listing.expert.consent}, {@code
 * listing.provider.unknown}, {@code listing.resource.contact-phone}); 403 outside the caller's places; 404 {@code
 * listing.expert.not-found}; 409 {@code listing.expert.version.stale}, {@code listing.expert.not-listed}, {@code
 * listing.expert.already-assigned}; 422 {@code listing.expert.other-subdistrict} for an expert of another 街道's think
 * tank.
 */
@Service
@Transactional
public class Experts {

    static final String PHONE = "listing.expert.phone";
    private static final String NEED = "NEED";
    private static final String PROJECT = "PROJECT";

    private final ExpertStore store;
    private final ListingReach reach;
    private final Needs needs;
    private final Projects projects;
    private final OrganizationQueries organisations;
    private final TerritoryQueries territory;
    private final Permissions may;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    private final ActorResolver actors;
    private final Clock clock;

    Experts(
            ExpertStore store,
            ListingReach reach,
            Needs needs,
            Projects projects,
            OrganizationQueries organisations,
            TerritoryQueries territory,
            Permissions may,
            PersonalDataCipher cipher,
            AuditTrail audit,
            ActorResolver actors,
            Clock clock) {
        this.store = store;
        this.reach = reach;
        this.needs = needs;
        this.projects = projects;
        this.organisations = organisations;
        this.territory = territory;
        this.may = may;
        this.cipher = cipher;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    /** Adds an expert to a 街道's think tank. */
    public ExpertView add(ExpertDetails d) {
        may.require(ListingPermission.MANAGE_EXPERTS);
        Violations v = new Violations();
        if (d.subdistrictId() == null
                || territory
                        .unit(new UnitId(d.subdistrictId()))
                        .filter(u -> u.kind() == UnitKind.SUBDISTRICT)
                        .isEmpty()) {
            v.add("subdistrictId", "listing.expert.subdistrict");
        }
        if (!d.consent()) {
            v.add("consent", "listing.expert.consent");
        }
        ExpertStore.Row checked = check(UUID.randomUUID(), d.subdistrictId(), d, null, v);
        may.require(ListingPermission.MANAGE_EXPERTS, d.subdistrictId());
        store.insert(checked, clock.instant(), actors.current().name());
        audit.record(AuditRecord.created(
                "listing.expert.added",
                "expert",
                checked.id().toString(),
                Map.of("role", checked.role().name())));
        return view(store.find(checked.id()).orElseThrow());
    }

    /** Revises an expert read at {@code expectedVersion} (the 街道 stays; a phone sent back masked is kept). */
    public ExpertView revise(UUID id, long expectedVersion, ExpertDetails d) {
        ExpertStore.Row current = manageable(id);
        ExpertStore.Row checked = check(id, current.subdistrictId(), d, current, new Violations());
        if (!store.update(checked, expectedVersion, clock.instant())) {
            throw stale(expectedVersion, current.version());
        }
        audit.record(AuditRecord.created("listing.expert.revised", "expert", id.toString(), Map.of()));
        return view(store.find(id).orElseThrow());
    }

    /** Takes the expert off the list; their past advice stays on record. */
    public ExpertView withdraw(UUID id, long expectedVersion) {
        ExpertStore.Row current = manageable(id);
        if (!store.withdraw(id, expectedVersion, clock.instant())) {
            throw stale(expectedVersion, current.version());
        }
        audit.record(AuditRecord.created("listing.expert.withdrawn", "expert", id.toString(), Map.of()));
        return view(store.find(id).orElseThrow());
    }

    /** The expert, phone masked; 404 when the caller cannot see them. */
    @Transactional(readOnly = true)
    public ExpertView one(UUID id) {
        return view(visible(id));
    }

    /**
     * The experts the caller sees, by name; {@code tag} keeps those with that tag, {@code role} those of that role,
     * {@code q} those whose name, affiliation, tags or bio contain it.
     */
    @Transactional(readOnly = true)
    public List<ExpertView> list(String q, String tag, ExpertRole role, boolean withdrawn) {
        may.require(ListingPermission.READ);
        Reach r = reach.reach();
        String text = Text.stripToNull(q);
        String t = Text.stripToNull(tag);
        return views(store.of(r.everything() ? null : r.subdistricts(), withdrawn)).stream()
                .filter(e -> role == null || e.role() == role)
                .filter(e -> t == null || e.tags().contains(t))
                .filter(e -> text == null
                        || e.name().contains(text)
                        || (e.affiliation() != null && e.affiliation().contains(text))
                        || e.tags().stream().anyMatch(x -> x.contains(text))
                        || (e.bio() != null && e.bio().contains(text)))
                .toList();
    }

    /** The experts of the 街道's think tank, with how many needs and projects each has advised (for matching). */
    @Transactional(readOnly = true)
    public List<ExpertView> of(UUID subdistrict) {
        return views(store.of(List.of(subdistrict), false));
    }

    /** The listed experts of the 街道 not yet among {@code advising}: whom a page offers to ask. */
    @Transactional(readOnly = true)
    public List<ExpertView> askable(UUID subdistrict, List<ExpertAssignment> advising) {
        var asked = advising.stream().map(a -> a.expert().id()).collect(java.util.stream.Collectors.toSet());
        return list(null, null, null, false).stream()
                .filter(e -> e.subdistrictId().equals(subdistrict) && !asked.contains(e.id()))
                .toList();
    }

    /** How many needs and projects each expert advised. */
    @Transactional(readOnly = true)
    public Map<UUID, Long> advisedCounts(java.util.Collection<UUID> experts) {
        return store.assignmentCounts(experts);
    }

    /** Asks the expert onto the need; the caller must be able to record needs at its place. */
    public List<ExpertAssignment> assignToNeed(UUID needId, UUID expertId, String note) {
        NeedView need = needs.one(needId);
        may.require(ListingPermission.RECORD_NEEDS, need.unitId());
        assign(expertId, NEED, needId, need.subdistrictId(), note);
        return onNeed(needId);
    }

    /** Asks the expert onto the project; the caller must carry projects at its place. */
    public List<ExpertAssignment> assignToProject(UUID projectId, UUID expertId, String note) {
        ProjectView project = projects.one(projectId);
        may.require(ListingPermission.MANAGE_PROJECTS, project.unitId());
        assign(expertId, PROJECT, projectId, project.subdistrictId(), note);
        return onProject(projectId);
    }

    /** Takes the expert off the need (404 {@code listing.expert.not-assigned} when they were not on it). */
    public List<ExpertAssignment> unassignFromNeed(UUID needId, UUID expertId) {
        NeedView need = needs.one(needId);
        may.require(ListingPermission.RECORD_NEEDS, need.unitId());
        unassign(expertId, NEED, needId);
        return onNeed(needId);
    }

    /** Takes the expert off the project. */
    public List<ExpertAssignment> unassignFromProject(UUID projectId, UUID expertId) {
        ProjectView project = projects.one(projectId);
        may.require(ListingPermission.MANAGE_PROJECTS, project.unitId());
        unassign(expertId, PROJECT, projectId);
        return onProject(projectId);
    }

    /** The experts advising the need (404 when the caller cannot see it). */
    @Transactional(readOnly = true)
    public List<ExpertAssignment> onNeed(UUID needId) {
        needs.one(needId);
        return assignments(NEED, needId);
    }

    /** The experts advising the project (404 when the caller cannot see it). */
    @Transactional(readOnly = true)
    public List<ExpertAssignment> onProject(UUID projectId) {
        projects.one(projectId);
        return assignments(PROJECT, projectId);
    }

    /** 双师联动: whether a planner and a community builder both advise. */
    public static boolean dualMentoring(List<ExpertAssignment> advising) {
        return advising.stream().anyMatch(a -> a.expert().role().planner())
                && advising.stream().anyMatch(a -> a.expert().role() == ExpertRole.COMMUNITY_BUILDER);
    }

    // ---------------------------------------------------------------- internals

    private void assign(UUID expertId, String kind, UUID subject, UUID subdistrict, String note) {
        if (expertId == null) {
            throw DomainException.invalid(
                    List.of(org.gongzhi.shared.Violation.of("expertId", "validation.NotBlank", "expertId")));
        }
        ExpertStore.Row expert = visible(expertId);
        if (expert.withdrawnAt() != null) {
            throw DomainException.conflict("listing.expert.not-listed");
        }
        if (!expert.subdistrictId().equals(subdistrict)) {
            throw DomainException.unprocessable("expertId", "listing.expert.other-subdistrict");
        }
        Violations v = new Violations();
        String why = Text.checkLine(note, "note", false, 200, v);
        v.throwIfAny();
        if (!store.assign(new ExpertStore.Assignment(
                expertId, kind, subject, why, clock.instant(), actors.current().name()))) {
            throw DomainException.conflict("listing.expert.already-assigned");
        }
        audit.record(AuditRecord.created(
                "listing.expert.assigned",
                kind.toLowerCase(java.util.Locale.ROOT),
                subject.toString(),
                Map.of("expert", expertId.toString())));
    }

    private void unassign(UUID expertId, String kind, UUID subject) {
        if (!store.unassign(expertId, kind, subject)) {
            throw DomainException.notFound("listing.expert.not-assigned");
        }
        audit.record(AuditRecord.created(
                "listing.expert.unassigned",
                kind.toLowerCase(java.util.Locale.ROOT),
                subject.toString(),
                Map.of("expert", expertId.toString())));
    }

    private List<ExpertAssignment> assignments(String kind, UUID subject) {
        List<ExpertStore.Assignment> rows = store.on(kind, subject);
        List<ExpertAssignment> out = new ArrayList<>();
        for (ExpertStore.Assignment a : rows) {
            store.find(a.expertId()).ifPresent(e -> out.add(new ExpertAssignment(view(e), a.note(), a.at(), a.by())));
        }
        return out;
    }

    private ExpertStore.Row visible(UUID id) {
        ExpertStore.Row row = store.find(id).orElseThrow(() -> DomainException.notFound("listing.expert.not-found"));
        if (!reach.sees(null, row.subdistrictId(), row.subdistrictId())) {
            throw DomainException.notFound("listing.expert.not-found");
        }
        return row;
    }

    private ExpertStore.Row manageable(UUID id) {
        ExpertStore.Row row = visible(id);
        may.require(ListingPermission.MANAGE_EXPERTS, row.subdistrictId());
        if (row.withdrawnAt() != null) {
            throw DomainException.conflict("listing.expert.not-listed");
        }
        return row;
    }

    private ExpertStore.Row check(UUID id, UUID subdistrict, ExpertDetails d, ExpertStore.Row current, Violations v) {
        String name = Text.checkLine(d.name(), "name", true, 50, v);
        if (d.role() == null) {
            v.add("role", "validation.NotBlank", "role");
        }
        String affiliation = Text.checkLine(d.affiliation(), "affiliation", false, 100, v);
        if (d.affiliationId() != null
                && organisations
                        .organisation(new OrganisationId(d.affiliationId()))
                        .isEmpty()) {
            v.add("affiliationId", "listing.provider.unknown");
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String tag : d.tags() == null ? List.<String>of() : d.tags()) {
            String t = Text.stripToNull(tag);
            if (t == null) {
                continue;
            }
            if (t.length() > 20 || Text.hasForbiddenControl(t)) {
                v.add("tags", "listing.expert.tags", 12, 20);
            } else {
                tags.add(t);
            }
        }
        if (tags.size() > 12) {
            v.add("tags", "listing.expert.tags", 12, 20);
        }
        String bio = Text.checkText(d.bio(), "bio", 1000, v);
        String phone = phone(d.contactPhone(), current, v);
        v.throwIfAny();
        return new ExpertStore.Row(
                id,
                subdistrict,
                name,
                d.role(),
                d.affiliationId(),
                affiliation,
                List.copyOf(tags),
                bio,
                phone,
                null,
                current == null ? 0 : current.version());
    }

    /** The phone's cipher to store: the current one when sent back as shown masked. */
    private String phone(String typed, ExpertStore.Row current, Violations v) {
        String t = Text.stripToNull(typed);
        if (t == null) {
            return null;
        }
        if (current != null && current.phoneCipher() != null) {
            String stored = cipher.decrypt(PHONE, current.phoneCipher());
            if (t.equals(Masking.phone(stored)) || t.equals(stored)) {
                return current.phoneCipher();
            }
        }
        if (!PhoneNumber.isValid(t)) {
            v.add("contactPhone", "listing.resource.contact-phone");
            return null;
        }
        return cipher.encrypt(PHONE, PhoneNumber.parse(t).value());
    }

    private ExpertView view(ExpertStore.Row r) {
        return views(List.of(r)).get(0);
    }

    private List<ExpertView> views(List<ExpertStore.Row> rows) {
        Map<UUID, String> names = organisations.names(rows.stream()
                .map(ExpertStore.Row::affiliationId)
                .filter(java.util.Objects::nonNull)
                .map(OrganisationId::new)
                .distinct()
                .toList());
        return rows.stream()
                .map(r -> new ExpertView(
                        r.id(),
                        r.subdistrictId(),
                        r.name(),
                        r.role(),
                        r.affiliationId(),
                        r.affiliationId() != null && names.containsKey(r.affiliationId())
                                ? names.get(r.affiliationId())
                                : r.affiliation(),
                        r.tags(),
                        r.bio(),
                        r.phoneCipher() == null ? null : Masking.phone(cipher.decrypt(PHONE, r.phoneCipher())),
                        r.withdrawnAt(),
                        r.version()))
                .toList();
    }

    private static DomainException stale(long read, long now) {
        return DomainException.conflict("listing.expert.version.stale", read, now);
    }
}
