package org.gongzhi.listing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.listing.Experts;
import org.gongzhi.listing.ListingPermission;
import org.gongzhi.listing.NeedFilter;
import org.gongzhi.listing.NeedStatus;
import org.gongzhi.listing.Needs;
import org.gongzhi.listing.ProjectStatus;
import org.gongzhi.listing.ProjectView;
import org.gongzhi.listing.Projects;
import org.gongzhi.listing.ProposeProject;
import org.gongzhi.listing.ResourceFilter;
import org.gongzhi.listing.Resources;
import org.gongzhi.organization.OrganisationFilter;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.platform.Notices;
import org.gongzhi.platform.Permissions;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Money;
import org.gongzhi.shared.Violations;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitKind;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 项目清单 pages: the list, proposing a project with its co-funding split, and a project's page where the street
 * approves it, parties record payments, staff record spend and milestones and complete it; and the public project
 * page (公开展示) where residents see the funding and progress and evaluate it once completed.
 */
@Controller
class ProjectPages {

    private final Projects projects;
    private final Needs needs;
    private final Resources resources;
    private final Experts experts;
    private final OrganizationQueries organisations;
    private final TerritoryQueries territory;
    private final AccessScopes scopes;
    private final Permissions may;
    private final FormChecks forms;
    private final Notices notices;

    ProjectPages(
            Projects projects,
            Needs needs,
            Resources resources,
            Experts experts,
            OrganizationQueries organisations,
            TerritoryQueries territory,
            AccessScopes scopes,
            Permissions may,
            FormChecks forms,
            Notices notices) {
        this.projects = projects;
        this.needs = needs;
        this.resources = resources;
        this.experts = experts;
        this.organisations = organisations;
        this.territory = territory;
        this.scopes = scopes;
        this.may = may;
        this.forms = forms;
        this.notices = notices;
    }

    /** The propose form as posted: amounts in 元 as typed, up to four parties. */
    record ProjectForm(
            String title,
            String summary,
            String unitCode,
            String unitCodeText,
            String budget,
            List<String> partyId,
            List<String> partyPledge,
            String lead,
            List<String> needIds,
            List<String> resourceIds) {

        static ProjectForm empty(String unitCode, String unitName) {
            return new ProjectForm(
                    null, null, unitCode, unitName, null, List.of(), List.of(), "0", List.of(), List.of());
        }

        /** The typed organisation of party row {@code i} (0-based), or "". */
        public String party(int i) {
            return partyId != null && i < partyId.size() ? partyId.get(i) : "";
        }

        /** The typed pledge of party row {@code i}, or "". */
        public String pledge(int i) {
            return partyPledge != null && i < partyPledge.size() ? partyPledge.get(i) : "";
        }

        public boolean chose(List<String> ids, Object id) {
            return ids != null && ids.contains(String.valueOf(id));
        }

        ProposeProject command(UUID unit, Violations v) {
            Money total = budget == null || budget.isBlank() ? null : Money.parseYuan(budget, "budget", v);
            List<ProposeProject.Party> parties = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String org = party(i);
                String amount = pledge(i);
                if ((org == null || org.isBlank()) && (amount == null || amount.isBlank())) {
                    continue;
                }
                if (org == null || org.isBlank()) {
                    // A pledge typed on a row whose funder was not chosen: said at that row, not as a bare "blank".
                    v.add("parties", "listing.project.party-missing", i + 1);
                }
                UUID id = FormChecks.id("parties", org, v);
                Money m = Money.parseYuan(amount, "parties", v);
                parties.add(new ProposeProject.Party(id, String.valueOf(i).equals(lead), m == null ? null : m.fen()));
            }
            if (lead != null
                    && lead.matches("[0-3]")
                    && party(Integer.parseInt(lead)).isBlank()) {
                v.add("parties", "listing.project.lead-empty", Integer.parseInt(lead) + 1);
            }
            return new ProposeProject(
                    title,
                    summary,
                    unit,
                    total == null ? null : total.fen(),
                    parties,
                    ids(needIds, v),
                    ids(resourceIds, v));
        }

        private static List<UUID> ids(List<String> texts, Violations v) {
            List<UUID> out = new ArrayList<>();
            for (String t : texts == null ? List.<String>of() : texts) {
                UUID id = FormChecks.id("needIds", t, v);
                if (id != null) {
                    out.add(id);
                }
            }
            return out;
        }
    }

    @GetMapping("/projects")
    String list(
            @RequestParam(required = false) ProjectStatus status,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        model.addAttribute("result", projects.list(status, q, page, 50));
        model.addAttribute("statuses", ProjectStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("mayPropose", may.to(ListingPermission.MANAGE_PROJECTS.code()));
        return "listing/projects";
    }

    @GetMapping("/projects/new")
    String newForm(Model model) {
        may.require(ListingPermission.MANAGE_PROJECTS);
        FormChecks.fresh(model);
        var home = territory.homeUnit(scopes.current()).orElse(null);
        return form(model, ProjectForm.empty(home == null ? null : home.code(), home == null ? null : home.name()));
    }

    @PostMapping("/projects")
    String propose(ProjectForm form, Model model, Locale locale, HttpServletResponse response) {
        Violations v = new Violations();
        UUID unit = null;
        if (form.unitCode() != null && !form.unitCode().isBlank()) {
            unit = territory
                    .unitByCode(form.unitCode().strip())
                    .map(u -> u.id().value())
                    .orElse(null);
            if (unit == null) {
                v.add("unitCode", "listing.need.unit-unknown");
            }
        }
        ProposeProject command = form.command(unit, v);
        if (v.isEmpty()) {
            try {
                return "redirect:/projects/" + projects.propose(command).id();
            } catch (DomainException e) {
                response.setStatus(forms.show(e, model, locale));
                return form(model, form);
            }
        }
        response.setStatus(forms.show(v, model, locale));
        return form(model, form);
    }

    private String form(Model model, ProjectForm form) {
        model.addAttribute("form", form);
        // The parties' messages: the form's own ("parties") and the rules' for a party ("parties[1].organisationId").
        Object errors = model.getAttribute("errors");
        model.addAttribute(
                "partyErrors",
                errors instanceof Map<?, ?> byField
                        ? byField.entrySet().stream()
                                .filter(e -> String.valueOf(e.getKey()).startsWith("parties"))
                                .map(e -> String.valueOf(e.getValue()))
                                .distinct()
                                .toList()
                        : List.of());
        var home = territory.homeUnit(scopes.current()).orElse(null);
        String subdistrictCode = home == null
                ? null
                : territory.lineage(home.id()).stream()
                        .filter(u -> u.kind() == UnitKind.SUBDISTRICT)
                        .map(u -> u.code())
                        .findFirst()
                        .orElse(home.code());
        model.addAttribute(
                "organisations",
                subdistrictCode == null
                        ? List.of()
                        : organisations.all(new OrganisationFilter(null, null, subdistrictCode, null)));
        model.addAttribute(
                "openNeeds",
                needs.list(new NeedFilter(null, NeedStatus.OPEN, null, null, null), 1, 200)
                        .items());
        model.addAttribute(
                "offered", resources.list(ResourceFilter.all(), 1, 200).items());
        return "listing/project-form";
    }

    @GetMapping("/projects/{id}")
    String one(@PathVariable UUID id, Model model) {
        ProjectView p = projects.one(id);
        model.addAttribute("project", p);
        model.addAttribute("mayApprove", projects.mayApprove(p));
        boolean mayCarry = projects.mayCarry(p);
        model.addAttribute("mayCarry", mayCarry);
        model.addAttribute("payable", projects.payableParties(p));
        var advising = experts.onProject(id);
        model.addAttribute("advising", advising);
        model.addAttribute("dualMentoring", Experts.dualMentoring(advising));
        model.addAttribute("comments", p.status() == ProjectStatus.COMPLETED ? projects.comments(id) : List.of());
        model.addAttribute("ledger", projects.ledger(id));
        if (mayCarry) {
            model.addAttribute("thinkTank", experts.askable(p.subdistrictId(), advising));
        }
        return "listing/project";
    }

    /** A step on a project: the version read and a note, an outcome or a reason. */
    @PostMapping("/projects/{id}/{step}")
    String step(
            @PathVariable UUID id,
            @PathVariable String step,
            @RequestParam long version,
            @RequestParam(required = false) String text,
            RedirectAttributes next) {
        try {
            switch (step) {
                case "approval" -> projects.approve(id, version, text);
                case "completion" -> projects.complete(id, version, text);
                case "cancellation" -> projects.cancel(id, version, text);
                default -> throw DomainException.notFound("listing.project.not-found");
            }
            notices.next(next, "listing.page.project." + step);
        } catch (DomainException e) {
            notices.refused(next, e);
            keep(next, typed(step, "text", text));
        }
        return "redirect:/projects/" + id;
    }

    @PostMapping("/projects/{id}/payments")
    String pay(
            @PathVariable UUID id,
            @RequestParam(required = false) String organisationId,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String on,
            @RequestParam(required = false) String note,
            RedirectAttributes next) {
        var typed = typed("payment", "organisationId", organisationId, "amount", amount, "on", on, "note", note);
        return act(id, next, "listing.page.project.paid", typed, v -> {
            Money m = Money.parseYuan(amount, "amountFen", v);
            UUID org = FormChecks.id("organisationId", organisationId, v);
            LocalDate day = on == null || on.isBlank() ? null : FormChecks.date("paidOn", on, v);
            return () -> projects.pay(id, org, m == null ? null : m.fen(), day, note);
        });
    }

    @PostMapping("/projects/{id}/expenses")
    String spend(
            @PathVariable UUID id,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String on,
            @RequestParam(required = false) String item,
            RedirectAttributes next) {
        return act(
                id,
                next,
                "listing.page.project.spent",
                typed("expense", "amount", amount, "on", on, "item", item),
                v -> {
                    Money m = Money.parseYuan(amount, "amountFen", v);
                    LocalDate day = on == null || on.isBlank() ? null : FormChecks.date("spentOn", on, v);
                    return () -> projects.spend(id, m == null ? null : m.fen(), day, item);
                });
    }

    /** Reads a form's fields, then records it, or says why not. */
    private String act(
            UUID id, RedirectAttributes next, String done, java.util.function.Function<Violations, Runnable> read) {
        return act(id, next, done, Map.of(), read);
    }

    /**
     * Reads a form's fields, then records it; or says why not and hands back what was typed ({@code typed}), so that the
     * refused form shows it again to be corrected.
     */
    private String act(
            UUID id,
            RedirectAttributes next,
            String done,
            Map<String, String> typed,
            java.util.function.Function<Violations, Runnable> read) {
        Violations v = new Violations();
        Runnable record = read.apply(v);
        try {
            v.throwIfAny();
            record.run();
            notices.next(next, done);
        } catch (DomainException e) {
            notices.refused(next, e);
            keep(next, typed);
        }
        return "redirect:/projects/" + id;
    }

    /** The fields of form {@code form} as typed, keyed "form.field"; blank ones left out. */
    private static Map<String, String> typed(String form, String... namesAndValues) {
        Map<String, String> typed = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null && !value.isBlank()) {
                typed.put(form + "." + namesAndValues[i], value.length() <= 2000 ? value : value.substring(0, 2000));
            }
        }
        return typed;
    }

    private static void keep(RedirectAttributes next, Map<String, String> typed) {
        if (!typed.isEmpty()) {
            next.addFlashAttribute("typed", typed);
        }
    }

    /** 冲正 of a payment or an expense ({@code kind} "payments" or "expenses") recorded wrongly, with the reason. */
    @PostMapping("/projects/{id}/{kind}/{entryId}/reversal")
    String reverse(
            @PathVariable UUID id,
            @PathVariable String kind,
            @PathVariable UUID entryId,
            @RequestParam(required = false) String reason,
            RedirectAttributes next) {
        return switch (kind) {
            case "payments" ->
                act(
                        id,
                        next,
                        "listing.page.project.payment-reversed",
                        v -> () -> projects.reversePayment(id, entryId, reason));
            case "expenses" ->
                act(
                        id,
                        next,
                        "listing.page.project.expense-reversed",
                        v -> () -> projects.reverseExpense(id, entryId, reason));
            default -> throw DomainException.notFound("listing.project.entry-not-found");
        };
    }

    @PostMapping("/projects/{id}/milestones")
    String addMilestone(
            @PathVariable UUID id,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String due,
            RedirectAttributes next) {
        return act(
                id, next, "listing.page.project.milestone-added", typed("milestone", "title", title, "due", due), v -> {
                    LocalDate day = due == null || due.isBlank() ? null : FormChecks.date("dueOn", due, v);
                    return () -> projects.addMilestone(id, title, day);
                });
    }

    @PostMapping("/projects/{id}/milestones/{position}/progress")
    String progress(
            @PathVariable UUID id,
            @PathVariable int position,
            @RequestParam(required = false) String progress,
            @RequestParam(required = false) String note,
            RedirectAttributes next) {
        return act(
                id,
                next,
                "listing.page.project.progressed",
                typed("progress-" + position, "progress", progress, "note", note),
                v -> {
                    // Read here, so that "abc" or "12.5" is said beside the field instead of a bare error page.
                    Integer read = FormChecks.integer("progress", progress, v);
                    return () -> projects.progress(id, position, read, note);
                });
    }

    @PostMapping("/projects/{id}/experts")
    String assignExpert(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID expertId,
            @RequestParam(required = false) String note,
            RedirectAttributes next) {
        return act(id, next, "listing.page.expert.assigned", v -> () -> experts.assignToProject(id, expertId, note));
    }

    @PostMapping("/projects/{id}/experts/{expertId}/removal")
    String unassignExpert(@PathVariable UUID id, @PathVariable UUID expertId, RedirectAttributes next) {
        return act(id, next, "listing.page.expert.unassigned", v -> () -> experts.unassignFromProject(id, expertId));
    }

    // ---------------------------------------------------------------- the public page

    @GetMapping("/public/projects")
    String publicList(@RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("projects", projects.published(page, 50));
        return "listing/public-projects";
    }

    @GetMapping("/public/projects/{id}")
    String publicOne(@PathVariable UUID id, Model model, java.security.Principal principal) {
        model.addAttribute("project", projects.published(id));
        model.addAttribute("signedIn", principal != null);
        model.addAttribute("evaluated", principal != null && projects.evaluatedByCaller(id));
        return "listing/public-project";
    }

    @PostMapping("/public/projects/{id}/evaluations")
    String evaluate(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer score,
            @RequestParam(required = false) String comment,
            RedirectAttributes next) {
        try {
            projects.evaluate(id, score, comment);
            notices.next(next, "listing.page.project.evaluated");
        } catch (DomainException e) {
            notices.refused(next, e);
        }
        return "redirect:/public/projects/" + id;
    }
}
