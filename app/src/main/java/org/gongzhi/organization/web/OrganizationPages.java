package org.gongzhi.organization.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.organization.OrganisationFilter;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganisationKind;
import org.gongzhi.organization.OrganisationView;
import org.gongzhi.organization.OrganizationManagement;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.organization.RecordDutyDone;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.platform.FieldMessages;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Violations;
import org.gongzhi.territory.TerritoryQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

@Controller
class OrganizationPages {

    private final OrganizationQueries queries;
    private final OrganizationManagement management;
    private final TerritoryQueries territory;
    private final FieldMessages fieldMessages;
    private final AccessScopes scopes;
    private final Clock clock;

    OrganizationPages(
            OrganizationQueries queries,
            OrganizationManagement management,
            TerritoryQueries territory,
            FieldMessages fieldMessages,
            AccessScopes scopes,
            Clock clock) {
        this.queries = queries;
        this.management = management;
        this.territory = territory;
        this.fieldMessages = fieldMessages;
        this.scopes = scopes;
        this.clock = clock;
    }

    @GetMapping("/organizations")
    String list(
            @RequestParam(required = false) OrganisationKind.Group group,
            @RequestParam(required = false) OrganisationKind kind,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        String unitCode = unit == null || unit.isBlank() ? null : unit;
        model.addAttribute("result", queries.list(new OrganisationFilter(kind, group, unitCode, q), page, 30));
        model.addAttribute("groups", OrganisationKind.Group.values());
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("group", group);
        model.addAttribute("kind", kind);
        model.addAttribute("unit", unitCode);
        model.addAttribute("q", q);
        model.addAttribute(
                "jurisdictions",
                territory.children(null).stream()
                        .flatMap(d -> territory.children(d.code()).stream())
                        .toList());
        return "organization/list";
    }

    @GetMapping("/organizations/{id}")
    String one(@PathVariable UUID id, Model model) {
        OrganisationView o = queries.require(new OrganisationId(id));
        model.addAttribute("org", o);
        model.addAttribute("lineage", territory.lineage(o.unitId()));
        model.addAttribute(
                "parent",
                o.parentId() == null ? null : queries.organisation(o.parentId()).orElse(null));
        return "organization/detail";
    }

    @GetMapping("/organizations/new")
    String newForm(Model model) {
        return form(model, OrganisationForm.empty(), null, Map.of());
    }

    @PostMapping("/organizations")
    String register(OrganisationForm form, Model model, Locale locale, HttpServletResponse response) {
        Violations violations = new Violations();
        var details = form.details(false, violations);
        if (violations.isEmpty()) {
            try {
                return "redirect:/organizations/" + management.register(details).id();
            } catch (DomainException e) {
                violations.addAll(e.violations());
            }
        }
        response.setStatus(400);
        return form(model, form, null, describe(violations, locale));
    }

    @GetMapping("/organizations/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        return form(model, OrganisationForm.of(management.forEditing(new OrganisationId(id))), id, Map.of());
    }

    /** Saves an edit; a stale version (someone saved in between) is refused as a conflict and nothing is written. */
    @PostMapping("/organizations/{id}")
    String revise(
            @PathVariable UUID id, OrganisationForm form, Model model, Locale locale, HttpServletResponse response) {
        OrganisationView current = queries.require(new OrganisationId(id));
        if (form.version() == null) {
            throw DomainException.invalid("organization.version.missing");
        }
        Violations violations = new Violations();
        var details = form.details(current.synthetic(), violations);
        if (violations.isEmpty()) {
            try {
                management.revise(new OrganisationId(id), form.version(), details);
                return "redirect:/organizations/" + id;
            } catch (DomainException e) {
                if (e.violations().isEmpty()) {
                    throw e;
                }
                violations.addAll(e.violations());
            }
        }
        response.setStatus(400);
        return form(model, form, id, describe(violations, locale));
    }

    private String form(Model model, OrganisationForm form, UUID id, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("errors", errors);
        return "organization/form";
    }

    private Map<String, String> describe(Violations violations, Locale locale) {
        return fieldMessages.byField(violations.list(), locale);
    }

    @GetMapping("/organizations/import")
    String importForm() {
        return "organization/import";
    }

    @PostMapping("/organizations/import")
    String importWorkbook(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        if (file.isEmpty()) {
            throw DomainException.invalid("import.file.empty");
        }
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("outcome", management.importWorkbook(in));
        }
        return "organization/import";
    }

    @GetMapping("/councils")
    String councils(Model model) {
        model.addAttribute("councils", queries.councils());
        return "organization/councils";
    }

    @GetMapping("/councils/{id}")
    String council(@PathVariable UUID id, Model model) {
        model.addAttribute("council", queries.council(id));
        model.addAttribute("mayUnmask", scopes.current().mayUnmask());
        model.addAttribute("revealed", Map.of());
        return "organization/council";
    }

    /** Shows one 联络员's full name in this response only, after the reason was recorded; the page is not cached. */
    @PostMapping("/councils/{id}/members/{organisation}/unmask")
    String unmask(
            @PathVariable UUID id,
            @PathVariable UUID organisation,
            @RequestParam(required = false) String reason,
            Model model,
            HttpServletResponse response) {
        String name = management.unmaskLiaison(id, organisation, reason);
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("council", queries.council(id));
        model.addAttribute("mayUnmask", true);
        model.addAttribute("revealed", Map.of(new OrganisationId(organisation), name));
        return "organization/council";
    }

    @GetMapping("/responsibility-lists")
    String lists(Model model) {
        model.addAttribute("lists", queries.responsibilityLists());
        return "organization/lists";
    }

    @GetMapping("/responsibility-lists/{id}")
    String responsibilityList(@PathVariable UUID id, Model model) {
        model.addAttribute("list", queries.responsibilityList(id));
        model.addAttribute("today", LocalDate.now(clock));
        return "organization/responsibility-list";
    }

    /** Records from the page that a duty was done; a refused record shows why and keeps nothing. */
    @PostMapping("/responsibility-lists/{id}/records")
    String recordDutyDone(
            @PathVariable UUID id,
            @RequestParam int duty,
            @RequestParam(required = false) LocalDate doneOn,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String evidence) {
        management.recordDutyDone(id, duty, new RecordDutyDone(doneOn, note, evidence));
        return "redirect:/responsibility-lists/" + id + "#records";
    }
}
