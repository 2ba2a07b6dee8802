package org.gongzhi.appeal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.gongzhi.appeal.AppealPermission;
import org.gongzhi.appeal.CategoryCatalogue;
import org.gongzhi.appeal.CategoryDetails;
import org.gongzhi.appeal.CategoryView;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.platform.Notices;
import org.gongzhi.platform.Permissions;
import org.gongzhi.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The appeal categories as street administrators keep them (/settings/categories): every 小类 with its limits and
 * default handler, a search in Chinese, and an edit form with the category's versions. An edit makes a new version;
 * appeals already registered keep theirs.
 */
@Controller
class CategoryPages {

    private final CategoryCatalogue categories;
    private final Permissions may;
    private final FormChecks forms;
    private final Notices notices;

    CategoryPages(CategoryCatalogue categories, Permissions may, FormChecks forms, Notices notices) {
        this.categories = categories;
        this.may = may;
        this.forms = forms;
        this.notices = notices;
    }

    /** The edit form as typed; {@code version} is the one the editor read. */
    record CategoryForm(
            String code,
            String version,
            String name,
            String keywords,
            String filingCondition,
            String closingCondition,
            String responseLimit,
            String emergencyLimit,
            String ordinaryLimit,
            String complexLimit,
            String defaultHandler,
            String active) {

        static CategoryForm of(CategoryView c) {
            return new CategoryForm(
                    c.code(),
                    String.valueOf(c.version()),
                    c.name(),
                    c.keywords(),
                    c.filingCondition(),
                    c.closingCondition(),
                    c.responseLimit().toString(),
                    c.emergencyLimit().toString(),
                    c.ordinaryLimit().toString(),
                    c.complexLimit().toString(),
                    c.defaultHandler(),
                    c.active() ? "true" : "false");
        }

        public boolean isActive() {
            return "true".equals(active);
        }
    }

    @GetMapping("/settings/categories")
    String page(@RequestParam(required = false) String q, @RequestParam(required = false) String edit, Model model) {
        FormChecks.fresh(model);
        CategoryForm form = edit == null || edit.isBlank() ? null : CategoryForm.of(categories.require(edit.strip()));
        return page(q, form, model);
    }

    private String page(String q, CategoryForm form, Model model) {
        boolean searching = q != null && !q.isBlank();
        // While one is edited the page shows that one and its versions, not the whole list under it.
        List<CategoryView> shown = form != null ? List.of() : searching ? categories.search(q, 30) : categories.list();
        model.addAttribute("q", q);
        model.addAttribute("searching", searching);
        model.addAttribute("categories", shown);
        model.addAttribute("form", form);
        model.addAttribute("history", form == null ? List.of() : categories.history(form.code()));
        model.addAttribute("mayEdit", may.to(AppealPermission.EDIT_CATEGORIES.code()));
        return "appeal/categories";
    }

    @PostMapping("/settings/categories")
    String save(CategoryForm form, Model model, Locale locale, HttpServletResponse response, RedirectAttributes next) {
        try {
            CategoryView saved = categories.revise(
                    form.code() == null ? "" : form.code().strip(),
                    (int) FormChecks.versionRead(form.version(), 1, "appeal.category.version.required"),
                    new CategoryDetails(
                            form.name(),
                            form.keywords(),
                            form.filingCondition(),
                            form.closingCondition(),
                            form.responseLimit(),
                            form.emergencyLimit(),
                            form.ordinaryLimit(),
                            form.complexLimit(),
                            form.defaultHandler(),
                            form.isActive()));
            notices.next(next, "appeal.category.page.saved", saved.name(), saved.version());
            return "redirect:/settings/categories?edit=" + saved.code();
        } catch (DomainException e) {
            if (FormChecks.stale(e)) {
                // Changed by someone else, or no version read: the form as the category is now, the reason at its
                // top — not the version that was sent.
                response.setStatus(forms.show(e, model, locale));
                return page(null, CategoryForm.of(categories.require(form.code().strip())), model);
            }
            response.setStatus(forms.show(e, model, locale));
            return page(null, form, model);
        }
    }
}
