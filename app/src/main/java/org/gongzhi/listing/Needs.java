package org.gongzhi.listing;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.gongzhi.appeal.AppealQueries;
import org.gongzhi.appeal.AppealReferences;
import org.gongzhi.appeal.AppealView;
import org.gongzhi.listing.domain.NeedStore;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganisationView;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.platform.Permissions;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Masking;
import org.gongzhi.shared.Text;
import org.gongzhi.shared.Violations;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitId;
import org.gongzhi.territory.UnitView;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 需求清单 (seed 000: "坚持问题导向 … 全面了解掌握群众需求"): needs gathered by meetings, 座谈, 走访, online, or
 * converted from appeals (清单诉) — the need keeps the appeal's id and tracking code, the appeal a link to the need
 * ({@link AppealReferences}). Categories: seed 000's six plus a 街道's own. Recorded by staff for their places, or by
 * a unit's 联络员 for its unit; read by every staff member of the 街道 (as the resources).
 *
 * <p>Refusals: 400 with the field ({@code validation.NotBlank}, {@code text.too-long}, {@code
 * listing.need.category.unknown}, {@code listing.need.unit-unknown}, {@code listing.provider.unknown}, {@code
 * listing.need.beneficiary-count}, {@code listing.need.source.appeal}, {@code listing.need.reason}); 403 outside
 * the caller's places; 404 {@code listing.need.not-found}, or {@code appeal.not-found} for an appeal the caller cannot
 * read; 409 {@code listing.need.already-converted}, {@code listing.need.version.stale}, {@code
 * listing.need.status-move}.
 */
@Service
@Transactional
public class Needs {

    private final NeedStore store;
    private final ListingReach reach;
    private final OrganizationQueries organisations;
    private final TerritoryQueries territory;
    private final AppealQueries appeals;
    private final AppealReferences references;
    private final Permissions may;
    private final AuditTrail audit;
    private final ActorResolver actors;
    private final Clock clock;

    Needs(
            NeedStore store,
            ListingReach reach,
            OrganizationQueries organisations,
            TerritoryQueries territory,
            AppealQueries appeals,
            AppealReferences references,
            Permissions may,
            AuditTrail audit,
            ActorResolver actors,
            Clock clock) {
        this.store = store;
        this.reach = reach;
        this.organisations = organisations;
        this.territory = territory;
        this.appeals = appeals;
        this.references = references;
        this.may = may;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    /** Records a need gathered by a meeting, 座谈, 走访 or online (not {@link NeedSource#APPEAL}: see {@link #fromAppeal}). */
    public NeedView record(NeedDetails d) {
        may.require(ListingPermission.RECORD_NEEDS);
        Violations v = new Violations();
        if (d.source() == NeedSource.APPEAL) {
            v.add("source", "listing.need.source.appeal");
        }
        Checked c = check(d, v);
        return insert(c, d.source(), null, null);
    }

    /**
     * Converts the appeal with this tracking code into a need (清单诉): fields left empty are taken from the appeal —
     * title and description from its content (numbers in it masked), the place from its 社区. The appeal records a link
     * to the need. One need per appeal (409 {@code listing.need.already-converted}).
     */
    public NeedView fromAppeal(String trackingCode, NeedDetails d) {
        may.require(ListingPermission.RECORD_NEEDS);
        AppealView appeal = appeals.byTrackingCode(trackingCode == null ? "" : trackingCode);
        if (store.byAppeal(appeal.id().value()).isPresent()) {
            throw DomainException.conflict("listing.need.already-converted", appeal.trackingCode());
        }
        String content = Masking.numbersIn(appeal.content());
        NeedDetails filled = new NeedDetails(
                blank(d.title()) ? shorten(content, 40) : d.title(),
                blank(d.description()) ? content : d.description(),
                d.categoryCode(),
                NeedSource.APPEAL,
                d.requesterKind() == null ? RequesterKind.COMMUNITY : d.requesterKind(),
                d.unitId() != null && !containsAppeal(d.unitId(), appeal)
                        ? d.unitId()
                        : appeal.community() != null
                                ? appeal.community().id()
                                : appeal.subdistrict() == null
                                        ? null
                                        : appeal.subdistrict().id(),
                d.requesterOrganisationId(),
                d.requesterGroup(),
                d.beneficiaries(),
                d.beneficiaryCount(),
                d.priority());
        Checked c = check(filled, new Violations());
        NeedView need;
        try {
            need = insert(c, NeedSource.APPEAL, appeal.id().value(), appeal.trackingCode());
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("listing.need.already-converted", appeal.trackingCode());
        }
        references.record(appeal.id(), "need", "/needs/" + need.id(), need.title());
        return need;
    }

    /**
     * Whether {@code unit} is a place above the appeal's 社区 (the 街道 a form offers by default): then the appeal's
     * own 社区 is the more precise place of the need.
     */
    private boolean containsAppeal(UUID unit, AppealView appeal) {
        return appeal.community() != null
                && territory.lineage(new UnitId(appeal.community().id())).stream()
                        .anyMatch(u -> u.id().value().equals(unit));
    }

    /** Revises a need read at {@code expectedVersion} (its source and appeal stay). */
    public NeedView revise(UUID id, long expectedVersion, NeedDetails d) {
        NeedStore.Row current = manageable(id);
        Checked c = check(
                new NeedDetails(
                        d.title(),
                        d.description(),
                        d.categoryCode(),
                        current.source(),
                        d.requesterKind(),
                        d.unitId(),
                        d.requesterOrganisationId(),
                        d.requesterGroup(),
                        d.beneficiaries(),
                        d.beneficiaryCount(),
                        d.priority()),
                new Violations());
        if (!store.update(
                c.row(id, current.source(), current.appealId(), current.appealCode(), null),
                expectedVersion,
                clock.instant())) {
            throw DomainException.conflict("listing.need.version.stale", expectedVersion, current.version());
        }
        audit.record(AuditRecord.created("listing.need.revised", "need", id.toString(), Map.of("title", c.title())));
        return view(store.find(id).orElseThrow());
    }

    /**
     * Moves a need along by hand ({@link NeedStatus#mayMoveTo}); declining and reopening need a reason of 1–500
     * characters (400 {@code listing.need.reason}); 409 {@code listing.need.status-move} for a move not allowed.
     */
    public NeedView move(UUID id, long expectedVersion, NeedStatus to, String note) {
        NeedStore.Row current = manageable(id);
        Violations v = new Violations();
        String n = Text.checkLine(note, "note", false, 500, v);
        if (to == null) {
            v.add("status", "validation.NotBlank", "status");
        } else if (n == null && current.status().needsReason(to)) {
            v.add("note", "listing.need.reason");
        }
        v.throwIfAny();
        if (!current.status().mayMoveTo(to)) {
            throw DomainException.conflict(
                    "listing.need.status-move", current.status().ordinal(), to.ordinal());
        }
        if (!store.move(id, expectedVersion, current.status(), to, n, clock.instant())) {
            throw DomainException.conflict("listing.need.version.stale", expectedVersion, current.version());
        }
        audit.record(AuditRecord.created(
                "listing.need.moved",
                "need",
                id.toString(),
                Map.of("from", current.status().name(), "to", to.name())));
        return view(store.find(id).orElseThrow());
    }

    @Transactional(readOnly = true)
    public NeedView one(UUID id) {
        return view(visible(id));
    }

    /** A page (1-based, 1–200 a page) of the needs the caller reads that match the filter. */
    @Transactional(readOnly = true)
    public NeedPage list(NeedFilter filter, int page, int size) {
        may.require(ListingPermission.READ);
        int p = Math.max(1, page);
        int s = Math.min(200, Math.max(1, size));
        NeedStore.Page rows = store.page(filter, reach.reach(), p, s);
        return new NeedPage(views(rows.rows()), rows.total(), p, s);
    }

    /** Whether the caller may revise and move this need (for pages). */
    @Transactional(readOnly = true)
    public boolean mayManage(NeedView n) {
        return manages(n.unitId(), n.requesterOrganisationId());
    }

    /** Seed 000's six categories, then the 街道's own, in order. */
    @Transactional(readOnly = true)
    public List<NeedCategory> categories() {
        return store.categories();
    }

    /**
     * Adds a category: a code of 2–30 capitals, digits or underscores and a name of 1–50 characters, neither taken (400
     * {@code listing.need.category.code}, {@code listing.need.category.taken}).
     */
    public NeedCategory addCategory(String code, String name) {
        may.require(ListingPermission.MANAGE_NEED_CATEGORIES);
        Violations v = new Violations();
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!c.matches("[A-Z][A-Z0-9_]{1,29}")) {
            v.add("code", "listing.need.category.code");
        }
        String n = Text.checkLine(name, "name", true, 50, v);
        v.throwIfAny();
        if (!store.addCategory(c, n, clock.instant(), actors.current().name())) {
            throw DomainException.invalid(
                    List.of(org.gongzhi.shared.Violation.of("code", "listing.need.category.taken")));
        }
        audit.record(AuditRecord.created("listing.need.category.added", "need-category", c, Map.of("name", n)));
        return store.category(c).orElseThrow();
    }

    // ---------------------------------------------------------------- inside

    private NeedView insert(Checked c, NeedSource source, UUID appeal, String appealCode) {
        UUID id = UUID.randomUUID();
        store.insert(c.row(id, source, appeal, appealCode, actors.current().name()), clock.instant());
        audit.record(AuditRecord.created(
                "listing.need.recorded", "need", id.toString(), Map.of("title", c.title(), "source", source.name())));
        return view(store.find(id).orElseThrow());
    }

    private NeedStore.Row visible(UUID id) {
        NeedStore.Row r = store.find(id).orElseThrow(() -> DomainException.notFound("listing.need.not-found"));
        if (!reach.sees(r.requesterOrganisation(), r.unitId(), r.subdistrictId())) {
            throw DomainException.notFound("listing.need.not-found");
        }
        return r;
    }

    private NeedStore.Row manageable(UUID id) {
        NeedStore.Row r = visible(id);
        may.require(ListingPermission.RECORD_NEEDS);
        if (!manages(r.unitId(), r.requesterOrganisation())) {
            throw DomainException.forbidden("scope.outside");
        }
        return r;
    }

    private boolean manages(UUID unit, UUID organisation) {
        return may.to(ListingPermission.RECORD_NEEDS.code(), unit)
                || organisation != null
                        && may.toOrganisation(ListingPermission.RECORD_NEEDS.code(), organisation, unit);
    }

    /** Checked facts, ready to store. */
    record Checked(
            String title,
            String description,
            String category,
            RequesterKind kind,
            UUID organisation,
            String group,
            UUID unit,
            UUID subdistrict,
            String beneficiaries,
            Integer count,
            NeedPriority priority) {

        NeedStore.Row row(UUID id, NeedSource source, UUID appeal, String appealCode, String by) {
            return new NeedStore.Row(
                    id,
                    title,
                    description,
                    category,
                    source,
                    kind,
                    organisation,
                    group,
                    unit,
                    subdistrict,
                    beneficiaries,
                    count,
                    priority,
                    NeedStatus.OPEN,
                    null,
                    appeal,
                    appealCode,
                    false,
                    null,
                    by,
                    0);
        }
    }

    /** Checks every field at once, adding to {@code v}; then the caller's right to record at that place (403). */
    private Checked check(NeedDetails d, Violations v) {
        // Needs are read across the 街道: phone and ID numbers typed into them are kept masked (DOMAIN.md §9).
        String title = masked(Text.checkLine(d.title(), "title", true, 100, v));
        String description = masked(Text.checkText(d.description(), "description", 2000, v));
        if (blank(d.categoryCode())) {
            v.add("categoryCode", "validation.NotBlank", "categoryCode");
        } else if (store.category(d.categoryCode().strip()).isEmpty()) {
            v.add(
                    "categoryCode",
                    "listing.need.category.unknown",
                    d.categoryCode().strip());
        }
        if (d.source() == null) {
            v.add("source", "validation.NotBlank", "source");
        }
        if (d.requesterKind() == null) {
            v.add("requesterKind", "validation.NotBlank", "requesterKind");
        }
        OrganisationView org = null;
        if (d.requesterKind() == RequesterKind.UNIT) {
            if (d.requesterOrganisationId() == null) {
                v.add("requesterOrganisationId", "validation.NotBlank", "requesterOrganisationId");
            } else {
                org = organisations
                        .organisation(new OrganisationId(d.requesterOrganisationId()))
                        .orElse(null);
                if (org == null) {
                    v.add("requesterOrganisationId", "listing.provider.unknown");
                }
            }
        }
        String group = d.requesterKind() == RequesterKind.RESIDENT_GROUP
                ? Text.checkLine(d.requesterGroup(), "requesterGroup", true, 100, v)
                : null;
        UUID unit = d.unitId() != null
                ? d.unitId()
                : org == null ? null : org.unitId().value();
        UUID subdistrict = null;
        if (unit == null) {
            v.add("unitId", "validation.NotBlank", "unitId");
        } else {
            subdistrict = reach.subdistrictOf(unit);
            if (subdistrict == null) {
                v.add("unitId", "listing.need.unit-unknown");
            }
        }
        String beneficiaries = masked(Text.checkLine(d.beneficiaries(), "beneficiaries", false, 200, v));
        if (d.beneficiaryCount() != null && (d.beneficiaryCount() < 0 || d.beneficiaryCount() > 10_000_000)) {
            v.add("beneficiaryCount", "listing.need.beneficiary-count");
        }
        v.throwIfAny();
        if (!manages(unit, org == null ? null : org.id().value())) {
            throw DomainException.forbidden("scope.outside");
        }
        return new Checked(
                title,
                description,
                d.categoryCode().strip(),
                d.requesterKind(),
                org == null ? null : org.id().value(),
                group,
                unit,
                subdistrict,
                beneficiaries,
                d.beneficiaryCount(),
                d.priority() == null ? NeedPriority.MEDIUM : d.priority());
    }

    private static String masked(String text) {
        return text == null ? null : Masking.numbersIn(text);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String shorten(String s, int max) {
        String t = s.strip();
        return t.codePointCount(0, t.length()) <= max ? t : t.substring(0, t.offsetByCodePoints(0, max - 1)) + "…";
    }

    NeedView view(NeedStore.Row r) {
        return views(List.of(r)).get(0);
    }

    private List<NeedView> views(List<NeedStore.Row> rows) {
        Map<String, NeedCategory> categories = new HashMap<>();
        store.categories().forEach(c -> categories.put(c.code(), c));
        Map<UUID, String> orgNames = organisations.names(rows.stream()
                .map(NeedStore.Row::requesterOrganisation)
                .filter(Objects::nonNull)
                .distinct()
                .map(OrganisationId::new)
                .toList());
        Map<UnitId, UnitView> places = territory.units(
                rows.stream().map(r -> new UnitId(r.unitId())).distinct().toList());
        return rows.stream()
                .map(r -> {
                    UnitView place = places.get(new UnitId(r.unitId()));
                    NeedCategory c = categories.get(r.category());
                    return new NeedView(
                            r.id(),
                            r.title(),
                            r.description(),
                            r.category(),
                            c == null ? r.category() : c.name(),
                            c != null && c.builtin(),
                            r.source(),
                            r.requesterKind(),
                            r.requesterOrganisation(),
                            switch (r.requesterKind()) {
                                case UNIT -> orgNames.get(r.requesterOrganisation());
                                case RESIDENT_GROUP -> r.requesterGroup();
                                case COMMUNITY -> place == null ? null : place.name();
                            },
                            r.requesterGroup(),
                            r.unitId(),
                            place == null ? null : place.name(),
                            r.subdistrictId(),
                            r.beneficiaries(),
                            r.beneficiaryCount(),
                            r.priority(),
                            r.status(),
                            r.statusNote(),
                            r.appealId(),
                            r.appealCode(),
                            r.synthetic(),
                            r.recordedAt(),
                            r.recordedBy(),
                            r.version());
                })
                .toList();
    }
}
