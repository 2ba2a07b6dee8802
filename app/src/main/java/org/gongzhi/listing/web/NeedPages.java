package org.gongzhi.listing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.listing.ListingPermission;
import org.gongzhi.listing.NeedFilter;
import org.gongzhi.listing.NeedPriority;
import org.gongzhi.listing.NeedSource;
import org.gongzhi.listing.NeedStatus;
import org.gongzhi.listing.NeedView;
import org.gongzhi.listing.Needs;
import org.gongzhi.listing.RequesterKind;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.platform.Notices;
import org.gongzhi.platform.Permissions;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ErrorKind;
import org.gongzhi.shared.Violations;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 需求清单 pages: the list with filters, a need with its status moves, and the record / convert / edit form. */
@Controller
class NeedPages {

    private final Needs needs;
    private final TerritoryQueries territory;
    private final AccessScopes scopes;
    private final Permissions may;
    private final FormChecks forms;
    private final Notices notices;
    private final org.gongzhi.listing.Matching matching;
    private final org.gongzhi.listing.Experts experts;

    NeedPages(
            Needs needs,
            org.gongzhi.listing.Matching matching,
            org.gongzhi.listing.Experts experts,
            TerritoryQueries territory,
            AccessScopes scopes,
            Permissions may,
            FormChecks forms,
            Notices notices) {
        this.needs = needs;
        this.matching = matching;
        this.experts = experts;
        this.territory = territory;
        this.scopes = scopes;
        this.may = may;
        this.forms = forms;
        this.notices = notices;
    }

    @GetMapping("/needs")
    String list(
            @RequestParam(required = false) String category,
            @RequestParam(required = false) NeedStatus status,
            @RequestParam(required = false) NeedSource source,
            @RequestParam(required = false) NeedPriority priority,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        model.addAttribute("result", needs.list(new NeedFilter(category, status, source, priority, q), page, 30));
        model.addAttribute("categories", needs.categories());
        model.addAttribute("statuses", NeedStatus.values());
        model.addAttribute("sources", NeedSource.values());
        model.addAttribute("priorities", NeedPriority.values());
        model.addAttribute("category", category);
        model.addAttribute("status", status);
        model.addAttribute("source", source);
        model.addAttribute("priority", priority);
        model.addAttribute("q", q);
        return "listing/needs";
    }

    @GetMapping("/needs/{id}")
    String one(@PathVariable UUID id, Model model) {
        NeedView n = needs.one(id);
        model.addAttribute("need", n);
        model.addAttribute("manages", needs.mayManage(n));
        model.addAttribute(
                "moves",
                java.util.Arrays.stream(NeedStatus.values())
                        .filter(n.status()::mayMoveTo)
                        .toList());
        model.addAttribute("matches", matching.forNeed(id));
        var advising = experts.onNeed(id);
        model.addAttribute("advising", advising);
        model.addAttribute("dualMentoring", org.gongzhi.listing.Experts.dualMentoring(advising));
        if (needs.mayManage(n)) {
            model.addAttribute("thinkTank", experts.askable(n.subdistrictId(), advising));
        }
        return "listing/need";
    }

    @PostMapping("/needs/{id}/experts")
    String assignExpert(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID expertId,
            @RequestParam(required = false) String note,
            RedirectAttributes next) {
        try {
            experts.assignToNeed(id, expertId, note);
            notices.next(next, "listing.page.expert.assigned");
        } catch (DomainException e) {
            notices.refused(next, e);
        }
        return "redirect:/needs/" + id + "#experts";
    }

    @PostMapping("/needs/{id}/experts/{expertId}/removal")
    String unassignExpert(@PathVariable UUID id, @PathVariable UUID expertId, RedirectAttributes next) {
        try {
            experts.unassignFromNeed(id, expertId);
            notices.next(next, "listing.page.expert.unassigned");
        } catch (DomainException e) {
            notices.refused(next, e);
        }
        return "redirect:/needs/" + id + "#experts";
    }

    @PostMapping("/needs/{id}/status")
    String move(
            @PathVariable UUID id,
            @RequestParam(required = false) NeedStatus status,
            @RequestParam(required = false) String note,
            @RequestParam long version,
            RedirectAttributes next) {
        try {
            needs.move(id, version, status, note);
            notices.next(next, "listing.page.need.moved");
        } catch (DomainException e) {
            notices.refused(next, e);
        }
        return "redirect:/needs/" + id;
    }

    @GetMapping("/needs/new")
    String newForm(@RequestParam(required = false) String appeal, Model model) {
        may.require(ListingPermission.RECORD_NEEDS);
        var home = territory.homeUnit(scopes.current()).orElse(null);
        return form(
                model,
                NeedForm.empty(home == null ? null : home.code(), home == null ? null : home.name(), appeal),
                null,
                Map.of());
    }

    @PostMapping("/needs")
    String record(NeedForm form, Model model, Locale locale, HttpServletResponse response) {
        Violations v = new Violations();
        UUID unit = unit(form.unitCode(), v);
        var details = form.details(unit, v);
        if (v.isEmpty()) {
            try {
                NeedView n = form.converting() ? needs.fromAppeal(form.appealCode(), details) : needs.record(details);
                return "redirect:/needs/" + n.id();
            } catch (DomainException e) {
                if (e.kind() == ErrorKind.FORBIDDEN) {
                    throw e;
                }
                if (e.kind() == ErrorKind.NOT_FOUND) {
                    // An appeal the recorder cannot read is said beside its code, like a mistyped one.
                    v.add("appealCode", "listing.need.appeal-unknown");
                } else {
                    response.setStatus(forms.show(e, model, locale));
                    return form(model, form, null, null);
                }
            }
        }
        response.setStatus(forms.show(v, model, locale));
        return form(model, form, null, null);
    }

    @GetMapping("/needs/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        NeedView n = needs.one(id);
        if (!needs.mayManage(n)) {
            throw DomainException.forbidden("scope.outside");
        }
        String code = territory.unit(new UnitId(n.unitId())).map(u -> u.code()).orElse(null);
        return form(model, NeedForm.of(n, code), id, Map.of());
    }

    @PostMapping("/needs/{id}")
    String revise(@PathVariable UUID id, NeedForm form, Model model, Locale locale, HttpServletResponse response) {
        if (form.version() == null) {
            throw DomainException.invalid("listing.need.version.missing");
        }
        Violations v = new Violations();
        UUID unit = unit(form.unitCode(), v);
        var details = form.details(unit, v);
        if (v.isEmpty()) {
            try {
                needs.revise(id, form.version(), details);
                return "redirect:/needs/" + id;
            } catch (DomainException e) {
                response.setStatus(forms.show(e, model, locale));
                return form(model, form, id, null);
            }
        }
        response.setStatus(forms.show(v, model, locale));
        return form(model, form, id, null);
    }

    private UUID unit(String code, Violations v) {
        if (code == null || code.isBlank()) {
            return null;
        }
        var u = territory.unitByCode(code.strip());
        if (u.isEmpty()) {
            v.add("unitCode", "listing.need.unit-unknown");
            return null;
        }
        return u.get().id().value();
    }

    private String form(Model model, NeedForm form, UUID id, Map<String, String> errors) {
        if (errors != null) {
            model.addAttribute("errors", errors);
            model.addAttribute("problem", null);
        }
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("categories", needs.categories());
        model.addAttribute(
                "sources",
                java.util.Arrays.stream(NeedSource.values())
                        .filter(s -> s != NeedSource.APPEAL)
                        .toList());
        model.addAttribute("kinds", RequesterKind.values());
        model.addAttribute("priorities", NeedPriority.values());
        return "listing/need-form";
    }
}
