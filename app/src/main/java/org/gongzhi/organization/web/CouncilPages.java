package org.gongzhi.organization.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.organization.AdmitMember;
import org.gongzhi.organization.AppointLiaison;
import org.gongzhi.organization.CouncilLevel;
import org.gongzhi.organization.CouncilView;
import org.gongzhi.organization.FoundCouncil;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganizationManagement;
import org.gongzhi.organization.OrganizationPermission;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.platform.Notices;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 党建工作协调委员会 in the browser: the list (opening on the viewer's own area), founding one, seating and unseating
 * member units, naming their 联络员, and opening a 联络员's full name for a stated reason. Every change answers with a
 * redirect (POST–redirect–GET), so reloading a page never repeats it.
 */
@Controller
class CouncilPages {

    private final OrganizationQueries queries;
    private final OrganizationManagement management;
    private final TerritoryQueries territory;
    private final AccessScopes scopes;
    private final Permissions may;
    private final FormChecks forms;
    private final Notices notices;

    CouncilPages(
            OrganizationQueries queries,
            OrganizationManagement management,
            TerritoryQueries territory,
            AccessScopes scopes,
            Permissions may,
            FormChecks forms,
            Notices notices) {
        this.queries = queries;
        this.management = management;
        this.territory = territory;
        this.scopes = scopes;
        this.may = may;
        this.forms = forms;
        this.notices = notices;
    }

    /** The councils in the viewer's area ({@code all=true}: everywhere); visitors see all of them. */
    @GetMapping("/councils")
    String councils(@RequestParam(defaultValue = "false") boolean all, Model model) {
        var area = all ? null : territory.homeArea(scopes.current()).orElse(null);
        model.addAttribute(
                "councils",
                queries.councils().stream()
                        .filter(c -> area == null || area.covers(c.unitId()))
                        .toList());
        model.addAttribute("home", area == null ? null : area.unit());
        return "organization/councils";
    }

    @GetMapping("/councils/new")
    String foundForm(Model model) {
        may.require(OrganizationPermission.FOUND_COUNCIL);
        FormChecks.fresh(model);
        return foundPage(model, CouncilForm.empty());
    }

    @PostMapping("/councils")
    String found(CouncilForm form, Model model, Locale locale, HttpServletResponse response, RedirectAttributes next) {
        Violations violations = new Violations();
        FoundCouncil command = form.command(violations);
        forms.validate(command, violations);
        if (!violations.isEmpty()) {
            // Something is wrong already: add what the rules would refuse too, so that every error shows at once.
            FormChecks.addUnseen(violations, management.problemsWith(command));
        }
        if (violations.isEmpty()) {
            try {
                CouncilView c = management.foundCouncil(command);
                notices.next(next, "council.founded", c.name());
                return "redirect:/councils/" + c.id();
            } catch (DomainException e) {
                response.setStatus(forms.show(e, model, locale));
                return foundPage(model, form);
            }
        }
        response.setStatus(forms.show(violations, model, locale));
        return foundPage(model, form);
    }

    private String foundPage(Model model, CouncilForm form) {
        model.addAttribute("form", form);
        model.addAttribute("levels", CouncilLevel.values());
        return "organization/council-form";
    }

    @GetMapping("/councils/{id}")
    String council(@PathVariable UUID id, Model model, HttpServletResponse response) {
        if (model.containsAttribute("revealed")) {
            // A name just opened (ADR 0012): shown once, never kept by a cache.
            response.setHeader("Cache-Control", "no-store");
        }
        FormChecks.fresh(model);
        return councilPage(id, model, MemberForm.empty());
    }

    private String councilPage(UUID id, Model model, MemberForm member) {
        CouncilView council = queries.council(id);
        model.addAttribute("council", council);
        model.addAttribute("atUnit", queries.atUnit(new org.gongzhi.territory.UnitId(council.unitId())));
        model.addAttribute("member", member);
        model.addAttribute("maySeat", may.allowed(OrganizationPermission.SEAT_MEMBERS, council.unitId()));
        if (!model.containsAttribute("revealed")) {
            model.addAttribute("revealed", Map.of());
        }
        return "organization/council";
    }

    @PostMapping("/councils/{id}/members")
    String admit(
            @PathVariable UUID id,
            MemberForm form,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes next) {
        Violations violations = new Violations();
        AdmitMember command = form.command(violations);
        forms.validate(command, violations);
        if (!violations.isEmpty()) {
            FormChecks.addUnseen(violations, management.problemsWith(id, command));
        }
        try {
            if (violations.isEmpty()) {
                CouncilView c = management.admit(id, command);
                notices.next(next, "council.admitted", name(c, command.organisationId()));
                return "redirect:/councils/" + id + "#members";
            }
            response.setStatus(forms.show(violations, model, locale));
        } catch (DomainException e) {
            response.setStatus(forms.show(e, model, locale));
        }
        return councilPage(id, model, form);
    }

    @PostMapping("/councils/{id}/members/{organisation}/remove")
    String remove(
            @PathVariable UUID id,
            @PathVariable UUID organisation,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes next) {
        String name = name(queries.council(id), organisation);
        try {
            management.removeMember(id, new OrganisationId(organisation));
            notices.next(next, "council.removed", name);
            return "redirect:/councils/" + id + "#members";
        } catch (DomainException e) {
            // Removed meanwhile by someone else: the council's page as it is now, saying so at the top.
            response.setStatus(forms.refusal(e, model, locale));
            return councilPage(id, model, MemberForm.empty());
        }
    }

    @PostMapping("/councils/{id}/members/{organisation}/liaison")
    String appoint(
            @PathVariable UUID id,
            @PathVariable UUID organisation,
            @RequestParam(required = false) String liaisonName,
            @RequestParam(required = false) String liaisonTitle,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes next) {
        AppointLiaison command = new AppointLiaison(liaisonName, liaisonTitle);
        Violations violations = new Violations();
        forms.validate(command, violations);
        try {
            if (violations.isEmpty()) {
                CouncilView c = management.appointLiaison(id, new OrganisationId(organisation), command);
                notices.next(next, "council.appointed", name(c, organisation));
                return "redirect:/councils/" + id + "#members";
            }
            throw DomainException.invalid(violations.list());
        } catch (DomainException e) {
            response.setStatus(forms.show(e, model, locale, "rowErrors", "rowProblem"));
        }
        return rowRefused(id, model, new RowForm(organisation.toString(), "liaison", liaisonName, liaisonTitle, null));
    }

    /** The page again after a form in one member's row was refused: that form open, what was typed kept. */
    private String rowRefused(UUID id, Model model, RowForm row) {
        model.addAttribute("row", row);
        FormChecks.fresh(model);
        return councilPage(id, model, MemberForm.empty());
    }

    /** What was typed into the form of one member's row: {@code action} is {@code liaison} or {@code unmask}. */
    record RowForm(String organisation, String action, String liaisonName, String liaisonTitle, String reason) {}

    /**
     * Opens one 联络员's full name after the reason was recorded, then redirects: the name travels in the session for
     * the next page only, so reloading shows the masked name again and writes no second audit row.
     */
    @PostMapping("/councils/{id}/members/{organisation}/unmask")
    String unmask(
            @PathVariable UUID id,
            @PathVariable UUID organisation,
            @RequestParam(required = false) String reason,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes next) {
        try {
            String name = management.unmaskLiaison(id, organisation, reason);
            // Session attributes must be serializable: the key is the organisation id as text.
            next.addFlashAttribute("revealed", Map.of(organisation.toString(), name));
            return "redirect:/councils/" + id + "#members";
        } catch (DomainException e) {
            response.setStatus(forms.show(e, model, locale, "rowErrors", "rowProblem"));
        }
        return rowRefused(id, model, new RowForm(organisation.toString(), "unmask", null, null, reason));
    }

    private static String name(CouncilView council, UUID organisation) {
        return council.members().stream()
                .filter(m -> m.organisation().value().equals(organisation))
                .map(CouncilView.Member::organisationName)
                .findFirst()
                .orElse(String.valueOf(organisation));
    }

    /** The found-a-council form as typed. */
    record CouncilForm(
            String level,
            String unitCode,
            String unitCodeText,
            String name,
            String chair,
            String foundedOn,
            String deliberationRules,
            String topicCollection,
            String liaisonRules,
            String emergencyResponse) {

        static CouncilForm empty() {
            return new CouncilForm(null, null, null, null, null, null, null, null, null, null);
        }

        FoundCouncil command(Violations violations) {
            CouncilLevel chosen = FormChecks.choice(CouncilLevel.class, "level", level, violations);
            FormChecks.picked("unitCode", unitCode, unitCodeText, violations);
            return new FoundCouncil(
                    name,
                    chosen,
                    unitCode == null ? "" : unitCode,
                    chair,
                    FormChecks.date("foundedOn", foundedOn, violations),
                    deliberationRules,
                    topicCollection,
                    liaisonRules,
                    emergencyResponse,
                    false);
        }
    }

    /** The admit-a-member form as typed. */
    record MemberForm(
            String organisationId,
            String organisationIdText,
            String liaisonName,
            String liaisonTitle,
            String joinedOn) {

        static MemberForm empty() {
            return new MemberForm(null, null, null, null, null);
        }

        AdmitMember command(Violations violations) {
            UUID organisation = FormChecks.id("organisationId", organisationId, violations);
            FormChecks.picked("organisationId", organisationId, organisationIdText, violations);
            return new AdmitMember(
                    organisation, liaisonName, liaisonTitle, FormChecks.date("joinedOn", joinedOn, violations));
        }
    }
}
