package org.gongzhi.dispatch.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.dispatch.DispatchDirectory;
import org.gongzhi.dispatch.DispatchPermission;
import org.gongzhi.dispatch.RuleDetails;
import org.gongzhi.dispatch.RuleView;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.platform.Notices;
import org.gongzhi.platform.Permissions;
import org.gongzhi.platform.SettingsEntry;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ErrorKind;
import org.gongzhi.shared.Violation;
import org.gongzhi.shared.Violations;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dispatch directory as a street administrator keeps it (/settings/dispatch): the rules in force on a unit and
 * everything below it, "where would this go" for a category at a place, adding a rule and retiring one. Any staff
 * member may look and preview; editing needs {@link DispatchPermission#EDIT_DIRECTORY} for the rule's unit.
 */
@Controller
class DirectoryPages {

    /** Co-handler pickers the page offers; the API takes up to {@link DispatchDirectory#MAX_CO_HANDLERS}. */
    static final int CO_HANDLER_FIELDS = 3;

    private final DispatchDirectory directory;
    private final Permissions may;
    private final FormChecks forms;
    private final Notices notices;

    DirectoryPages(DispatchDirectory directory, Permissions may, FormChecks forms, Notices notices) {
        this.directory = directory;
        this.may = may;
        this.forms = forms;
        this.notices = notices;
    }

    /** The add form as typed: the pickers post the chosen value and the text shown. */
    record RuleForm(
            String categoryPattern,
            String unitCode,
            String unitCodeText,
            String leadId,
            String leadIdText,
            List<String> coHandlerIds,
            List<String> coHandlerIdsText,
            String note) {

        static RuleForm blank() {
            return new RuleForm("", "", "", "", "", List.of(), List.of(), "");
        }

        /** The co-handler picked in the {@code i}-th picker (0-based), or empty. */
        public String coHandler(int i) {
            return coHandlerIds != null && i < coHandlerIds.size() ? coHandlerIds.get(i) : "";
        }

        public String coHandlerText(int i) {
            return coHandlerIdsText != null && i < coHandlerIdsText.size() ? coHandlerIdsText.get(i) : "";
        }
    }

    @GetMapping("/settings/dispatch")
    String page(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String place,
            @RequestParam(required = false) String categoryText,
            @RequestParam(required = false) String placeText,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        FormChecks.fresh(model);
        // Something typed in either picker asks for a preview, picked or not (not picked: say so beside it).
        boolean previewing = notBlank(category) || notBlank(place) || notBlank(categoryText) || notBlank(placeText);
        if (previewing) {
            Violations v = new Violations();
            if (!notBlank(category)) {
                v.add("category", notBlank(categoryText) ? "form.choose" : "validation.NotBlank", "category");
            }
            if (!notBlank(place)) {
                v.add("place", notBlank(placeText) ? "form.choose" : "validation.NotBlank", "place");
            }
            try {
                v.throwIfAny();
                model.addAttribute("preview", directory.preview(category, place));
            } catch (DomainException e) {
                // An unknown code (typed into the address bar) is a mistake in one of the two fields, shown beside it.
                DomainException shown = e.kind() == ErrorKind.NOT_FOUND
                        ? DomainException.invalid(List.of(Violation.of(
                                e.code().startsWith("dispatch.") ? "place" : "category",
                                e.code(),
                                e.args().toArray())))
                        : e;
                response.setStatus(forms.show(shown, model, locale, "previewErrors", "previewProblem"));
            }
        }
        model.addAttribute("previewCategory", category);
        model.addAttribute("previewCategoryText", categoryText);
        model.addAttribute("previewPlace", place);
        model.addAttribute("previewPlaceText", placeText);
        return page(unit, RuleForm.blank(), model);
    }

    private String page(String unit, RuleForm form, Model model) {
        model.addAttribute("unit", unit);
        List<RuleView> rules = directory.list(unit);
        model.addAttribute("rules", rules);
        model.addAttribute("form", form);
        model.addAttribute("coHandlerFields", CO_HANDLER_FIELDS);
        model.addAttribute("mayEdit", may.to(DispatchPermission.EDIT_DIRECTORY.code()));
        if (!model.containsAttribute("previewErrors")) {
            model.addAttribute("previewErrors", java.util.Map.of());
        }
        return "dispatch/directory";
    }

    @PostMapping("/settings/dispatch")
    String add(RuleForm form, Model model, Locale locale, HttpServletResponse response, RedirectAttributes next) {
        Violations v = new Violations();
        FormChecks.picked("unitCode", form.unitCode(), form.unitCodeText(), v);
        FormChecks.picked("leadId", form.leadId(), form.leadIdText(), v);
        UUID lead = FormChecks.id("leadId", form.leadId(), v);
        List<UUID> co = new ArrayList<>();
        // The façade numbers the co-handlers it is given; the page names the picker they came from.
        Map<String, String> pickerOf = new HashMap<>();
        for (int i = 0; i < CO_HANDLER_FIELDS; i++) {
            String field = "coHandlerIds[" + i + "]";
            FormChecks.picked(field, form.coHandler(i), form.coHandlerText(i), v);
            UUID id = FormChecks.id(field, form.coHandler(i), v);
            if (id != null) {
                pickerOf.put("coHandlerIds[" + co.size() + "]", field);
                co.add(id);
            }
        }
        try {
            v.throwIfAny();
            RuleView rule =
                    directory.add(new RuleDetails(form.categoryPattern(), form.unitCode(), lead, co, form.note()));
            notices.next(
                    next,
                    "dispatch.page.added",
                    rule.unitName(),
                    rule.categoryLabel() == null ? rule.categoryPattern() : rule.categoryLabel());
            return "redirect:/settings/dispatch";
        } catch (DomainException e) {
            FormChecks.fresh(model);
            model.addAttribute("previewErrors", java.util.Map.of());
            List<Violation> named = e.violations().stream()
                    .map(x -> Violation.of(
                            pickerOf.getOrDefault(x.location(), x.location()),
                            x.code(),
                            x.args().toArray()))
                    .toList();
            response.setStatus(
                    forms.show(e.kind() == ErrorKind.INVALID ? DomainException.invalid(named) : e, model, locale));
            return page(null, form, model);
        }
    }

    @PostMapping("/settings/dispatch/retire")
    String retire(
            @RequestParam(required = false) String id,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes next) {
        try {
            Violations v = new Violations();
            UUID rule = FormChecks.id("id", id, v);
            if (rule == null) {
                v.add("id", "form.choose");
            }
            v.throwIfAny();
            directory.retire(rule);
            notices.next(next, "dispatch.page.retired");
            return "redirect:/settings/dispatch";
        } catch (DomainException e) {
            response.setStatus(forms.refusal(e, model, locale));
            return page(null, RuleForm.blank(), model);
        }
    }

    @Component
    static class Settings implements SettingsEntry.Source {

        @Override
        public List<SettingsEntry> entries() {
            return List.of(new SettingsEntry(
                    30,
                    "dispatch.page.title",
                    "dispatch.page.lead",
                    "/settings/dispatch",
                    DispatchPermission.EDIT_DIRECTORY));
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
