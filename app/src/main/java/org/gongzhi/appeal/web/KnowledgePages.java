package org.gongzhi.appeal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.gongzhi.appeal.AppealPermission;
import org.gongzhi.appeal.ArticleDraft;
import org.gongzhi.appeal.ArticleKind;
import org.gongzhi.appeal.KnowledgeArticle;
import org.gongzhi.appeal.KnowledgeBase;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.platform.Notices;
import org.gongzhi.platform.Permissions;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Violations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The knowledge base as its editors keep it (/settings/knowledge): every article with a search in the callers' words,
 * a form to add one or rewrite the one chosen, and retiring or restoring. Staff may read it; street administrators
 * edit it.
 */
@Controller
class KnowledgePages {

    private final KnowledgeBase knowledge;
    private final Permissions may;
    private final FormChecks forms;
    private final Notices notices;

    KnowledgePages(KnowledgeBase knowledge, Permissions may, FormChecks forms, Notices notices) {
        this.knowledge = knowledge;
        this.may = may;
        this.forms = forms;
        this.notices = notices;
    }

    /** The form as typed; {@code id} and {@code version} are empty for a new article. */
    record ArticleForm(
            String id,
            String version,
            String kind,
            String title,
            String questions,
            String answer,
            String categoryCode,
            String source) {

        static ArticleForm blank() {
            return new ArticleForm("", "", ArticleKind.ANSWER.name(), "", "", "", "", "");
        }

        static ArticleForm of(KnowledgeArticle a) {
            return new ArticleForm(
                    a.id().toString(),
                    String.valueOf(a.version()),
                    a.kind().name(),
                    a.title(),
                    a.questions(),
                    a.answer(),
                    a.categoryCode() == null ? "" : a.categoryCode(),
                    a.source());
        }

        public boolean isNew() {
            return id == null || id.isBlank();
        }
    }

    @GetMapping("/settings/knowledge")
    String page(@RequestParam(required = false) String q, @RequestParam(required = false) String edit, Model model) {
        FormChecks.fresh(model);
        ArticleForm form = ArticleForm.blank();
        if (edit != null && !edit.isBlank()) {
            Violations v = new Violations();
            UUID id = FormChecks.id("edit", edit, v);
            v.throwIfAny();
            form = ArticleForm.of(knowledge.require(id));
        }
        return page(q, form, model);
    }

    private String page(String q, ArticleForm form, Model model) {
        boolean searching = q != null && !q.isBlank();
        model.addAttribute("q", q);
        model.addAttribute(
                "articles", searching ? knowledge.search(q, null, KnowledgeBase.MAX_RESULTS) : knowledge.list(true));
        model.addAttribute("searching", searching);
        model.addAttribute("form", form);
        model.addAttribute("kinds", ArticleKind.values());
        model.addAttribute("mayEdit", may.to(AppealPermission.EDIT_KNOWLEDGE.code()));
        return "appeal/knowledge";
    }

    @PostMapping("/settings/knowledge")
    String save(ArticleForm form, Model model, Locale locale, HttpServletResponse response, RedirectAttributes next) {
        Violations v = new Violations();
        ArticleKind kind = FormChecks.choice(ArticleKind.class, "kind", form.kind(), v);
        ArticleDraft draft = new ArticleDraft(
                kind, form.title(), form.questions(), form.answer(), form.categoryCode(), form.source());
        try {
            v.throwIfAny();
            KnowledgeArticle saved;
            if (form.isNew()) {
                saved = knowledge.add(draft);
                notices.next(next, "appeal.knowledge.added-notice", saved.title());
            } else {
                saved = knowledge.revise(id(form.id()), version(form.version()), draft);
                notices.next(next, "appeal.knowledge.revised-notice", saved.title());
            }
            return "redirect:/settings/knowledge?edit=" + saved.id();
        } catch (DomainException e) {
            response.setStatus(forms.show(e, model, locale));
            return page(null, form, model);
        }
    }

    @PostMapping("/settings/knowledge/active")
    String active(
            @RequestParam(required = false) String id,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String active,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes next) {
        try {
            KnowledgeArticle a = knowledge.setActive(id(id), version(version), "true".equals(active));
            notices.next(
                    next,
                    a.active() ? "appeal.knowledge.restored-notice" : "appeal.knowledge.retired-notice",
                    a.title());
            return "redirect:/settings/knowledge";
        } catch (DomainException e) {
            // Read before someone else's change: the list as it is now, the reason at the top.
            response.setStatus(forms.refusal(e, model, locale));
            return page(null, ArticleForm.blank(), model);
        }
    }

    private static UUID id(String text) {
        Violations v = new Violations();
        UUID id = FormChecks.id("id", text, v);
        v.throwIfAny();
        return id;
    }

    private static long version(String text) {
        try {
            return Long.parseLong(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
