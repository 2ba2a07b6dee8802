package org.gongzhi.listing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.gongzhi.listing.ExpertDetails;
import org.gongzhi.listing.ExpertRole;
import org.gongzhi.listing.Experts;
import org.gongzhi.listing.ListingPermission;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.platform.Notices;
import org.gongzhi.platform.Permissions;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Violations;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitKind;
import org.gongzhi.territory.UnitView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 智库 pages: the experts of the 街道, and adding one (street administrators). */
@Controller
class ExpertPages {

    private final Experts experts;
    private final TerritoryQueries territory;
    private final AccessScopes scopes;
    private final Permissions may;
    private final FormChecks forms;
    private final Notices notices;

    ExpertPages(
            Experts experts,
            TerritoryQueries territory,
            AccessScopes scopes,
            Permissions may,
            FormChecks forms,
            Notices notices) {
        this.experts = experts;
        this.territory = territory;
        this.scopes = scopes;
        this.may = may;
        this.forms = forms;
        this.notices = notices;
    }

    /** The expert form as posted. */
    record ExpertForm(
            String name,
            String role,
            String affiliation,
            String tags,
            String bio,
            String contactPhone,
            String consent) {

        static ExpertForm empty() {
            return new ExpertForm(null, null, null, null, null, null, null);
        }

        /** Tags as typed: separated by commas, 、 or spaces. */
        List<String> tagList() {
            return tags == null
                    ? List.of()
                    : Arrays.stream(tags.split("[,，、;；\\s]+"))
                            .filter(t -> !t.isBlank())
                            .toList();
        }

        public boolean consented() {
            return consent != null && !consent.isBlank();
        }
    }

    @GetMapping("/experts")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) ExpertRole role,
            Model model) {
        model.addAttribute("experts", experts.list(q, tag, role, false));
        model.addAttribute("roles", ExpertRole.values());
        model.addAttribute("q", q);
        model.addAttribute("tag", tag);
        model.addAttribute("role", role);
        model.addAttribute("mayManage", may.to(ListingPermission.MANAGE_EXPERTS.code()));
        return "listing/experts";
    }

    @GetMapping("/experts/new")
    String newForm(Model model) {
        may.require(ListingPermission.MANAGE_EXPERTS);
        FormChecks.fresh(model);
        return form(model, ExpertForm.empty());
    }

    @PostMapping("/experts")
    String add(ExpertForm form, Model model, Locale locale, HttpServletResponse response, RedirectAttributes next) {
        may.require(ListingPermission.MANAGE_EXPERTS);
        UnitView home = subdistrict();
        try {
            experts.add(new ExpertDetails(
                    home == null ? null : home.id().value(),
                    form.name(),
                    FormChecks.choice(ExpertRole.class, "role", form.role(), new Violations()),
                    null,
                    form.affiliation(),
                    form.tagList(),
                    form.bio(),
                    form.contactPhone(),
                    form.consented()));
            notices.next(next, "listing.page.expert.added");
            return "redirect:/experts";
        } catch (DomainException e) {
            response.setStatus(forms.show(e, model, locale));
            return form(model, form);
        }
    }

    @PostMapping("/experts/{id}/withdrawal")
    String withdraw(@PathVariable UUID id, @RequestParam long version, RedirectAttributes next) {
        try {
            experts.withdraw(id, version);
            notices.next(next, "listing.page.expert.withdrawn");
        } catch (DomainException e) {
            notices.refused(next, e);
        }
        return "redirect:/experts";
    }

    private String form(Model model, ExpertForm form) {
        model.addAttribute("form", form);
        model.addAttribute("roles", ExpertRole.values());
        model.addAttribute("home", subdistrict());
        return "listing/expert-form";
    }

    /** The 街道 of the caller's places, whose think tank the form adds to. */
    private UnitView subdistrict() {
        return territory
                .homeUnit(scopes.current())
                .flatMap(u -> territory.lineage(u.id()).stream()
                        .filter(x -> x.kind() == UnitKind.SUBDISTRICT)
                        .findFirst())
                .orElse(null);
    }
}
