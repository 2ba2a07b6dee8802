package org.gongzhi.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.organization.domain.Council;
import org.gongzhi.organization.domain.CouncilMembers;
import org.gongzhi.organization.domain.CouncilRepository;
import org.gongzhi.organization.domain.DutyRecords;
import org.gongzhi.organization.domain.Organisation;
import org.gongzhi.organization.domain.OrganisationRepository;
import org.gongzhi.organization.domain.ResponsibilityList;
import org.gongzhi.organization.domain.ResponsibilityListRepository;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Masking;
import org.gongzhi.shared.PageWindow;
import org.gongzhi.shared.Text;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitId;
import org.gongzhi.territory.UnitView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to organisations, councils and responsibility lists. */
@Service
@Transactional(readOnly = true)
public class OrganizationQueries {

    public static final int MAX_PAGE_SIZE = 200;

    /** Lists follow the order of {@link OrganisationKind}: the 街道 first, then departments, units, society. */
    private static final String KIND_ORDER;

    static {
        StringBuilder order = new StringBuilder("case kind");
        for (OrganisationKind k : OrganisationKind.values()) {
            order.append(" when '").append(k.name()).append("' then ").append(k.ordinal());
        }
        KIND_ORDER = order.append(" end").toString();
    }

    private final OrganisationRepository organisations;
    private final CouncilRepository councils;
    private final ResponsibilityListRepository lists;
    private final CouncilMembers members;
    private final DutyRecords records;
    private final TerritoryQueries territory;
    private final JdbcClient jdbc;
    private final org.gongzhi.organization.domain.OrganizationScope scope;
    private final org.gongzhi.platform.Permissions may;
    private final org.gongzhi.platform.AccessScopes scopes;

    OrganizationQueries(
            OrganisationRepository organisations,
            CouncilRepository councils,
            ResponsibilityListRepository lists,
            CouncilMembers members,
            DutyRecords records,
            TerritoryQueries territory,
            JdbcClient jdbc,
            org.gongzhi.organization.domain.OrganizationScope scope,
            org.gongzhi.platform.Permissions may,
            org.gongzhi.platform.AccessScopes scopes) {
        this.scope = scope;
        this.may = may;
        this.scopes = scopes;
        this.organisations = organisations;
        this.councils = councils;
        this.lists = lists;
        this.members = members;
        this.records = records;
        this.territory = territory;
        this.jdbc = jdbc;
    }

    public Optional<OrganisationView> organisation(OrganisationId id) {
        return organisations.findById(id.value()).map(o -> views(List.of(o)).get(0));
    }

    /** The names of the organisations given, by id, in one query; unknown ids are left out. */
    public java.util.Map<UUID, String> names(Collection<OrganisationId> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        jdbc.sql("select id, name from organization.organisation where id = any(:ids)")
                .param("ids", ids.stream().map(OrganisationId::value).toArray(UUID[]::new))
                .query(rs -> {
                    names.put((UUID) rs.getObject(1), rs.getString(2));
                });
        return names;
    }

    public OrganisationView require(OrganisationId id) {
        return organisation(id).orElseThrow(() -> DomainException.notFound("organization.not-found", id));
    }

    /** Organisations matching the filter, by kind and name, one page at a time (pages count from 1). */
    public OrganisationPage list(OrganisationFilter filter, int page, int size) {
        PageWindow window = PageWindow.of(page, size, MAX_PAGE_SIZE);
        int pageSize = window.size();
        int pageNumber = window.number();
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (filter.kind() != null) {
            where.append(" and kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.group() != null) {
            List<String> kinds = new ArrayList<>();
            for (OrganisationKind k : OrganisationKind.values()) {
                if (k.group() == filter.group()) {
                    kinds.add(k.name());
                }
            }
            where.append(" and kind in (:groupKinds)");
            params.put("groupKinds", kinds);
        }
        if (Text.stripToNull(filter.unitCode()) != null) {
            Set<UnitId> subtree = territory.subtree(Text.strip(filter.unitCode()));
            where.append(" and unit_id in (:units)");
            params.put("units", subtree.stream().map(UnitId::value).toList());
        }
        String term = Text.key(Text.stripToNull(filter.text()));
        if (term != null) {
            // Names are compared in their NFKC form, so full-width and half-width brackets find each other.
            where.append(" and (lower(normalize(name, NFKC)) like :text escape '\\' or credit_code = upper(:exact))");
            params.put(
                    "text", "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("exact", Text.strip(filter.text()));
        }
        long total = jdbc.sql("select count(*) from organization.organisation" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<UUID> ids = jdbc.sql("select id from organization.organisation" + where + " order by " + KIND_ORDER
                        + ", name, id limit :limit offset :offset")
                .params(params)
                .param("limit", pageSize)
                .param("offset", window.offset())
                .query(UUID.class)
                .list();
        List<Organisation> found = new ArrayList<>();
        Map<UUID, Organisation> byId = new HashMap<>();
        organisations.findAllById(ids).forEach(o -> byId.put(o.id(), o));
        ids.forEach(id -> found.add(byId.get(id)));
        return new OrganisationPage(views(found), total, pageNumber, pageSize);
    }

    /**
     * Organisations a council could seat, for its picker: names (or the credit code) matching {@code text}, not members
     * already, and ones the viewer may link to the council's unit ({@link OrganizationScope#mayLink}); the first
     * {@code limit} (1–50) in list order, from the first {@value #MAX_PAGE_SIZE} that match the text.
     */
    public List<OrganisationView> seatable(UUID councilId, String text, int limit) {
        Council council = councils.findById(councilId)
                .orElseThrow(() -> DomainException.notFound("organization.council.not-found", councilId));
        if (!may.allowed(OrganizationPermission.SEAT_MEMBERS, council.unitId())) {
            // Nobody who may not seat members here is offered anyone to seat.
            return List.of();
        }
        Set<UUID> seated = new HashSet<>();
        members.ofAll(List.of(councilId))
                .forEach(seat -> seated.add(seat.member().organisationId()));
        return linkable(council.unitId(), text, seated, limit);
    }

    /**
     * Organisations the viewer may link to something placed at the unit {@code placeCode} — a parent, a party to a
     * list ({@link org.gongzhi.organization.domain.OrganizationScope#mayLink}); with no place, those the viewer's scope
     * holds. Names (or the credit code) matching {@code text}; the first {@code limit} (1–50) in list order.
     */
    public List<OrganisationView> linkable(String placeCode, String text, int limit) {
        UUID place = Text.stripToNull(placeCode) == null
                ? null
                : territory.requireByCode(Text.strip(placeCode)).id().value();
        return linkable(place, text, Set.of(), limit);
    }

    private List<OrganisationView> linkable(UUID place, String text, Set<UUID> leaveOut, int limit) {
        var linkable = scope.linkableTo(place);
        return list(new OrganisationFilter(null, null, null, text), 1, MAX_PAGE_SIZE).items().stream()
                .filter(o -> !leaveOut.contains(o.id().value()))
                .filter(o -> linkable.test(o.id().value(), o.unitId().value()))
                .limit(Math.max(1, Math.min(50, limit)))
                .toList();
    }

    /**
     * Units where a council of {@code level} ({@code null}: either) could still be founded, for the founding form's
     * picker: units of the level's kind within the viewer's scope whose name contains {@code text}, without such a council yet (DOMAIN §3:
     * one per unit); at most {@code limit} (1–50).
     */
    public List<org.gongzhi.territory.UnitChoice> councilVacancies(CouncilLevel level, String text, int limit) {
        Set<org.gongzhi.territory.UnitKind> kinds = new HashSet<>();
        if (level != CouncilLevel.COMMUNITY) {
            kinds.add(org.gongzhi.territory.UnitKind.SUBDISTRICT);
        }
        if (level != CouncilLevel.SUBDISTRICT) {
            kinds.add(org.gongzhi.territory.UnitKind.COMMUNITY);
        }
        // A council sits at the unit of its own level's kind, so a unit with any council has the one it can have.
        List<UnitId> taken = jdbc.sql("select unit_id from organization.council")
                .query((rs, n) -> new UnitId(rs.getObject("unit_id", UUID.class)))
                .list();
        Set<String> takenCodes = new HashSet<>();
        territory.units(taken).values().forEach(u -> takenCodes.add(u.code()));
        return territory.search(text, kinds, territory.within(scopes.current()), 50).stream()
                .filter(u -> !takenCodes.contains(u.code()))
                .limit(Math.max(1, Math.min(50, limit)))
                .toList();
    }

    /** The offices of the places given ({@link OrganisationKind#placeOffice()}), by id. */
    public Set<UUID> officesIn(Set<UnitId> units) {
        return placedIn(
                units,
                java.util.Arrays.stream(OrganisationKind.values())
                        .filter(OrganisationKind::placeOffice)
                        .toList());
    }

    /** Every organisation, for the workbook export. */
    public List<OrganisationView> all(OrganisationFilter filter) {
        List<OrganisationView> all = new ArrayList<>();
        int page = 1;
        OrganisationPage p;
        do {
            p = list(filter, page++, MAX_PAGE_SIZE);
            all.addAll(p.items());
        } while (p.page() < p.pages());
        return all;
    }

    /** The ids of the organisations of these kinds placed in any of {@code units}. */
    public Set<UUID> placedIn(Set<UnitId> units, Collection<OrganisationKind> kinds) {
        if (units.isEmpty() || kinds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select id from organization.organisation where unit_id = any(:units)"
                        + " and kind in (:kinds)")
                .param("units", ids(units))
                .param("kinds", kinds.stream().map(Enum::name).toList())
                .query(UUID.class)
                .list());
    }

    public long count(Collection<OrganisationKind> kinds) {
        return organisations.countByKindIn(kinds);
    }

    /** Organisations of these kinds placed in {@code within} ({@code null}: anywhere). */
    public long count(Collection<OrganisationKind> kinds, Set<UnitId> within) {
        if (within == null) {
            return count(kinds);
        }
        return jdbc.sql(
                        "select count(*) from organization.organisation where kind in (:kinds) and unit_id = any(:units)")
                .param("kinds", kinds.stream().map(Enum::name).toList())
                .param("units", ids(within))
                .query(Long.class)
                .single();
    }

    public long councilCount() {
        return councils.count();
    }

    /** Councils seated in {@code within} ({@code null}: anywhere). */
    public long councilCount(Set<UnitId> within) {
        return within == null
                ? councilCount()
                : jdbc.sql("select count(*) from organization.council where unit_id = any(:units)")
                        .param("units", ids(within))
                        .query(Long.class)
                        .single();
    }

    /** Responsibility lists for spaces in {@code within} ({@code null}: all of them). */
    public long listCount(Set<UnitId> within) {
        return within == null
                ? lists.count()
                : jdbc.sql("select count(*) from organization.responsibility_list where unit_id = any(:units)")
                        .param("units", ids(within))
                        .query(Long.class)
                        .single();
    }

    private static UUID[] ids(Set<UnitId> units) {
        return units.stream().map(UnitId::value).toArray(UUID[]::new);
    }

    /**
     * A link from one detail page to another: the council or 责任清单's id and name, and the role in it ({@code role}
     * is the party's name on a list, {@code null} for a council seat or a link by place).
     */
    public record Link(UUID id, String name, String role) {}

    /** Where an organisation takes part: the councils that seat it and the 责任清单 that name it as a party. */
    public record Involvement(List<Link> councils, List<Link> lists) {}

    public Involvement involvement(OrganisationId organisation) {
        List<Link> seats = jdbc.sql("select c.id, c.name from organization.council_member m"
                        + " join organization.council c on c.id = m.council_id"
                        + " where m.organisation_id = :org order by c.level, c.name")
                .param("org", organisation.value())
                .query((rs, n) -> new Link(rs.getObject("id", UUID.class), rs.getString("name"), null))
                .list();
        List<Link> parties = jdbc.sql("select l.id, l.title, p.name from organization.responsibility_party p"
                        + " join organization.responsibility_list l on l.id = p.list_id"
                        + " where p.organisation_id = :org order by l.title")
                .param("org", organisation.value())
                .query((rs, n) -> new Link(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("name")))
                .list();
        return new Involvement(seats, parties);
    }

    /** The councils and 责任清单 seated at one unit, for linking the two kinds of page to each other. */
    public Involvement atUnit(UnitId unit) {
        List<Link> found = jdbc.sql("select id, name from organization.council where unit_id = :unit order by name")
                .param("unit", unit.value())
                .query((rs, n) -> new Link(rs.getObject("id", UUID.class), rs.getString("name"), null))
                .list();
        List<Link> drawn = jdbc.sql(
                        "select id, title from organization.responsibility_list where unit_id = :unit order by title")
                .param("unit", unit.value())
                .query((rs, n) -> new Link(rs.getObject("id", UUID.class), rs.getString("title"), null))
                .list();
        return new Involvement(found, drawn);
    }

    public List<CouncilView> councils() {
        List<Council> all = councils.findAll();
        List<CouncilView> views = councilViews(all);
        return views.stream()
                .sorted(java.util.Comparator.comparing(CouncilView::level).thenComparing(CouncilView::unitCode))
                .toList();
    }

    public CouncilView council(UUID id) {
        return councils.findById(id)
                .map(c -> councilViews(List.of(c)).get(0))
                .orElseThrow(() -> DomainException.notFound("organization.council.not-found", id));
    }

    public List<ResponsibilityListView> responsibilityLists() {
        return lists.findAll().stream().map(this::listView).toList();
    }

    public ResponsibilityListView responsibilityList(UUID id) {
        return lists.findById(id)
                .map(this::listView)
                .orElseThrow(() -> DomainException.notFound("organization.list.not-found", id));
    }

    private ResponsibilityListView listView(ResponsibilityList l) {
        List<ResponsibilityList.DutyRecord> done = records.of(l.id());
        Map<Integer, java.time.LocalDate> lastDone = DutyRecords.lastDone(done);
        UnitView unit = l.unitId() == null
                ? null
                : territory.unit(new UnitId(l.unitId())).orElse(null);
        return new ResponsibilityListView(
                l.id(),
                l.title(),
                l.unitId(),
                unit == null ? null : unit.code(),
                unit == null ? null : unit.name(),
                l.mechanism(),
                l.synthetic(),
                l.parties().stream()
                        .map(p -> new ResponsibilityListView.Party(
                                p.key(),
                                p.name(),
                                p.organisationId() == null ? null : new OrganisationId(p.organisationId())))
                        .toList(),
                l.duties().stream()
                        .map(d -> new ResponsibilityListView.Duty(
                                d.number(),
                                d.description(),
                                d.ownerKey(),
                                d.cadence(),
                                d.evidence(),
                                lastDone.get(d.number())))
                        .toList(),
                done.stream()
                        .map(r -> new ResponsibilityListView.Record(r.dutyNumber(), r.doneOn(), r.note(), r.evidence()))
                        .toList(),
                l.version());
    }

    private List<CouncilView> councilViews(List<Council> found) {
        Set<UnitId> unitIds = new HashSet<>();
        Set<UUID> orgIds = new HashSet<>();
        Map<UUID, List<Council.CouncilMember>> seats = new HashMap<>();
        members.ofAll(found.stream().map(Council::id).toList())
                .forEach(seat -> seats.computeIfAbsent(seat.councilId(), k -> new ArrayList<>())
                        .add(seat.member()));
        found.forEach(c -> {
            unitIds.add(new UnitId(c.unitId()));
            seats.getOrDefault(c.id(), List.of()).forEach(m -> orgIds.add(m.organisationId()));
        });
        Map<UnitId, UnitView> units = territory.units(unitIds);
        Map<UUID, Organisation> orgs = new HashMap<>();
        organisations.findAllById(orgIds).forEach(o -> orgs.put(o.id(), o));
        List<CouncilView> views = new ArrayList<>();
        for (Council c : found) {
            UnitView unit = units.get(new UnitId(c.unitId()));
            views.add(new CouncilView(
                    c.id(),
                    c.name(),
                    c.level(),
                    c.unitId(),
                    unit == null ? null : unit.code(),
                    unit == null ? null : unit.name(),
                    c.chair(),
                    c.foundedOn(),
                    c.rules().deliberation(),
                    c.rules().topicCollection(),
                    c.rules().liaison(),
                    c.rules().emergencyResponse(),
                    c.synthetic(),
                    seats.getOrDefault(c.id(), List.of()).stream()
                            .map(m -> {
                                Organisation o = orgs.get(m.organisationId());
                                return new CouncilView.Member(
                                        new OrganisationId(m.organisationId()),
                                        o == null ? null : o.name(),
                                        o == null ? null : o.kind(),
                                        Masking.name(m.liaisonName()),
                                        m.liaisonTitle(),
                                        m.joinedOn());
                            })
                            // As a 街道 lists them: by joining date, then kind (the register's order), then name
                            // in Chinese collation (pinyin), never by internal id.
                            .sorted(java.util.Comparator.comparing(CouncilView.Member::joinedOn)
                                    .thenComparing(
                                            CouncilView.Member::kind,
                                            java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                                    .thenComparing(
                                            CouncilView.Member::organisationName,
                                            java.util.Comparator.nullsLast(java.text.Collator.getInstance(
                                                    java.util.Locale.SIMPLIFIED_CHINESE))))
                            .toList(),
                    c.version()));
        }
        return views;
    }

    List<OrganisationView> views(List<Organisation> found) {
        Set<UnitId> unitIds = new HashSet<>();
        found.forEach(o -> unitIds.add(new UnitId(o.unitId())));
        Map<UnitId, UnitView> units = territory.units(unitIds);
        return found.stream()
                .map(o -> {
                    UnitView unit = units.get(new UnitId(o.unitId()));
                    return new OrganisationView(
                            new OrganisationId(o.id()),
                            o.name(),
                            o.kind(),
                            o.creditCode(),
                            new UnitId(o.unitId()),
                            unit == null ? null : unit.code(),
                            unit == null ? null : unit.name(),
                            o.address(),
                            o.latitude(),
                            o.longitude(),
                            o.parentId() == null ? null : new OrganisationId(o.parentId()),
                            o.description(),
                            o.synthetic(),
                            o.version());
                })
                .toList();
    }
}
