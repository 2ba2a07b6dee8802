package org.gongzhi.appeal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.appeal.AppealAction;
import org.gongzhi.appeal.AppealFilter;
import org.gongzhi.appeal.AppealId;
import org.gongzhi.appeal.AppealManagement;
import org.gongzhi.appeal.AppealPermission;
import org.gongzhi.appeal.AppealQueries;
import org.gongzhi.appeal.AppealState;
import org.gongzhi.appeal.AppealType;
import org.gongzhi.appeal.AppealView;
import org.gongzhi.appeal.ArticleKind;
import org.gongzhi.appeal.CategoryCatalogue;
import org.gongzhi.appeal.Channel;
import org.gongzhi.appeal.EmergencyService;
import org.gongzhi.appeal.KnowledgeArticle;
import org.gongzhi.appeal.KnowledgeBase;
import org.gongzhi.appeal.RegisterAppeal;
import org.gongzhi.appeal.RegisteredAppeal;
import org.gongzhi.appeal.Routing;
import org.gongzhi.appeal.Satisfaction;
import org.gongzhi.appeal.TrafficLight;
import org.gongzhi.appeal.Urgency;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.platform.Notices;
import org.gongzhi.platform.Permissions;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ErrorKind;
import org.gongzhi.shared.Violations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 接诉即办 in the browser: the list of appeals with filters (and the handler's own work orders, soonest due first),
 * an appeal with its timeline and a form for each action the viewer may take now, and the intake form a 12345
 * operator or community staff fill in. Changes answer with a redirect (POST–redirect–GET); a refused one shows the
 * page again with the reason beside the field or at the top, nothing changed.
 */
@Controller
class AppealPages {

    private static final Set<Channel> STAFF_CHANNELS = EnumSet.of(
            Channel.HOTLINE, Channel.WALK_IN, Channel.NEEDS_LIST, Channel.MEETING, Channel.EVENT, Channel.PATROL);

    private final AppealQueries queries;
    private final AppealManagement management;
    private final CategoryCatalogue categories;
    private final ObjectProvider<Routing> routing;
    private final FormChecks forms;
    private final Notices notices;
    private final Permissions may;
    private final org.gongzhi.organization.OrganizationQueries organisations;
    private final org.gongzhi.territory.TerritoryQueries territory;
    private final org.gongzhi.platform.AccessScopes scopes;
    private final KnowledgeBase knowledge;
    private final org.gongzhi.appeal.AppealReferences references;

    AppealPages(
            AppealQueries queries,
            AppealManagement management,
            CategoryCatalogue categories,
            ObjectProvider<Routing> routing,
            FormChecks forms,
            Notices notices,
            Permissions may,
            org.gongzhi.organization.OrganizationQueries organisations,
            org.gongzhi.territory.TerritoryQueries territory,
            org.gongzhi.platform.AccessScopes scopes,
            KnowledgeBase knowledge,
            org.gongzhi.appeal.AppealReferences references) {
        this.knowledge = knowledge;
        this.references = references;
        this.organisations = organisations;
        this.territory = territory;
        this.scopes = scopes;
        this.queries = queries;
        this.management = management;
        this.categories = categories;
        this.routing = routing;
        this.forms = forms;
        this.notices = notices;
        this.may = may;
    }

    // ---------------------------------------------------------------- lists

    /** The list; filters that cannot be read are said beside their fields (400) and nothing is listed. */
    @GetMapping("/appeals")
    String list(
            ListParams params,
            @RequestParam(required = false) String after,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        return listPage(params, after, false, model, locale, response);
    }

    /** 我的工单: the open work orders of the viewer's organisations, soonest deadline first. */
    @GetMapping("/appeals/work")
    String work(
            @RequestParam(required = false) String after, Model model, Locale locale, HttpServletResponse response) {
        return listPage(ListParams.none(), after, true, model, locale, response);
    }

    private String listPage(
            ListParams params, String after, boolean mine, Model model, Locale locale, HttpServletResponse response) {
        ListParams.Read read = params.read(mine);
        AppealFilter filter = read.filter();
        FormChecks.fresh(model);
        if (read.problems().isEmpty()) {
            model.addAttribute("page", queries.list(filter, after, 50));
        } else {
            response.setStatus(forms.show(read.problems(), model, locale));
            model.addAttribute("page", new org.gongzhi.appeal.AppealPage(List.of(), null));
        }
        model.addAttribute("filter", filter);
        model.addAttribute("mine", mine);
        model.addAttribute("states", AppealState.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("lights", TrafficLight.values());
        model.addAttribute("majors", majors());
        model.addAttribute("kept", params.kept());
        return "appeal/list";
    }

    /** The 大类 to filter by: code (e.g. E05) → "事件 · 街面秩序". */
    private Map<String, String> majors() {
        Map<String, String> majors = new LinkedHashMap<>();
        categories.list().forEach(c -> majors.putIfAbsent(c.code().substring(0, 3), c.majorName()));
        return majors;
    }

    // ---------------------------------------------------------------- one appeal

    @GetMapping("/appeals/{id}")
    String appeal(@PathVariable UUID id, Model model) {
        FormChecks.fresh(model);
        return appealPage(id, model, null, Map.of());
    }

    /**
     * 查看联系方式 from the appeal's page: shown on this response only (never kept in the session or a redirect), with
     * the reason audited; a missing reason is said beside its field.
     */
    @PostMapping("/appeals/{id}/contact")
    String contact(
            @PathVariable UUID id,
            @RequestParam(required = false) String reason,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        FormChecks.fresh(model);
        try {
            model.addAttribute("contact", management.viewContact(new AppealId(id), reason));
        } catch (DomainException e) {
            response.setStatus(forms.show(e, model, locale, "contactErrors", "contactProblem"));
        }
        response.setHeader("Cache-Control", "no-store");
        return appealPage(id, model, null, Map.of());
    }

    /** A photo of an appeal the viewer may read (cleaned JPEG); never cached by shared caches. */
    @GetMapping("/appeals/{id}/photos/{n}")
    org.springframework.http.ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable int n) {
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.IMAGE_JPEG)
                .cacheControl(org.springframework.http.CacheControl.noStore().cachePrivate())
                .body(queries.photo(new AppealId(id), n));
    }

    @GetMapping("/appeals/find")
    String find(@RequestParam(required = false) String code) {
        AppealView a = queries.byTrackingCode(code == null ? "" : code);
        return "redirect:/appeals/" + a.id();
    }

    private String appealPage(UUID id, Model model, AppealAction open, Map<String, String> entered) {
        AppealView appeal = queries.require(new AppealId(id));
        model.addAttribute("appeal", appeal);
        model.addAttribute("timeline", queries.timeline(new AppealId(id)));
        model.addAttribute("references", references.of(new AppealId(id)));
        Set<AppealAction> actions = queries.availableActions(new AppealId(id));
        model.addAttribute("actions", actions);
        model.addAttribute("open", open);
        model.addAttribute("entered", entered);
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("services", EmergencyService.values());
        model.addAttribute("satisfactions", Satisfaction.values());
        model.addAttribute("mayViewContact", queries.mayViewContact(new AppealId(id)));
        String asked = appeal.content() + (appeal.categoryName() == null ? "" : " " + appeal.categoryName());
        if (actions.contains(AppealAction.ANSWER_AT_INTAKE)) {
            model.addAttribute("answers", knowledge.search(asked, ArticleKind.ANSWER, 3));
        }
        if (actions.contains(AppealAction.REFER_TO_LEGAL_ROUTE)) {
            model.addAttribute("routes", knowledge.search(asked, ArticleKind.LEGAL_ROUTE, 3));
        }
        if (actions.contains(AppealAction.LINK_AS_REPEAT)) {
            model.addAttribute("repeats", queries.possibleRepeats(new AppealId(id)));
        }
        Routing directory = routing.getIfAvailable();
        if (directory != null
                && (actions.contains(AppealAction.DISPATCH) || actions.contains(AppealAction.REDISPATCH))
                && appeal.categoryCode() != null) {
            UUID place = appeal.grid() != null
                    ? appeal.grid().id()
                    : appeal.community() != null
                            ? appeal.community().id()
                            : appeal.subdistrict() == null
                                    ? null
                                    : appeal.subdistrict().id();
            model.addAttribute(
                    "suggested",
                    place == null
                            ? null
                            : directory
                                    .route(appeal.categoryCode(), place)
                                    .flatMap(r -> organisations.organisation(new OrganisationId(r.leadId())))
                                    .map(org.gongzhi.organization.OrganisationView::name)
                                    .orElse(null));
        }
        return "appeal/detail";
    }

    /** One action from the appeal's page: the version the page was read at travels with it. */
    @PostMapping("/appeals/{id}/act")
    String act(
            @PathVariable UUID id,
            @RequestParam Map<String, String> form,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes next) {
        Violations violations = new Violations();
        AppealAction action = FormChecks.choice(AppealAction.class, "action", form.get("action"), violations);
        if (action == null) {
            throw DomainException.invalid(violations.list());
        }
        try {
            take(
                    new AppealId(id),
                    FormChecks.versionRead(form.get("version"), 0, "appeal.version.required"),
                    action,
                    form);
            notices.next(next, "appeal.page.done", org.gongzhi.shared.Label.of("appeal.action.", action));
            return "redirect:/appeals/" + id;
        } catch (DomainException e) {
            if (e.kind() == ErrorKind.CONFLICT && e.violations().stream().anyMatch(v -> "state".equals(v.location()))
                    || e.code().equals("appeal.version.stale")
                    || e.kind() == ErrorKind.PRECONDITION_REQUIRED) {
                // The appeal moved on under the page (or the page sent no version): show it as it is now, the reason
                // at the top, and what was typed still in the action's form if the action is still offered.
                response.setStatus(forms.refusal(
                        e.code().equals("appeal.version.stale") ? e.as(ErrorKind.CONFLICT) : e, model, locale));
                Map<String, String> typed = new java.util.HashMap<>(form);
                typed.remove("version");
                return appealPage(id, model, action, typed);
            }
            response.setStatus(forms.show(e, model, locale));
            return appealPage(id, model, action, form);
        }
    }

    private void take(AppealId id, long v, AppealAction action, Map<String, String> f) {
        switch (action) {
            case ACCEPT ->
                management.accept(
                        id,
                        v,
                        f.get("categoryCode"),
                        FormChecks.choice(Urgency.class, "urgency", f.get("urgency"), new Violations()));
            case VOID -> management.invalidate(id, v, f.get("reason"));
            case ANSWER_AT_INTAKE ->
                management.answerAtIntake(id, v, orArticle(f.get("answer"), f.get("article"), ArticleKind.ANSWER));
            case REFER_TO_LEGAL_ROUTE ->
                management.referToLegalRoute(
                        id, v, orArticle(f.get("route"), f.get("article"), ArticleKind.LEGAL_ROUTE));
            case LINK_AS_REPEAT ->
                management.linkAsRepeat(
                        id,
                        v,
                        original(
                                f.get("original") == null || f.get("original").isBlank()
                                        ? f.get("suggestedOriginal")
                                        : f.get("original")),
                        f.get("reason"));
            case HAND_OFF_EMERGENCY ->
                management.handOffEmergency(
                        id, v, choice(EmergencyService.class, "service", f.get("service")), f.get("note"));
            case REVIEW_SELF_HANDLING -> management.reviewSelfHandling(id, v, yes(f, "confirmed"), f.get("note"));
            case DISPATCH -> management.dispatch(id, v, organisation(f.get("handlerId")), List.of());
            case REDISPATCH ->
                management.redispatch(id, v, organisation(f.get("handlerId")), List.of(), f.get("reason"));
            case SIGN -> management.sign(id, v);
            case OBJECT -> management.object(id, v, f.get("reason"));
            case RESPOND -> management.respond(id, v, f.get("note"));
            case NOTE -> management.note(id, f.get("text"));
            case REQUEST_EXTENSION -> management.requestExtension(id, v, f.get("extension"), f.get("reason"));
            case DECIDE_EXTENSION -> management.decideExtension(id, v, yes(f, "approved"), f.get("reason"));
            case SUSPEND -> management.suspend(id, v, f.get("reason"));
            case RESUME -> management.resume(id, v, f.get("reason"));
            case ANSWER -> management.answer(id, v, f.get("result"));
            case FOLLOW_UP ->
                management.followUp(
                        id,
                        v,
                        !"false".equals(f.get("reached")),
                        f.get("resolved") == null || f.get("resolved").isBlank() ? null : yes(f, "resolved"),
                        f.get("satisfaction") == null || f.get("satisfaction").isBlank()
                                ? null
                                : choice(Satisfaction.class, "satisfaction", f.get("satisfaction")),
                        f.get("comment"));
            case VERIFY -> management.verify(id, v, yes(f, "passed"), f.get("note"));
            case CLOSE -> management.close(id, v, f.get("note"));
            case REWORK -> management.rework(id, v, f.get("reason"));
            case REGISTER -> throw DomainException.invalid("form.choose");
        }
    }

    /** The text typed, or else the knowledge-base article chosen: its answer and the rule it rests on. */
    private String orArticle(String typed, String article, ArticleKind kind) {
        if ((typed != null && !typed.isBlank()) || article == null || article.isBlank()) {
            return typed;
        }
        Violations v = new Violations();
        UUID id = FormChecks.id("article", article, v);
        v.throwIfAny();
        KnowledgeArticle a = knowledge.require(id);
        if (!a.active() || a.kind() != kind) {
            throw DomainException.invalid(
                    List.of(org.gongzhi.shared.Violation.of("article", "appeal.knowledge.not-offered")));
        }
        return a.answerWithSource();
    }

    private static boolean yes(Map<String, String> f, String field) {
        return "true".equals(f.get(field));
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String field, String text) {
        Violations v = new Violations();
        E value = FormChecks.choice(type, field, text, v);
        if (value == null) {
            v.add(field, "form.choose");
        }
        v.throwIfAny();
        return value;
    }

    private static OrganisationId organisation(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        Violations v = new Violations();
        UUID uuid = FormChecks.id("handlerId", id, v);
        v.throwIfAny();
        return new OrganisationId(uuid);
    }

    private AppealId original(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return queries.byTrackingCode(code).id();
        } catch (DomainException e) {
            throw DomainException.invalid(
                    List.of(org.gongzhi.shared.Violation.of("original", "appeal.repeat.original-unknown")));
        }
    }

    // ---------------------------------------------------------------- intake

    @GetMapping("/appeals/new")
    String intake(Model model) {
        FormChecks.fresh(model);
        return intakePage(
                model, IntakeForm.blank(offered().isEmpty() ? null : offered().get(0)));
    }

    @PostMapping("/appeals")
    String register(
            IntakeForm form, Model model, Locale locale, HttpServletResponse response, RedirectAttributes next) {
        Violations violations = new Violations();
        RegisterAppeal command = form.command(violations);
        FormChecks.picked("categoryCode", form.categoryCode(), form.categoryCodeText(), violations);
        FormChecks.picked("unitCode", form.unitCode(), form.unitCodeText(), violations);
        if (!violations.isEmpty()) {
            FormChecks.addUnseen(violations, management.problemsWith(command));
        }
        try {
            if (violations.isEmpty()) {
                RegisteredAppeal r = management.register(command);
                if (r.repeated()) {
                    notices.next(next, "appeal.page.repeated", r.appeal().workOrderNumber());
                } else {
                    notices.next(next, "appeal.page.registered", r.appeal().trackingCode(), r.token());
                }
                return "redirect:/appeals/" + r.appeal().id();
            }
            response.setStatus(forms.show(violations, model, locale));
        } catch (DomainException e) {
            response.setStatus(forms.show(e, model, locale));
        }
        return intakePage(model, form);
    }

    /** The caller's earlier appeals while they are on the line: the number comes in the body, never the URL. */
    @PostMapping("/appeals/new/caller-history")
    String callerHistory(@RequestParam(required = false) String reporterPhone, Model model) {
        model.addAttribute("callers", queries.earlierByPhone(reporterPhone, 10));
        return "appeal/intake-lookups :: callers";
    }

    /** The places the address names, for the operator to confirm one (text in the body: it may be a home). */
    @PostMapping("/appeals/new/address-candidates")
    String addressCandidates(
            @RequestParam(required = false) String address, Model model, Locale locale, HttpServletResponse response) {
        may.require(AppealPermission.READ);
        try {
            model.addAttribute("places", territory.addressCandidates(address, territory.within(scopes.current()), 8));
        } catch (DomainException e) {
            // Text the look-up refuses (too long, invisible characters) is said where the places would be.
            response.setStatus(forms.show(e, model, locale));
            model.addAttribute("places", List.of());
        }
        return "appeal/intake-lookups :: places";
    }

    private String intakePage(Model model, IntakeForm form) {
        may.require(AppealPermission.READ);
        model.addAttribute("form", form);
        model.addAttribute("channels", offered());
        model.addAttribute("types", AppealType.values());
        model.addAttribute("urgencies", Urgency.values());
        return "appeal/intake";
    }

    /** The channels the viewer's roles may register from. */
    private List<Channel> offered() {
        List<Channel> out = new ArrayList<>();
        for (Channel c : STAFF_CHANNELS) {
            if (may.to(AppealPermission.registering(c).code())) {
                out.add(c);
            }
        }
        return out;
    }

    /** The intake form as typed. */
    record IntakeForm(
            String channel,
            String type,
            String categoryCode,
            String categoryCodeText,
            String urgency,
            String content,
            String address,
            String unitCode,
            String unitCodeText,
            String streetCode,
            String streetName,
            String reporterName,
            String reporterPhone,
            String anonymous,
            String workOrderNumber,
            String selfHandling) {

        static IntakeForm blank(Channel channel) {
            return new IntakeForm(
                    channel == null ? null : channel.name(),
                    AppealType.COMPLAINT.name(),
                    null,
                    null,
                    Urgency.ORDINARY.name(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        RegisterAppeal command(Violations v) {
            return new RegisterAppeal(
                    FormChecks.choice(Channel.class, "channel", channel, v),
                    FormChecks.choice(AppealType.class, "type", type, v),
                    categoryCode,
                    FormChecks.choice(Urgency.class, "urgency", urgency, v),
                    content,
                    address,
                    null,
                    null,
                    unitCode,
                    streetCode,
                    reporterName,
                    reporterPhone,
                    "true".equals(anonymous) || "on".equals(anonymous),
                    workOrderNumber,
                    selfHandling);
        }
    }
}
