package org.gongzhi.listing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.gongzhi.listing.domain.ListWorkbook;
import org.gongzhi.organization.OrganisationFilter;
import org.gongzhi.organization.OrganisationView;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.platform.Permissions;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Money;
import org.gongzhi.shared.Violation;
import org.gongzhi.shared.Violations;
import org.gongzhi.territory.TerritoryQueries;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The three lists as .xlsx workbooks (issue 10; ADR 0032): each exported as the caller reads it (contacts masked,
 * audited), and imported <em>all or nothing</em> — every row goes through the same façade as a form ({@link
 * Resources#offer}, {@link Needs#record}, {@link Projects#propose}) inside one transaction; any refused row refuses the
 * file (422 {@code listing.import.invalid}) naming every row and column at fault, and nothing is written. Names in
 * cells (kinds, categories, 是/否, services …) are read in Chinese or English or as codes; units by their exact name;
 * places by their code; money in 元 ({@code 150万} allowed).
 */
@Service
public class ListWorkbooks {

    /** Which list. */
    public enum Kind {
        RESOURCES,
        NEEDS,
        PROJECTS
    }

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final Resources resources;
    private final Needs needs;
    private final Projects projects;
    private final OrganizationQueries organisations;
    private final TerritoryQueries territory;
    private final MessageSource messages;
    private final Permissions may;
    private final AuditTrail audit;
    private final ActorResolver actors;
    private final Clock clock;

    ListWorkbooks(
            Resources resources,
            Needs needs,
            Projects projects,
            OrganizationQueries organisations,
            TerritoryQueries territory,
            MessageSource messages,
            Permissions may,
            AuditTrail audit,
            ActorResolver actors,
            Clock clock) {
        this.resources = resources;
        this.needs = needs;
        this.projects = projects;
        this.organisations = organisations;
        this.territory = territory;
        this.messages = messages;
        this.may = may;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    static final List<String> RESOURCE_COLUMNS = List.of(
            "name",
            "provider",
            "kind",
            "openness",
            "capacity",
            "latitude",
            "longitude",
            "address",
            "description",
            "conditions",
            "bookable",
            "opening",
            "services",
            "contactName",
            "contactPhone");
    static final List<String> NEED_COLUMNS = List.of(
            "title",
            "description",
            "category",
            "source",
            "requesterKind",
            "unitCode",
            "requester",
            "requesterGroup",
            "beneficiaries",
            "beneficiaryCount",
            "priority");
    static final List<String> PROJECT_COLUMNS = List.of("title", "summary", "unitCode", "budget", "parties", "lead");

    /** What an export adds after the columns an import reads. */
    static final Map<Kind, List<String>> EXPORT_ONLY = Map.of(
            Kind.RESOURCES, List.of("place", "withdrawn", "id"),
            Kind.NEEDS, List.of("status", "place", "appealCode", "id"),
            Kind.PROJECTS, List.of("status", "paid", "spent", "progress", "id"));

    /** The columns an import of this list reads, in order. */
    public List<ListWorkbook.Column> columns(Kind kind) {
        List<String> keys = switch (kind) {
            case RESOURCES -> RESOURCE_COLUMNS;
            case NEEDS -> NEED_COLUMNS;
            case PROJECTS -> PROJECT_COLUMNS;
        };
        return keys.stream().map(this::column).toList();
    }

    private ListWorkbook.Column column(String key) {
        String k = "listing.workbook.column." + key;
        return new ListWorkbook.Column(key, label(k, ZH), label(k, Locale.ENGLISH));
    }

    // ---------------------------------------------------------------- export

    /** Writes the list as the caller reads it (the export audited), with an example row only when {@code template}. */
    @Transactional
    public void write(Kind kind, boolean template, OutputStream out) throws IOException {
        may.require(ListingPermission.READ);
        List<ListWorkbook.Column> columns = new ArrayList<>(columns(kind));
        List<List<Object>> rows = new ArrayList<>();
        if (!template) {
            EXPORT_ONLY.get(kind).forEach(k -> columns.add(column(k)));
            switch (kind) {
                case RESOURCES ->
                    eachPage(
                            p -> resources
                                    .list(ResourceFilter.all().withWithdrawn(), p, 200)
                                    .items(),
                            this::row,
                            rows);
                case NEEDS -> eachPage(p -> needs.list(NeedFilter.all(), p, 200).items(), this::row, rows);
                case PROJECTS -> eachPage(p -> projects.list(null, null, p, 200).items(), this::row, rows);
            }
            audit.record(AuditRecord.created(
                    "listing.exported", "list", kind.name(), Map.of("rows", String.valueOf(rows.size()))));
        }
        var who = actors.current();
        String at = java.time.ZonedDateTime.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        ListWorkbook.write(
                out,
                label("listing.workbook.sheet." + kind.name(), ZH),
                columns,
                rows,
                label("listing.workbook.examples", ZH),
                template ? List.of(example(kind)) : List.of(),
                label("listing.workbook.about", ZH),
                template
                        ? messages.getMessage("listing.workbook.template-note", null, ZH)
                        : messages.getMessage(
                                "listing.workbook.exported-by",
                                new Object[] {who.name(), label("role." + who.role(), ZH), at, rows.size()},
                                ZH));
    }

    private static <T> void eachPage(
            java.util.function.IntFunction<List<T>> page, Function<T, List<Object>> row, List<List<Object>> into) {
        for (int p = 1; ; p++) {
            List<T> items = page.apply(p);
            items.forEach(i -> into.add(row.apply(i)));
            if (items.size() < 200) {
                return;
            }
        }
    }

    private List<Object> row(ResourceView r) {
        List<Object> out = new ArrayList<>();
        out.add(r.name());
        out.add(r.providerName());
        out.add(label("listing.kind." + r.kind(), ZH));
        out.add(label("listing.openness." + r.openness(), ZH));
        out.add(r.capacity());
        out.add(r.latitude());
        out.add(r.longitude());
        out.add(r.address());
        out.add(r.description());
        out.add(r.conditions());
        out.add(r.bookable() ? "是" : "否");
        out.add(r.opening());
        out.add(String.join(
                "、",
                r.services().stream()
                        .map(s -> label("listing.service." + s, ZH))
                        .toList()));
        out.add(r.contactName());
        out.add(r.contactPhone());
        out.add(r.placeName());
        out.add(r.active() ? "否" : "是");
        out.add(r.id().toString());
        return out;
    }

    private List<Object> row(NeedView n) {
        List<Object> out = new ArrayList<>();
        out.add(n.title());
        out.add(n.description());
        out.add(n.categoryBuiltin() ? label("listing.need.category." + n.categoryCode(), ZH) : n.categoryName());
        out.add(label("listing.need.source." + n.source(), ZH));
        out.add(label("listing.need.requester." + n.requesterKind(), ZH));
        out.add(territory
                .unit(new org.gongzhi.territory.UnitId(n.unitId()))
                .map(u -> u.code())
                .orElse(null));
        out.add(n.requesterKind() == RequesterKind.UNIT ? n.requesterName() : null);
        out.add(n.requesterGroup());
        out.add(n.beneficiaries());
        out.add(n.beneficiaryCount());
        out.add(label("listing.need.priority." + n.priority(), ZH));
        out.add(label("listing.need.status." + n.status(), ZH));
        out.add(n.placeName());
        out.add(n.appealCode());
        out.add(n.id().toString());
        return out;
    }

    private List<Object> row(ProjectView p) {
        List<Object> out = new ArrayList<>();
        out.add(p.title());
        out.add(p.summary());
        out.add(territory
                .unit(new org.gongzhi.territory.UnitId(p.unitId()))
                .map(u -> u.code())
                .orElse(null));
        out.add(new Money(p.budgetFen()).yuan().replace(",", ""));
        out.add(String.join(
                "；",
                p.parties().stream()
                        .map(x -> x.name() + " "
                                + new Money(x.pledgedFen()).yuan().replace(",", ""))
                        .toList()));
        out.add(p.parties().stream()
                .filter(ProjectView.Party::lead)
                .map(ProjectView.Party::name)
                .findFirst()
                .orElse(null));
        out.add(label("listing.project.status." + p.status(), ZH));
        out.add(new Money(p.paidFen()).yuan().replace(",", ""));
        out.add(new Money(p.spentFen()).yuan().replace(",", ""));
        out.add(p.progress());
        out.add(p.id().toString());
        return out;
    }

    private List<Object> example(Kind kind) {
        return switch (kind) {
            case RESOURCES ->
                List.of(
                        "报告厅",
                        "北京科技大学",
                        label("listing.kind.VENUE", ZH),
                        label("listing.openness.OPEN", ZH),
                        300,
                        new BigDecimal("39.99731"),
                        new BigDecimal("116.35521"),
                        "学院路 30 号",
                        "投影、扩音齐全",
                        "公益活动免费，提前三天预约",
                        "是",
                        "1-5 08:00-21:00; 6,7 09:00-17:00",
                        label("listing.service.CULTURE", ZH) + "、" + label("listing.service.EDUCATION", ZH),
                        "王海",
                        "010-62332000");
            case NEEDS ->
                List.of(
                        "老年餐桌",
                        "独居老人中午吃饭难",
                        label("listing.need.category.ASSISTANCE", ZH),
                        label("listing.need.source.VISIT", ZH),
                        label("listing.need.requester.COMMUNITY", ZH),
                        "110108010005",
                        "",
                        "",
                        "60 岁以上独居老人",
                        120,
                        label("listing.need.priority.HIGH", ZH));
            case PROJECTS ->
                List.of("校园探头更新", "更换并覆盖校园探头", "110108010011", "3000000", "北京科技大学 150万；学院路街道办事处 150万", "北京科技大学");
        };
    }

    // ---------------------------------------------------------------- import

    /**
     * Imports the workbook all or nothing and says how many entries it added; 422 {@code listing.import.invalid} with
     * every row's problems otherwise (400 {@code listing.workbook.unreadable} for a file that is no workbook).
     */
    @Transactional
    public int importWorkbook(Kind kind, InputStream in) {
        may.require(
                kind == Kind.RESOURCES
                        ? ListingPermission.MANAGE_RESOURCES
                        : kind == Kind.NEEDS ? ListingPermission.RECORD_NEEDS : ListingPermission.MANAGE_PROJECTS);
        Violations v = new Violations();
        List<ListWorkbook.Row> rows = ListWorkbook.read(in, columns(kind), column("id"), v);
        Map<String, UUID> units = new HashMap<>();
        int added = 0;
        for (ListWorkbook.Row row : rows) {
            int before = v.size();
            if (row.get("id") != null) {
                // An exported entry: importing it again would copy it. Imports add; edits are made on the pages.
                v.add(ListWorkbook.at(row.number(), "id"), "listing.workbook.existing", row.get("id"));
                continue;
            }
            try {
                switch (kind) {
                    case RESOURCES -> {
                        ResourceDetails d = resource(row, units, v);
                        if (v.size() == before) {
                            resources.offer(d);
                        }
                    }
                    case NEEDS -> {
                        NeedDetails d = need(row, units, v);
                        if (v.size() == before) {
                            needs.record(d);
                        }
                    }
                    case PROJECTS -> {
                        ProposeProject p = project(row, units, v);
                        if (v.size() == before) {
                            projects.propose(p);
                        }
                    }
                }
            } catch (DomainException e) {
                if (e.violations().isEmpty()) {
                    v.add(
                            ListWorkbook.at(row.number(), "row"),
                            e.code(),
                            e.args().toArray());
                } else {
                    for (Violation x : e.violations()) {
                        v.add(
                                ListWorkbook.at(row.number(), x.location()),
                                x.code(),
                                x.args().toArray());
                    }
                }
            }
            if (v.size() == before) {
                added++;
            }
        }
        v.throwIfAnyInBatch("listing.import.invalid");
        audit.record(
                AuditRecord.created("listing.imported", "list", kind.name(), Map.of("rows", String.valueOf(added))));
        return added;
    }

    private ResourceDetails resource(ListWorkbook.Row r, Map<String, UUID> units, Violations v) {
        int n = r.number();
        Set<ServiceCategory> services = EnumSet.noneOf(ServiceCategory.class);
        String typed = r.get("services");
        if (typed != null) {
            for (String s : typed.split("[、,，;；\\s]+")) {
                if (!s.isBlank()) {
                    ServiceCategory c = choice(ServiceCategory.class, "listing.service.", s, n, "services", v);
                    if (c != null) {
                        services.add(c);
                    }
                }
            }
        }
        return new ResourceDetails(
                organisation(r.get("provider"), units, n, "provider", v),
                r.get("name"),
                choice(ResourceKind.class, "listing.kind.", r.get("kind"), n, "kind", v),
                choice(Openness.class, "listing.openness.", r.get("openness"), n, "openness", v),
                integer(r.get("capacity"), n, "capacity", v),
                decimal(r.get("latitude"), n, "latitude", v),
                decimal(r.get("longitude"), n, "longitude", v),
                r.get("address"),
                r.get("description"),
                r.get("conditions"),
                yes(r.get("bookable"), n, "bookable", v),
                r.get("opening"),
                services,
                r.get("contactName"),
                r.get("contactPhone"));
    }

    private NeedDetails need(ListWorkbook.Row r, Map<String, UUID> units, Violations v) {
        int n = r.number();
        String category = null;
        String typed = r.get("category");
        if (typed != null) {
            for (NeedCategory c : needs.categories()) {
                String zh = c.builtin() ? label("listing.need.category." + c.code(), ZH) : c.name();
                String en = c.builtin() ? label("listing.need.category." + c.code(), Locale.ENGLISH) : c.name();
                if (typed.equals(zh) || typed.equalsIgnoreCase(en) || typed.equals(c.code())) {
                    category = c.code();
                }
            }
            if (category == null) {
                v.add(ListWorkbook.at(n, "category"), "listing.need.category.unknown", typed);
            }
        }
        UUID unit = null;
        String code = r.get("unitCode");
        if (code != null) {
            unit = territory.unitByCode(code).map(u -> u.id().value()).orElse(null);
            if (unit == null) {
                v.add(ListWorkbook.at(n, "unitCode"), "listing.need.unit-unknown");
            }
        }
        return new NeedDetails(
                r.get("title"),
                r.get("description"),
                category,
                choice(NeedSource.class, "listing.need.source.", r.get("source"), n, "source", v),
                choice(RequesterKind.class, "listing.need.requester.", r.get("requesterKind"), n, "requesterKind", v),
                unit,
                r.get("requester") == null ? null : organisation(r.get("requester"), units, n, "requester", v),
                r.get("requesterGroup"),
                r.get("beneficiaries"),
                integer(r.get("beneficiaryCount"), n, "beneficiaryCount", v),
                choice(NeedPriority.class, "listing.need.priority.", r.get("priority"), n, "priority", v));
    }

    private ProposeProject project(ListWorkbook.Row r, Map<String, UUID> units, Violations v) {
        int n = r.number();
        UUID unit = null;
        String code = r.get("unitCode");
        if (code != null) {
            unit = territory.unitByCode(code).map(u -> u.id().value()).orElse(null);
            if (unit == null) {
                v.add(ListWorkbook.at(n, "unitCode"), "listing.need.unit-unknown");
            }
        }
        Violations money = new Violations();
        Money budget = r.get("budget") == null ? null : Money.parseYuan(r.get("budget"), "budget", money);
        List<ProposeProject.Party> parties = new ArrayList<>();
        String lead = r.get("lead");
        String typed = r.get("parties");
        if (typed != null) {
            for (String part : typed.split("[；;\\n]+")) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                int space = p.lastIndexOf(' ');
                if (space < 0) {
                    v.add(ListWorkbook.at(n, "parties"), "listing.workbook.party", p);
                    continue;
                }
                String name = p.substring(0, space).strip();
                Money pledged = Money.parseYuan(p.substring(space + 1), "parties", money);
                parties.add(new ProposeProject.Party(
                        organisation(name, units, n, "parties", v),
                        name.equals(lead),
                        pledged == null ? null : pledged.fen()));
            }
        }
        for (Violation x : money.list()) {
            v.add(ListWorkbook.at(n, x.location()), x.code(), x.args().toArray());
        }
        return new ProposeProject(
                r.get("title"),
                r.get("summary"),
                unit,
                budget == null ? null : budget.fen(),
                parties,
                List.of(),
                List.of());
    }

    // ---------------------------------------------------------------- cells

    /** The organisation with exactly this name (or credit code), remembered for the file. */
    private UUID organisation(String name, Map<String, UUID> known, int n, String field, Violations v) {
        if (name == null) {
            v.add(ListWorkbook.at(n, field), "validation.NotBlank", field);
            return null;
        }
        UUID id = known.computeIfAbsent(name, typed -> {
            List<OrganisationView> found = organisations.all(new OrganisationFilter(null, null, null, typed)).stream()
                    .filter(o -> o.name().equals(typed) || typed.equals(o.creditCode()))
                    .toList();
            return found.size() == 1 ? found.get(0).id().value() : null;
        });
        if (id == null) {
            known.remove(name);
            v.add(ListWorkbook.at(n, field), "listing.workbook.unit-unknown", name);
        }
        return id;
    }

    private <E extends Enum<E>> E choice(
            Class<E> type, String prefix, String typed, int n, String field, Violations v) {
        if (typed == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (typed.equals(e.name())
                    || typed.equals(label(prefix + e.name(), ZH))
                    || typed.equalsIgnoreCase(label(prefix + e.name(), Locale.ENGLISH))) {
                return e;
            }
        }
        v.add(ListWorkbook.at(n, field), "listing.workbook.choice", typed);
        return null;
    }

    private static Integer integer(String typed, int n, String field, Violations v) {
        BigDecimal d = decimal(typed, n, field, v);
        if (d == null) {
            return null;
        }
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            v.add(ListWorkbook.at(n, field), "listing.workbook.number", typed);
            return null;
        }
    }

    private static BigDecimal decimal(String typed, int n, String field, Violations v) {
        if (typed == null) {
            return null;
        }
        try {
            return new BigDecimal(typed);
        } catch (NumberFormatException e) {
            v.add(ListWorkbook.at(n, field), "listing.workbook.number", typed);
            return null;
        }
    }

    private static boolean yes(String typed, int n, String field, Violations v) {
        if (typed == null) {
            return false;
        }
        return switch (typed.toLowerCase(Locale.ROOT)) {
            case "是", "yes", "y", "true", "1" -> true;
            case "否", "no", "n", "false", "0" -> false;
            default -> {
                v.add(ListWorkbook.at(n, field), "listing.workbook.yes-no", typed);
                yield false;
            }
        };
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
