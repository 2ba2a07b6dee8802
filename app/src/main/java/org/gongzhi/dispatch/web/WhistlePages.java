package org.gongzhi.dispatch.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.dispatch.BlowWhistle;
import org.gongzhi.dispatch.DispatchPermission;
import org.gongzhi.dispatch.WhistleCase;
import org.gongzhi.dispatch.WhistleId;
import org.gongzhi.dispatch.WhistleOutcome;
import org.gongzhi.dispatch.WhistleView;
import org.gongzhi.dispatch.Whistles;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.platform.Notices;
import org.gongzhi.platform.Permissions;
import org.gongzhi.platform.WorkbenchAction;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ErrorKind;
import org.gongzhi.shared.Violations;
import org.gongzhi.territory.TerritoryQueries;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 吹哨报到 pages: the live whistle board (/whistles, refreshed every 15 s), blowing a whistle, one whistle with its
 * 报到 and the street's closing form with ratings, the department's 报到 page on a phone (/whistles/duty), and the
 * double assessment with the department ranking (/whistles/assessment).
 */
@Controller
class WhistlePages {

    private final Whistles whistles;
    private final TerritoryQueries territory;
    private final AccessScopes scopes;
    private final Permissions may;
    private final FormChecks forms;
    private final Notices notices;

    WhistlePages(
            Whistles whistles,
            TerritoryQueries territory,
            AccessScopes scopes,
            Permissions may,
            FormChecks forms,
            Notices notices) {
        this.whistles = whistles;
        this.territory = territory;
        this.scopes = scopes;
        this.may = may;
        this.forms = forms;
        this.notices = notices;
    }

    @GetMapping("/whistles")
    String board(Model model) {
        model.addAttribute("whistles", whistles.board());
        model.addAttribute("mayBlow", may.to(DispatchPermission.WHISTLE.code()));
        model.addAttribute("now", Instant.now());
        return "dispatch/whistles";
    }

    /** The form as typed. */
    record WhistleForm(
            String unitCode,
            String unitCodeText,
            String trackingCode,
            String matter,
            String address,
            String whistleCase,
            String reportBy,
            List<String> departmentIds) {

        public boolean summons(UUID id) {
            return departmentIds != null && departmentIds.contains(id.toString());
        }
    }

    @GetMapping("/whistles/new")
    String blowForm(@RequestParam(required = false) String appeal, Model model) {
        FormChecks.fresh(model);
        var home = territory.homeUnit(scopes.current()).orElse(null);
        LocalDateTime inTwoHours =
                LocalDateTime.now(WhistleApi.BEIJING).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        return form(
                new WhistleForm(
                        home == null ? null : home.code(),
                        home == null ? null : home.name(),
                        appeal,
                        null,
                        null,
                        null,
                        inTwoHours.toString(),
                        List.of()),
                model);
    }

    private String form(WhistleForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("cases", WhistleCase.values());
        model.addAttribute("departments", whistles.summonable());
        return "dispatch/whistle-form";
    }

    @PostMapping("/whistles")
    String blow(WhistleForm form, Model model, Locale locale, HttpServletResponse response) {
        Violations v = new Violations();
        UUID unit = null;
        if (form.unitCode() != null && !form.unitCode().isBlank()) {
            unit = territory
                    .unitByCode(form.unitCode().strip())
                    .map(u -> u.id().value())
                    .orElse(null);
        }
        if (unit == null) {
            v.add("unitCode", "dispatch.whistle.unit");
        }
        WhistleCase whistleCase = FormChecks.choice(WhistleCase.class, "whistleCase", form.whistleCase(), v);
        Instant reportBy = null;
        if (form.reportBy() != null && !form.reportBy().isBlank()) {
            try {
                reportBy = LocalDateTime.parse(form.reportBy().strip())
                        .atZone(WhistleApi.BEIJING)
                        .toInstant();
            } catch (DateTimeParseException e) {
                v.add("reportBy", "form.date-time");
            }
        }
        List<UUID> departments = new ArrayList<>();
        for (String id : form.departmentIds() == null ? List.<String>of() : form.departmentIds()) {
            UUID parsed = FormChecks.id("departmentIds", id, v);
            if (parsed != null) {
                departments.add(parsed);
            }
        }
        try {
            v.throwIfAny();
            WhistleView w = whistles.blow(new BlowWhistle(
                    unit, form.trackingCode(), form.matter(), form.address(), whistleCase, reportBy, departments));
            return "redirect:/whistles/" + w.id();
        } catch (DomainException e) {
            if (e.kind() == ErrorKind.INVALID && !v.list().isEmpty()) {
                FormChecks.addUnseen(v, e.violations());
                e = DomainException.invalid(v.list());
            }
            response.setStatus(forms.show(e, model, locale));
            // The façade names the unit by id; the form calls it by code.
            Map<String, String> errors = new HashMap<>(errorsOf(model));
            if (errors.containsKey("unitId")) {
                errors.put("unitCode", errors.remove("unitId"));
            }
            model.addAttribute("errors", errors);
            return form(form, model);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> errorsOf(Model model) {
        Object errors = model.getAttribute("errors");
        return errors instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
    }

    @GetMapping("/whistles/{id}")
    String one(@PathVariable UUID id, Model model) {
        FormChecks.fresh(model);
        return detail(whistles.view(new WhistleId(id)), model);
    }

    private String detail(WhistleView w, Model model) {
        model.addAttribute("whistle", w);
        model.addAttribute("mayClose", w.open() && may.to(DispatchPermission.WHISTLE.code(), w.unitId()));
        var mine = scopes.current().organisations();
        model.addAttribute(
                "mine",
                w.summons().stream()
                        .filter(s -> mine.contains(s.departmentId()))
                        .findFirst()
                        .orElse(null));
        model.addAttribute("outcomes", WhistleOutcome.values());
        if (!model.containsAttribute("closing")) {
            model.addAttribute("closing", Map.of());
        }
        return "dispatch/whistle";
    }

    @PostMapping("/whistles/{id}/acknowledgement")
    String acknowledge(
            @PathVariable UUID id,
            @RequestParam(required = false) String back,
            RedirectAttributes next,
            Locale locale) {
        return step(
                id, back, next, () -> whistles.acknowledge(new WhistleId(id)), "dispatch.whistle.page.acknowledged");
    }

    @PostMapping("/whistles/{id}/arrival")
    String arrive(
            @PathVariable UUID id,
            @RequestParam(required = false) String back,
            RedirectAttributes next,
            Locale locale) {
        return step(id, back, next, () -> whistles.arrive(new WhistleId(id)), "dispatch.whistle.page.arrived");
    }

    @PostMapping("/whistles/{id}/action")
    String action(
            @PathVariable UUID id,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String back,
            RedirectAttributes next) {
        return step(
                id,
                back,
                next,
                () -> whistles.recordAction(new WhistleId(id), action),
                "dispatch.whistle.page.action-saved");
    }

    /**
     * A 报到 step from the detail page or the duty page: back there with what happened. A refusal the person can read
     * (already done, closed, not yet on site, an empty action) comes back as the page's notice; 403/404 go to the error
     * page.
     */
    private String step(UUID id, String back, RedirectAttributes next, Runnable action, String done) {
        try {
            action.run();
            notices.next(next, done);
        } catch (DomainException e) {
            if (e.kind() == ErrorKind.FORBIDDEN || e.kind() == ErrorKind.NOT_FOUND) {
                throw e;
            }
            if (e.violations().isEmpty()) {
                notices.refused(next, e.code(), e.args().toArray());
            } else {
                // An empty action: say which field, not only "不能为空".
                notices.refused(next, "dispatch.whistle.page.action-empty");
            }
        }
        return "duty".equals(back) ? "redirect:/whistles/duty" : "redirect:/whistles/" + id;
    }

    @PostMapping("/whistles/{id}/closure")
    String close(
            @PathVariable UUID id,
            @RequestParam Map<String, String> params,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        WhistleId whistle = new WhistleId(id);
        Violations v = new Violations();
        WhistleOutcome outcome = FormChecks.choice(WhistleOutcome.class, "outcome", params.get("outcome"), v);
        Map<UUID, Integer> ratings = new HashMap<>();
        Map<UUID, String> notes = new HashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("rating.") && value != null && value.matches("[1-5]")) {
                ratings.put(UUID.fromString(name.substring(7)), Integer.valueOf(value));
            }
            if (name.startsWith("ratingNote.")) {
                notes.put(UUID.fromString(name.substring(11)), value);
            }
        });
        try {
            v.throwIfAny();
            whistles.close(
                    whistle,
                    FormChecks.versionRead(params.get("version"), 0, "dispatch.whistle.version-missing"),
                    outcome,
                    params.get("outcomeNote"),
                    ratings,
                    notes);
            return "redirect:/whistles/" + id;
        } catch (DomainException e) {
            response.setStatus(forms.show(e, model, locale));
            model.addAttribute("closing", params);
            return detail(whistles.view(whistle), model);
        }
    }

    @GetMapping("/whistles/duty")
    String duty(Model model) {
        model.addAttribute("whistles", whistles.duty());
        model.addAttribute("mine", scopes.current().organisations());
        return "dispatch/duty";
    }

    @GetMapping("/whistles/assessment")
    String assessment(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        FormChecks.fresh(model);
        try {
            WhistleApi.Period p = WhistleApi.Period.of(from, to);
            model.addAttribute("assessment", whistles.assessment(p.start(), p.end()));
            model.addAttribute("from", p.first().toString());
            model.addAttribute("to", p.last().toString());
        } catch (DomainException e) {
            response.setStatus(forms.show(e, model, locale));
            model.addAttribute("from", from);
            model.addAttribute("to", to);
        }
        return "dispatch/assessment";
    }

    /** The workbench offers the board to staff, blowing to those who may, and 报到 to departments. */
    @Component
    static class Work implements WorkbenchAction.Source {

        @Override
        public List<WorkbenchAction> actions(org.gongzhi.platform.AccessScope scope) {
            return List.of(
                    new WorkbenchAction(
                            17, "dispatch.whistle.page.board", "/whistles", DispatchPermission.READ_WHISTLES),
                    new WorkbenchAction(18, "dispatch.whistle.page.duty", "/whistles/duty", DispatchPermission.REPORT));
        }
    }
}
