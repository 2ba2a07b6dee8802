package org.gongzhi.indicator.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongzhi.dispatch.Whistles;
import org.gongzhi.indicator.Dashboard;
import org.gongzhi.indicator.Dimension;
import org.gongzhi.indicator.IndicatorExports;
import org.gongzhi.indicator.IndicatorPermission;
import org.gongzhi.indicator.IndicatorSettings;
import org.gongzhi.indicator.Indicators;
import org.gongzhi.indicator.Reconciliation;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.platform.Notices;
import org.gongzhi.platform.Permissions;
import org.gongzhi.platform.SettingsEntry;
import org.gongzhi.platform.WorkbenchAction;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Violations;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The indicator dashboard (/indicators): for a month and a breakdown (承办单位, 街道, 社区, 网格 or 问题分类), the
 * scorecard with 环比 and 同比, charts of the rates per unit and of the twelve months' trend, the ranking table, the
 * open work orders by traffic light and the 吹哨报到 assessment, each table also in the .xlsx export; and the
 * settings of how the rates are counted (/settings/indicators).
 */
@Controller
class IndicatorPages {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final Indicators indicators;
    private final Whistles whistles;
    private final IndicatorExports exports;
    private final Reconciliation reconciliation;
    private final FormChecks forms;
    private final Notices notices;
    private final Permissions may;
    private final MessageSource messages;

    IndicatorPages(
            Indicators indicators,
            Whistles whistles,
            IndicatorExports exports,
            Reconciliation reconciliation,
            FormChecks forms,
            Notices notices,
            Permissions may,
            MessageSource messages) {
        this.indicators = indicators;
        this.whistles = whistles;
        this.exports = exports;
        this.reconciliation = reconciliation;
        this.forms = forms;
        this.notices = notices;
        this.may = may;
        this.messages = messages;
    }

    /** The month and breakdown asked for: this month and 承办单位 by default; 400 naming the field otherwise. */
    record Choice(Dimension dimension, YearMonth month) {

        static Choice of(String dimension, String month, YearMonth now) {
            Violations v = new Violations();
            Dimension d = dimension == null || dimension.isBlank()
                    ? Dimension.HANDLER
                    : FormChecks.choice(Dimension.class, "dimension", dimension, v);
            YearMonth m = Indicators.month(month, "month", now, v);
            v.throwIfAny();
            return new Choice(d, m);
        }
    }

    @GetMapping("/indicators")
    String dashboard(
            @RequestParam(required = false) String dimension,
            @RequestParam(required = false) String month,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        FormChecks.fresh(model);
        model.addAttribute("dimensions", Dimension.values());
        model.addAttribute("rates", RATES);
        model.addAttribute("dimension", dimension == null ? Dimension.HANDLER.name() : dimension);
        model.addAttribute("month", month == null ? indicators.thisMonth().toString() : month);
        try {
            Choice c = Choice.of(dimension, month, indicators.thisMonth());
            if (month == null || month.isBlank()) {
                // Early in a month there is little to see yet: without a month asked for, the month before, if this
                // one has no appeals and that one has.
                Indicators.Scorecard now = indicators.scorecard(null, null, c.month());
                if (now.current().counts().received() == 0
                        && now.previousMonth().counts().received() > 0) {
                    c = new Choice(c.dimension(), c.month().minusMonths(1));
                }
                model.addAttribute("month", c.month().toString());
            }
            Dashboard d = Dashboard.of(indicators, whistles, c.dimension(), c.month());
            model.addAttribute("d", d);
            model.addAttribute("previous", c.month().minusMonths(1).toString());
            model.addAttribute("next", c.month().plusMonths(1).toString());
            model.addAttribute(
                    "anyTrend",
                    d.trend().stream().anyMatch(m -> m.rates().counts().received() > 0));
            model.addAttribute("charts", charts(d, locale));
            model.addAttribute("mayEditSettings", may.to(IndicatorPermission.EDIT_SETTINGS.code()));
        } catch (DomainException e) {
            response.setStatus(forms.show(e, model, locale));
        }
        return "indicator/dashboard";
    }

    @GetMapping("/indicators/export.xlsx")
    void export(
            @RequestParam(required = false) String dimension,
            @RequestParam(required = false) String month,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        Choice c = Choice.of(dimension, month, indicators.thisMonth());
        Dashboard d = Dashboard.of(indicators, whistles, c.dimension(), c.month());
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"indicators-" + c.month() + "-"
                        + c.dimension().name().toLowerCase(Locale.ROOT) + ".xlsx\"");
        response.setHeader("Cache-Control", "no-store");
        exports.export(d, locale, response.getOutputStream());
    }

    /** The rates the charts and cards show, in order. */
    static final List<String> RATES = List.of("responseRate", "resolutionRate", "satisfactionRate", "composite");

    /** The charts' data, as the page's script reads it (labels in the viewer's language). */
    private String charts(Dashboard d, Locale locale) {
        Map<String, Object> charts = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (String rate : RATES) {
            names.put(rate, messages.getMessage("indicator.rate." + rate, null, rate, locale));
        }
        charts.put("names", names);
        List<Indicators.Row> top = d.table().stream().limit(15).toList();
        charts.put("units", top.stream().map(Indicators.Row::name).toList());
        Map<String, Object> perUnit = new LinkedHashMap<>();
        for (String rate : RATES) {
            perUnit.put(
                    rate,
                    top.stream().map(r -> Indicators.rate(r.rates(), rate)).toList());
        }
        charts.put("perUnit", perUnit);
        charts.put("months", d.trend().stream().map(m -> m.month().toString()).toList());
        Map<String, Object> trend = new LinkedHashMap<>();
        for (String rate : RATES) {
            trend.put(
                    rate,
                    d.trend().stream()
                            .map(m -> Indicators.rate(m.rates(), rate))
                            .toList());
        }
        charts.put("trend", trend);
        List<Indicators.LightRow> lights = d.lights().stream().limit(15).toList();
        charts.put("lightUnits", lights.stream().map(Indicators.LightRow::name).toList());
        charts.put(
                "lights",
                Map.of(
                        "GREEN", lights.stream().map(Indicators.LightRow::green).toList(),
                        "YELLOW",
                                lights.stream().map(Indicators.LightRow::yellow).toList(),
                        "RED", lights.stream().map(Indicators.LightRow::red).toList()));
        charts.put(
                "lightNames",
                Map.of(
                        "GREEN", messages.getMessage("appeal.light.GREEN", null, locale),
                        "YELLOW", messages.getMessage("appeal.light.YELLOW", null, locale),
                        "RED", messages.getMessage("appeal.light.RED", null, locale)));
        charts.put(
                "whistleUnits",
                d.whistles().departments().stream()
                        .map(Whistles.DepartmentAssessment::name)
                        .toList());
        charts.put(
                "whistleRates",
                d.whistles().departments().stream()
                        .map(x -> x.timelyRate() == null
                                ? null
                                : org.gongzhi.indicator.Rates.percent(x.onTime(), x.due()))
                        .toList());
        charts.put("whistleName", messages.getMessage("dispatch.whistle.field.timely-rate", null, locale));
        // Inside a script element: no "</" may close it early.
        return JSON.writeValueAsString(charts).replace("<", "\\u003c");
    }

    // ---- settings ----

    /** The settings form as typed; {@code version} is the one read. */
    record SettingsForm(
            String responseWeight,
            String resolutionWeight,
            String satisfactionWeight,
            String basicallySatisfiedWeight,
            Boolean excludeAnsweredAtIntake,
            Boolean excludeVoided,
            Boolean excludeRepeats,
            String version) {

        static SettingsForm of(IndicatorSettings s) {
            return new SettingsForm(
                    String.valueOf(s.responseWeight()),
                    String.valueOf(s.resolutionWeight()),
                    String.valueOf(s.satisfactionWeight()),
                    s.basicallySatisfiedWeight().toPlainString(),
                    s.excludeAnsweredAtIntake(),
                    s.excludeVoided(),
                    s.excludeRepeats(),
                    String.valueOf(s.version()));
        }
    }

    @GetMapping("/settings/indicators")
    String settings(Model model) {
        FormChecks.fresh(model);
        return settings(SettingsForm.of(indicators.settings()), model);
    }

    private String settings(SettingsForm form, Model model) {
        model.addAttribute("settings", indicators.settings());
        model.addAttribute("form", form);
        model.addAttribute("mayEdit", may.to(IndicatorPermission.EDIT_SETTINGS.code()));
        return "indicator/settings";
    }

    @PostMapping("/settings/indicators")
    String save(SettingsForm form, Model model, Locale locale, HttpServletResponse response, RedirectAttributes next) {
        try {
            indicators.changeSettings(
                    form.responseWeight(),
                    form.resolutionWeight(),
                    form.satisfactionWeight(),
                    form.basicallySatisfiedWeight(),
                    // An unticked box is not sent.
                    Boolean.TRUE.equals(form.excludeAnsweredAtIntake()),
                    Boolean.TRUE.equals(form.excludeVoided()),
                    Boolean.TRUE.equals(form.excludeRepeats()),
                    FormChecks.versionRead(form.version(), 1, "indicator.settings.version-required"));
            notices.next(next, "indicator.settings.saved");
            return "redirect:/settings/indicators";
        } catch (DomainException e) {
            response.setStatus(forms.show(e, model, locale));
            boolean stale = FormChecks.stale(e);
            return settings(stale ? SettingsForm.of(indicators.settings()) : form, model);
        }
    }

    @PostMapping("/settings/indicators/reconcile")
    String reconcile(RedirectAttributes next) {
        Reconciliation.Reconciled r = reconciliation.now();
        notices.next(next, "indicator.reconciled", r.appeals(), r.corrected(), r.removed());
        return "redirect:/settings/indicators";
    }

    /** The settings index lists the indicator settings. */
    @Component
    static class Settings implements SettingsEntry.Source {

        @Override
        public List<SettingsEntry> entries() {
            return List.of(new SettingsEntry(
                    60,
                    "indicator.settings.title",
                    "indicator.settings.short",
                    "/settings/indicators",
                    IndicatorPermission.EDIT_SETTINGS));
        }
    }

    /** The workbench offers the dashboard to every staff member. */
    @Component
    static class Work implements WorkbenchAction.Source {

        @Override
        public List<WorkbenchAction> actions(org.gongzhi.platform.AccessScope scope) {
            return List.of(new WorkbenchAction(19, "indicator.page.title", "/indicators", IndicatorPermission.READ));
        }
    }
}
