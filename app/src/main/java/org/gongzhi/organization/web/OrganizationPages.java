package org.gongzhi.organization.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.organization.OrganisationFilter;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganisationKind;
import org.gongzhi.organization.OrganisationView;
import org.gongzhi.organization.OrganizationManagement;
import org.gongzhi.organization.OrganizationPermission;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.platform.FieldMessages;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.platform.Permissions;
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
    private final Permissions may;
    private final org.gongzhi.platform.Notices notices;

    OrganizationPages(
            OrganizationQueries queries,
            OrganizationManagement management,
            TerritoryQueries territory,
            FieldMessages fieldMessages,
            AccessScopes scopes,
            Permissions may,
            org.gongzhi.platform.Notices notices) {
        this.queries = queries;
        this.management = management;
        this.territory = territory;
        this.fieldMessages = fieldMessages;
        this.scopes = scopes;
        this.may = may;
        this.notices = notices;
    }

    @GetMapping("/organizations")
    String list(
            @RequestParam(required = false) OrganisationKind.Group group,
            @RequestParam(required = false) OrganisationKind kind,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        // No unit asked for: staff see their own area first (an empty choice shows everything).
        var home = territory.homeUnit(scopes.current()).orElse(null);
        String unitCode = unit == null ? (home == null ? null : home.code()) : unit.isBlank() ? null : unit;
        model.addAttribute("home", home);
        model.addAttribute("result", queries.list(new OrganisationFilter(kind, group, unitCode, q), page, 30));
        model.addAttribute("groups", OrganisationKind.Group.values());
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("group", group);
        model.addAttribute("kind", kind);
        model.addAttribute("unit", unitCode);
        model.addAttribute("q", q);
        model.addAttribute("jurisdictions", territory.subdistricts());
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
        model.addAttribute("involvement", queries.involvement(o.id()));
        return "organization/detail";
    }

    @GetMapping("/organizations/new")
    String newForm(Model model) {
        may.require(OrganizationPermission.REGISTER);
        return form(model, OrganisationForm.empty(), null, Map.of());
    }

    @PostMapping("/organizations")
    String register(OrganisationForm form, Model model, Locale locale, HttpServletResponse response) {
        Violations violations = new Violations();
        var details = form.details(false, violations);
        if (!violations.isEmpty()) {
            // Fields that could not be read are reported with every other problem, all at once.
            FormChecks.addUnseen(violations, management.problemsWith(details));
        }
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
        OrganisationView o = management.forEditing(new OrganisationId(id));
        String parentName = o.parentId() == null
                ? null
                : queries.organisation(o.parentId()).map(OrganisationView::name).orElse(null);
        return form(model, OrganisationForm.of(o, parentName), id, Map.of());
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
        may.require(OrganizationPermission.IMPORT);
        return "organization/import";
    }

    /**
     * A workbook to start an import from: the register's header row, one example row, the kinds as a drop-down, and a
     * sheet that explains each column.
     */
    @GetMapping("/organizations/import/template.xlsx")
    void template(HttpServletResponse response, java.util.Locale locale) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                "Content-Disposition",
                org.springframework.http.ContentDisposition.attachment()
                        .filename("organisations-template.xlsx")
                        .build()
                        .toString());
        management.writeTemplate(response.getOutputStream());
    }

    /** Imports all or nothing, then shows the import page again with what was done (POST–redirect–GET). */
    @PostMapping("/organizations/import")
    String importWorkbook(
            @RequestParam("file") MultipartFile file,
            org.springframework.web.servlet.mvc.support.RedirectAttributes next)
            throws IOException {
        if (file.isEmpty()) {
            throw DomainException.invalid("import.file.empty");
        }
        try (InputStream in = file.getInputStream()) {
            var outcome = management.importWorkbook(in);
            notices.next(next, "import.done", outcome.created(), outcome.updated(), outcome.unchanged());
        }
        return "redirect:/organizations/import";
    }
}
