package org.gongzhi.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gongzhi.appeal.CategoryCatalogue;
import org.gongzhi.appeal.CategoryView;
import org.gongzhi.appeal.Named;
import org.gongzhi.appeal.Routing;
import org.gongzhi.dispatch.domain.RuleStore;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganisationView;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.AccessScope;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.platform.Permissions;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Text;
import org.gongzhi.shared.Violation;
import org.gongzhi.shared.Violations;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitId;
import org.gongzhi.territory.UnitView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dispatch directory (派单目录, 《北京市接诉即办工作条例》 Art 12): rules category × territory unit → lead unit and
 * co-handlers. For an appeal of a category at a place, the rule on the deepest unit of the place's lineage wins; on one
 * unit a 小类 rule beats a 大类 rule, which beats a rule for every category. No rule: the coordination queue. Street
 * administrators keep the rules of the places in their scope; every change is audited; a rule is retired, never
 * deleted, so past dispatches can be explained.
 */
@Service
@Transactional(readOnly = true)
public class DispatchDirectory implements Routing {

    /** The most co-handlers a rule may name. */
    public static final int MAX_CO_HANDLERS = 10;

    private final RuleStore rules;
    private final org.gongzhi.appeal.AppealQueries appeals;
    private final CategoryCatalogue categories;
    private final TerritoryQueries territory;
    private final OrganizationQueries organisations;
    private final Permissions may;
    private final AuditTrail audit;
    private final ActorResolver actors;
    private final Clock clock;
    private final AccessScopes scopes;

    DispatchDirectory(
            RuleStore rules,
            org.gongzhi.appeal.AppealQueries appeals,
            CategoryCatalogue categories,
            TerritoryQueries territory,
            OrganizationQueries organisations,
            Permissions may,
            AuditTrail audit,
            ActorResolver actors,
            Clock clock,
            AccessScopes scopes) {
        this.rules = rules;
        this.appeals = appeals;
        this.categories = categories;
        this.territory = territory;
        this.organisations = organisations;
        this.may = may;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
        this.scopes = scopes;
    }

    @Override
    public Optional<Route> route(String categoryCode, UUID unitId) {
        return winner(categoryCode, lineage(unitId)).map(r -> new Route(r.leadId(), r.coHandlerIds(), r.id()));
    }

    /** The rule that wins for a category at a place (given as its lineage, top first); see the class comment. */
    private Optional<RuleStore.Rule> winner(String categoryCode, List<UnitView> lineage) {
        Map<UUID, Integer> depth = new HashMap<>();
        for (int i = 0; i < lineage.size(); i++) {
            depth.put(lineage.get(i).id().value(), i);
        }
        return rules.activeOn(depth.keySet()).stream()
                .filter(r -> specificity(r.categoryPattern(), categoryCode) >= 0)
                .max(Comparator.<RuleStore.Rule>comparingInt(r -> depth.get(r.unitId()))
                        .thenComparingInt(r -> specificity(r.categoryPattern(), categoryCode)));
    }

    /** 2 for the 小类 itself, 1 for its 大类, 0 for every category, -1 when the pattern does not cover the code. */
    static int specificity(String pattern, String code) {
        if (pattern == null) {
            return 0;
        }
        if (code == null) {
            return -1;
        }
        if (pattern.equals(code)) {
            return 2;
        }
        return pattern.length() == 3 && code.startsWith(pattern) ? 1 : -1;
    }

    private List<UnitView> lineage(UUID unitId) {
        return unitId == null ? List.of() : territory.lineage(new UnitId(unitId));
    }

    /**
     * Where an appeal of {@code categoryCode} at the unit {@code unitCode} would go; 404 {@code
     * dispatch.unit-unknown} or {@code appeal.category.unknown} when either is unknown; 403 for anyone but staff.
     */
    public RoutePreview preview(String categoryCode, String unitCode) {
        may.require(DispatchPermission.READ_DIRECTORY);
        CategoryView category = categories.require(categoryCode);
        UnitView unit = territory
                .unitByCode(Text.stripToNull(unitCode) == null ? "" : unitCode.strip())
                .orElseThrow(() -> DomainException.notFound("dispatch.unit-unknown", unitCode));
        List<UnitView> lineage = territory.lineage(unit.id());
        Optional<RuleStore.Rule> rule = winner(category.code(), lineage);
        List<Named> place =
                lineage.stream().map(u -> new Named(u.id().value(), u.name())).toList();
        if (rule.isEmpty()) {
            return new RoutePreview(category.code(), place, null, null, List.of(), null);
        }
        RuleView view = view(rule.get());
        return new RoutePreview(
                category.code(),
                place,
                view,
                view.lead(),
                view.coHandlers(),
                copied(rule.get().leadId()));
    }

    private Named copied(UUID lead) {
        UUID district = appeals.copiedDistrict(lead);
        return district == null
                ? null
                : new Named(
                        district,
                        territory.unit(new UnitId(district)).map(UnitView::name).orElse(null));
    }

    /**
     * The active rules on {@code unitCode} and every unit below it (on every unit without a code), by unit code and
     * category pattern; only those on units in the acting person's scope.
     */
    public List<RuleView> list(String unitCode) {
        may.require(DispatchPermission.READ_DIRECTORY);
        String code = Text.stripToNull(unitCode);
        AccessScope scope = scopes.current();
        List<UUID> units = code == null
                ? territory.subdistricts().stream()
                        .flatMap(s -> territory.subtree(s.code()).stream())
                        .map(UnitId::value)
                        .toList()
                : territory.subtree(code).stream().map(UnitId::value).toList();
        if (!scope.everything()) {
            Set<UUID> mine = territory.within(scope).stream().map(UnitId::value).collect(Collectors.toSet());
            units = units.stream().filter(mine::contains).toList();
        }
        return rules.activeOn(units).stream()
                .map(this::view)
                .sorted(Comparator.comparing(RuleView::unitCode)
                        .thenComparing(r -> r.categoryPattern() == null ? "" : r.categoryPattern()))
                .toList();
    }

    /**
     * Adds a rule. Bad fields are refused together (400, each named); the unit must be in the person's scope (403);
     * one active rule per category pattern and unit (409 {@code dispatch.rule.exists}: retire the old one first).
     */
    @Transactional
    public RuleView add(RuleDetails details) {
        may.require(DispatchPermission.EDIT_DIRECTORY);
        Violations v = new Violations();
        String pattern = Text.stripToNull(details.categoryPattern());
        if (pattern != null) {
            pattern = pattern.toUpperCase(java.util.Locale.ROOT);
            if (label(pattern) == null) {
                v.add("categoryPattern", "dispatch.rule.category-unknown", pattern);
            }
        }
        UnitView unit = null;
        String unitCode = Text.stripToNull(details.unitCode());
        if (unitCode == null) {
            v.add("unitCode", "validation.NotBlank", "unitCode");
        } else {
            unit = territory.unitByCode(unitCode).orElse(null);
            if (unit == null) {
                v.add("unitCode", "dispatch.unit-unknown", unitCode);
            }
        }
        if (details.leadId() == null) {
            v.add("leadId", "validation.NotNull", "leadId");
        } else if (organisations
                .organisation(new OrganisationId(details.leadId()))
                .isEmpty()) {
            v.add("leadId", "appeal.dispatch.handler-unknown");
        }
        List<UUID> co = details.coHandlerIds() == null ? List.of() : details.coHandlerIds();
        for (int i = 0; i < co.size(); i++) {
            UUID o = co.get(i);
            if (o == null || organisations.organisation(new OrganisationId(o)).isEmpty()) {
                v.add("coHandlerIds[" + i + "]", "appeal.dispatch.handler-unknown");
            } else if (o.equals(details.leadId())) {
                v.add("coHandlerIds[" + i + "]", "appeal.dispatch.lead-also-co-handler");
            }
        }
        if (new LinkedHashSet<>(co).size() != co.size()) {
            v.add("coHandlerIds", "appeal.dispatch.co-handler-repeated");
        }
        if (co.size() > MAX_CO_HANDLERS) {
            v.add("coHandlerIds", "appeal.dispatch.too-many-co-handlers", MAX_CO_HANDLERS);
        }
        String note = Text.checkLine(details.note(), "note", false, 200, v);
        v.throwIfAny();
        may.require(DispatchPermission.EDIT_DIRECTORY, unit.id().value());
        String cell = pattern;
        if (rules.activeOn(List.of(unit.id().value())).stream()
                .anyMatch(r -> java.util.Objects.equals(r.categoryPattern(), cell))) {
            throw DomainException.conflict(Violation.of("categoryPattern", "dispatch.rule.exists"));
        }
        var rule = new RuleStore.Rule(
                UUID.randomUUID(),
                pattern,
                unit.id().value(),
                details.leadId(),
                List.copyOf(co),
                note,
                Instant.now(clock),
                actors.current().name());
        rules.insert(rule);
        audit.record(AuditRecord.created(
                "dispatch.rule.added", "dispatch-rule", rule.id().toString(), summary(rule)));
        return view(rule);
    }

    /** Retires a rule (404 when there is no active one); the unit must be in the person's scope (403). */
    @Transactional
    public void retire(UUID id) {
        may.require(DispatchPermission.EDIT_DIRECTORY);
        RuleStore.Rule rule = rules.active(id).orElseThrow(() -> DomainException.notFound("dispatch.rule.not-found"));
        may.require(DispatchPermission.EDIT_DIRECTORY, rule.unitId());
        if (!rules.retire(id, Instant.now(clock), actors.current().name())) {
            throw DomainException.notFound("dispatch.rule.not-found");
        }
        audit.record(new AuditRecord("dispatch.rule.retired", "dispatch-rule", id.toString(), summary(rule), null));
    }

    private RuleView view(RuleStore.Rule r) {
        UnitView unit = territory.unit(new UnitId(r.unitId())).orElse(null);
        return new RuleView(
                r.id(),
                r.categoryPattern(),
                r.categoryPattern() == null ? null : label(r.categoryPattern()),
                unit == null ? null : unit.code(),
                unit == null ? null : unit.name(),
                organisation(r.leadId()),
                r.coHandlerIds().stream().map(this::organisation).toList(),
                r.note(),
                r.createdAt(),
                r.createdBy());
    }

    private Named organisation(UUID id) {
        return new Named(
                id,
                organisations
                        .organisation(new OrganisationId(id))
                        .map(OrganisationView::name)
                        .orElse(null));
    }

    /** The name of a 小类 code or a 大类 pattern; null when neither exists. */
    private String label(String pattern) {
        List<CategoryView> all = categories.list();
        for (CategoryView c : all) {
            if (c.code().equals(pattern)) {
                return c.name();
            }
        }
        if (pattern.length() == 3) {
            for (CategoryView c : all) {
                if (c.code().startsWith(pattern)) {
                    return c.majorName();
                }
            }
        }
        return null;
    }

    private static Map<String, Object> summary(RuleStore.Rule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("categoryPattern", r.categoryPattern());
        m.put("unitId", r.unitId().toString());
        m.put("lead", r.leadId().toString());
        m.put(
                "coHandlers",
                new ArrayList<>(r.coHandlerIds().stream().map(UUID::toString).toList()));
        return m;
    }
}
