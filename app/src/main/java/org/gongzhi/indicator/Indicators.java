package org.gongzhi.indicator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.gongzhi.appeal.CategoryCatalogue;
import org.gongzhi.appeal.CategoryView;
import org.gongzhi.indicator.domain.FactStore;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.AccessScope;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.platform.Permissions;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Violation;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitId;
import org.gongzhi.territory.UnitKind;
import org.gongzhi.territory.UnitView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicators (DOMAIN.md §4, Indicators; formulas and worked examples in docs/indicators.md), for the appeals in the
 * viewer's reach: those lying in their places or led by their organisations. Appeals count in the month of their 受理
 * (Beijing time). 403 {@code identity.forbidden} for a visitor or resident; 403 {@code scope.outside} for a 街道, 社区
 * or 网格 outside the viewer's places; 400 with the field for a key that is not one, a period that ends before it
 * starts or spans more than {@value #MAX_MONTHS} months.
 */
@Service
public class Indicators {

    /** The longest period one question may span, in months. */
    public static final int MAX_MONTHS = 36;

    private final FactStore store;
    private final AccessScopes scopes;
    private final Permissions may;
    private final TerritoryQueries territory;
    private final OrganizationQueries organisations;
    private final CategoryCatalogue categories;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate transaction;
    private final org.gongzhi.platform.AuditTrail audit;
    private final org.gongzhi.platform.ActorResolver actors;

    Indicators(
            org.springframework.transaction.support.TransactionTemplate transaction,
            org.gongzhi.platform.AuditTrail audit,
            org.gongzhi.platform.ActorResolver actors,
            FactStore store,
            AccessScopes scopes,
            Permissions may,
            TerritoryQueries territory,
            OrganizationQueries organisations,
            CategoryCatalogue categories,
            Clock clock) {
        this.store = store;
        this.scopes = scopes;
        this.may = may;
        this.territory = territory;
        this.organisations = organisations;
        this.categories = categories;
        this.clock = clock;
        this.transaction = transaction;
        this.audit = audit;
        this.actors = actors;
    }

    /**
     * One unit's (or, {@code key} null, the whole reach's) indicators for {@code month}, beside the month before
     * (环比) and the same month a year before (同比).
     */
    public record Scorecard(
            Dimension dimension,
            String key,
            String name,
            YearMonth month,
            Rates current,
            Rates previousMonth,
            Rates lastYear) {

        /** 环比 of a rate in percentage points ({@code current − previous month}); null when either is missing. */
        public BigDecimal monthOnMonth(String rate) {
            return change(current, previousMonth, rate);
        }

        /** 同比 of a rate in percentage points ({@code current − same month last year}); null when either is missing. */
        public BigDecimal yearOnYear(String rate) {
            return change(current, lastYear, rate);
        }

        private static BigDecimal change(Rates now, Rates then, String rate) {
            BigDecimal a = Indicators.rate(now, rate);
            BigDecimal b = Indicators.rate(then, rate);
            return a == null || b == null ? null : a.subtract(b);
        }
    }

    /** One unit's line of a table: {@code rank} by composite (highest first; units without one last). */
    public record Row(int rank, String key, String name, Rates rates) {}

    /** One month of a trend. */
    public record MonthRates(YearMonth month, Rates rates) {}

    /** One unit's open work orders by traffic light. */
    public record LightRow(String key, String name, long green, long yellow, long red) {}

    /** Every rate's name, in the order tables show them. */
    public static final List<String> RATE_NAMES = List.of(
            "responseRate",
            "resolutionRate",
            "satisfactionRate",
            "composite",
            "closureRate",
            "onTimeClosureRate",
            "reworkRate",
            "accurateDispatchRate",
            "extensionRate");

    /** The rate named {@code rate} (a {@link Rates} component, e.g. {@code responseRate}); null for an unknown one. */
    public static BigDecimal rate(Rates r, String rate) {
        return switch (rate) {
            case "responseRate" -> r.responseRate();
            case "resolutionRate" -> r.resolutionRate();
            case "satisfactionRate" -> r.satisfactionRate();
            case "composite" -> r.composite();
            case "closureRate" -> r.closureRate();
            case "onTimeClosureRate" -> r.onTimeClosureRate();
            case "reworkRate" -> r.reworkRate();
            case "accurateDispatchRate" -> r.accurateDispatchRate();
            case "extensionRate" -> r.extensionRate();
            default -> null;
        };
    }

    @Transactional(readOnly = true)
    public Scorecard scorecard(Dimension dimension, String key, YearMonth month) {
        Reach reach = reach(dimension, key);
        IndicatorSettings settings = store.settings();
        YearMonth lastYear = month.minusYears(1);
        // Only the three months compared, not the year between them.
        List<FactStore.Group> groups = store.counts(slice(
                reach,
                dimension,
                key,
                true,
                lastYear,
                month,
                settings,
                List.of(month.atDay(1), month.minusMonths(1).atDay(1), lastYear.atDay(1))));
        Map<YearMonth, Rates.Counts> byMonth = new HashMap<>();
        for (FactStore.Group g : groups) {
            byMonth.put(YearMonth.from(g.period()), g.counts());
        }
        Function<YearMonth, Rates> rates = m -> Rates.of(byMonth.getOrDefault(m, Rates.Counts.NONE), settings);
        String name = key == null ? null : names(dimension, Set.of(key)).getOrDefault(key, key);
        return new Scorecard(
                dimension,
                key,
                name,
                month,
                rates.apply(month),
                rates.apply(month.minusMonths(1)),
                rates.apply(lastYear));
    }

    /** Every unit of {@code dimension} in reach with appeals in {@code from}–{@code to}, ranked by composite. */
    @Transactional(readOnly = true)
    public List<Row> table(Dimension dimension, YearMonth from, YearMonth to) {
        checkPeriod(from, to);
        Reach reach = reach(null, null);
        IndicatorSettings settings = store.settings();
        List<FactStore.Group> groups = store.counts(slice(reach, dimension, null, false, from, to, settings, null));
        Map<String, String> names =
                names(dimension, groups.stream().map(FactStore.Group::key).toList());
        List<Row> unranked = groups.stream()
                .map(g -> new Row(0, g.key(), names.getOrDefault(g.key(), g.key()), Rates.of(g.counts(), settings)))
                .sorted(Comparator.comparing(
                                (Row r) -> r.rates().composite(), Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(r -> r.rates().counts().received(), Comparator.reverseOrder())
                        .thenComparing(Row::name))
                .toList();
        List<Row> ranked = new ArrayList<>(unranked.size());
        for (int i = 0; i < unranked.size(); i++) {
            Row r = unranked.get(i);
            ranked.add(new Row(i + 1, r.key(), r.name(), r.rates()));
        }
        return ranked;
    }

    /** Month by month from {@code from} to {@code to}, for one unit or ({@code key} null) the whole reach. */
    @Transactional(readOnly = true)
    public List<MonthRates> trend(Dimension dimension, String key, YearMonth from, YearMonth to) {
        checkPeriod(from, to);
        Reach reach = reach(dimension, key);
        IndicatorSettings settings = store.settings();
        Map<YearMonth, Rates.Counts> byMonth = new HashMap<>();
        for (FactStore.Group g : store.counts(slice(reach, dimension, key, true, from, to, settings, null))) {
            byMonth.put(YearMonth.from(g.period()), g.counts());
        }
        List<MonthRates> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(new MonthRates(m, Rates.of(byMonth.getOrDefault(m, Rates.Counts.NONE), settings)));
        }
        return months;
    }

    /** The open work orders in reach by traffic light now, per unit of {@code dimension}, most red first. */
    @Transactional(readOnly = true)
    public List<LightRow> lights(Dimension dimension) {
        Reach reach = reach(null, null);
        IndicatorSettings settings = store.settings();
        YearMonth any = YearMonth.of(2000, 1);
        List<FactStore.Lights> rows = store.lights(slice(reach, dimension, null, false, any, any, settings, null));
        Map<String, String> names =
                names(dimension, rows.stream().map(FactStore.Lights::key).toList());
        return rows.stream()
                .map(l -> new LightRow(l.key(), names.getOrDefault(l.key(), l.key()), l.green(), l.yellow(), l.red()))
                .sorted(Comparator.comparingLong(LightRow::red)
                        .thenComparingLong(LightRow::yellow)
                        .reversed()
                        .thenComparing(LightRow::name))
                .toList();
    }

    /** How the rates are counted now. */
    @Transactional(readOnly = true)
    public IndicatorSettings settings() {
        may.require(IndicatorPermission.READ);
        return store.settings();
    }

    /**
     * Changes how the rates are counted (every month is counted again the new way). The weights are whole percents
     * 0–100 summing to 100, {@code basicallySatisfiedWeight} 0.00–1.00 (400 naming the field otherwise); 403
     * {@code identity.forbidden} without {@link IndicatorPermission#EDIT_SETTINGS}; 409
     * {@code indicator.settings.stale} when the settings moved on from {@code expectedVersion}. Audited.
     */
    public IndicatorSettings changeSettings(
            String responseWeight,
            String resolutionWeight,
            String satisfactionWeight,
            String basicallySatisfiedWeight,
            boolean excludeAnsweredAtIntake,
            boolean excludeVoided,
            boolean excludeRepeats,
            long expectedVersion) {
        may.require(IndicatorPermission.EDIT_SETTINGS);
        org.gongzhi.shared.Violations v = new org.gongzhi.shared.Violations();
        Integer response = weight(responseWeight, "responseWeight", v);
        Integer resolution = weight(resolutionWeight, "resolutionWeight", v);
        Integer satisfaction = weight(satisfactionWeight, "satisfactionWeight", v);
        BigDecimal basically = null;
        try {
            basically = new BigDecimal(basicallySatisfiedWeight == null ? "" : basicallySatisfiedWeight.strip());
            if (basically.signum() < 0 || basically.compareTo(BigDecimal.ONE) > 0 || basically.scale() > 2) {
                v.add("basicallySatisfiedWeight", "indicator.settings.partial-weight");
            }
        } catch (NumberFormatException e) {
            v.add("basicallySatisfiedWeight", "indicator.settings.partial-weight");
        }
        if (v.isEmpty() && response + resolution + satisfaction != 100) {
            v.add("responseWeight", "indicator.settings.weights-sum", response + resolution + satisfaction);
        }
        v.throwIfAny();
        IndicatorSettings wanted = new IndicatorSettings(
                response,
                resolution,
                satisfaction,
                basically,
                excludeAnsweredAtIntake,
                excludeVoided,
                excludeRepeats,
                null,
                null,
                0);
        return transaction.execute(status -> {
            IndicatorSettings before = store.settings();
            if (!store.changeSettings(
                    wanted, expectedVersion, clock.instant(), actors.current().name())) {
                throw DomainException.conflict("indicator.settings.stale", expectedVersion, before.version());
            }
            IndicatorSettings after = store.settings();
            audit.record(new org.gongzhi.platform.AuditRecord(
                    "indicator.settings.changed", "indicator-settings", "1", summary(before), summary(after)));
            return after;
        });
    }

    private static Map<String, Object> summary(IndicatorSettings s) {
        return Map.of(
                "weights",
                s.responseWeight() + "/" + s.resolutionWeight() + "/" + s.satisfactionWeight(),
                "basicallySatisfiedWeight",
                s.basicallySatisfiedWeight().toPlainString(),
                "excluded",
                (s.excludeAnsweredAtIntake() ? "ANSWERED_AT_INTAKE " : "")
                        + (s.excludeVoided() ? "VOIDED " : "")
                        + (s.excludeRepeats() ? "REPEAT" : ""),
                "version",
                s.version());
    }

    private static Integer weight(String text, String field, org.gongzhi.shared.Violations v) {
        try {
            int w = Integer.parseInt(text == null ? "" : text.strip());
            if (w >= 0 && w <= 100) {
                return w;
            }
        } catch (NumberFormatException e) {
            // below
        }
        v.add(field, "indicator.settings.weight");
        return null;
    }

    /** The month it is now, in Beijing. */
    public YearMonth thisMonth() {
        return YearMonth.now(clock.withZone(FactStore.ZONE));
    }

    // ---- reach and names ----

    /**
     * What the viewer reaches: everything, or the top-most 街道, 社区 and 网格 of their places (a 社区 inside a 街道
     * they hold adds nothing) and their organisations.
     */
    private record Reach(
            boolean everything,
            List<UUID> subdistricts,
            List<UUID> communities,
            List<UUID> grids,
            List<UUID> organisations) {}

    private Reach reach(Dimension dimension, String key) {
        may.require(IndicatorPermission.READ);
        if (key != null) {
            checkKey(dimension, key);
        }
        AccessScope scope = scopes.current();
        if (scope.everything()) {
            return new Reach(true, List.of(), List.of(), List.of(), List.of());
        }
        Set<UnitId> within = territory.within(scope);
        Set<UUID> orgs = new LinkedHashSet<>(scope.organisations());
        orgs.addAll(organisations.officesIn(within));
        // Unit codes nest (GB/T 2260 and the 15-digit grid code): a unit below a held one is covered by it.
        List<UnitView> held = territory.units(within).values().stream()
                .filter(u ->
                        u.kind() == UnitKind.SUBDISTRICT || u.kind() == UnitKind.COMMUNITY || u.kind() == UnitKind.GRID)
                .toList();
        List<String> codes = held.stream().map(UnitView::code).toList();
        List<UnitView> top = held.stream()
                .filter(u -> codes.stream()
                        .noneMatch(c -> !c.equals(u.code()) && u.code().startsWith(c)))
                .toList();
        Function<UnitKind, List<UUID>> of = kind -> top.stream()
                .filter(u -> u.kind() == kind)
                .map(u -> u.id().value())
                .toList();
        return new Reach(
                false,
                of.apply(UnitKind.SUBDISTRICT),
                of.apply(UnitKind.COMMUNITY),
                of.apply(UnitKind.GRID),
                List.copyOf(orgs));
    }

    /**
     * A key must name an existing unit of the dimension's kind (400 {@code indicator.key.invalid} otherwise), and a
     * 街道, 社区 or 网格 must lie in the viewer's places (403 {@code scope.outside}).
     */
    private void checkKey(Dimension dimension, String key) {
        if (dimension == null) {
            throw DomainException.invalid(List.of(Violation.of("dimension", "indicator.dimension.required")));
        }
        DomainException invalid = DomainException.invalid(List.of(Violation.of("key", "indicator.key.invalid", key)));
        if (dimension == Dimension.CATEGORY) {
            if (!key.matches("[A-Z][0-9A-Z]{1,7}")) {
                throw invalid;
            }
            try {
                categories.history(key);
            } catch (DomainException unknown) {
                throw invalid;
            }
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw invalid;
        }
        if (dimension == Dimension.HANDLER) {
            if (organisations.organisation(new OrganisationId(id)).isEmpty()) {
                throw invalid;
            }
            return;
        }
        UnitKind kind = switch (dimension) {
            case STREET -> UnitKind.SUBDISTRICT;
            case COMMUNITY -> UnitKind.COMMUNITY;
            default -> UnitKind.GRID;
        };
        if (territory.unit(new UnitId(id)).filter(u -> u.kind() == kind).isEmpty()) {
            throw invalid;
        }
        may.require(IndicatorPermission.READ, id);
    }

    /**
     * A month as {@link org.gongzhi.platform.FormChecks#month} reads it; blank is {@code otherwise}, or {@code
     * indicator.month.required} at {@code field} when there is none.
     */
    public static YearMonth month(String text, String field, YearMonth otherwise, org.gongzhi.shared.Violations v) {
        if (text == null || text.isBlank()) {
            if (otherwise == null) {
                v.add(field, "indicator.month.required");
            }
            return otherwise;
        }
        return org.gongzhi.platform.FormChecks.month(field, text, v);
    }

    private static void checkPeriod(YearMonth from, YearMonth to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw DomainException.invalid(List.of(Violation.of("to", "indicator.period.order")));
        }
        if (from.plusMonths(MAX_MONTHS).isBefore(to.plusMonths(1))) {
            throw DomainException.invalid(List.of(Violation.of("to", "indicator.period.too-long", MAX_MONTHS)));
        }
    }

    private FactStore.Slice slice(
            Reach reach,
            Dimension dimension,
            String key,
            boolean byMonth,
            YearMonth from,
            YearMonth to,
            IndicatorSettings settings,
            List<java.time.LocalDate> only) {
        Instant now = clock.instant();
        return new FactStore.Slice(
                dimension,
                key,
                byMonth,
                from.atDay(1),
                to.atDay(1),
                only,
                reach.everything(),
                reach.subdistricts(),
                reach.communities(),
                reach.grids(),
                reach.organisations(),
                excluded(settings),
                now);
    }

    /** The kinds of appeal the settings leave out, as the facts name them. */
    private static List<String> excluded(IndicatorSettings s) {
        List<String> kinds = new ArrayList<>();
        if (s.excludeAnsweredAtIntake()) {
            kinds.add("INTAKE");
        }
        if (s.excludeVoided()) {
            kinds.add("VOIDED");
        }
        if (s.excludeRepeats()) {
            kinds.add("REPEAT");
        }
        return kinds;
    }

    /** The names of units of a dimension by key (a 小类's is "code name"). */
    Map<String, String> names(Dimension dimension, java.util.Collection<String> keys) {
        Map<String, String> names = new HashMap<>();
        List<String> present = keys.stream().filter(java.util.Objects::nonNull).toList();
        if (dimension == null || present.isEmpty()) {
            return names;
        }
        switch (dimension) {
            case HANDLER ->
                organisations
                        .names(present.stream()
                                .map(k -> new OrganisationId(UUID.fromString(k)))
                                .toList())
                        .forEach((id, name) -> names.put(id.toString(), name));
            case CATEGORY -> {
                Set<String> wanted = Set.copyOf(present);
                for (CategoryView c : categories.list()) {
                    if (wanted.contains(c.code())) {
                        names.put(c.code(), c.code() + " " + c.name());
                    }
                }
            }
            default -> {
                Map<UnitId, UnitView> units = territory.units(present.stream()
                        .map(k -> new UnitId(UUID.fromString(k)))
                        .toList());
                units.forEach((id, u) -> names.put(id.value().toString(), u.name()));
            }
        }
        return names;
    }
}
