package org.gongzhi.appeal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.gongzhi.appeal.AppealQueries;
import org.gongzhi.appeal.FollowUps;
import org.gongzhi.appeal.Satisfaction;
import org.gongzhi.identity.PhoneCodes;
import org.gongzhi.identity.ResidentPrincipal;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ErrorKind;
import org.gongzhi.shared.Violations;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 回访 on the resident's phone: the link in the text that told them of the answer leads here; a code sent to the
 * reporter's number proves they hold it (the proof stays in the server-side session for 30 minutes); then they read
 * the answer and rate it once. A resident signed in with the appeal's own account rates it from its page instead.
 */
@Controller
class FollowUpPages {

    /** The proof of the number, kept in the session between the code step and the rating. */
    static final String PROOF = "appealFollowUpProof";

    private final FollowUps followUps;
    private final AppealQueries queries;
    private final FormChecks forms;
    private final MessageSource messages;

    FollowUpPages(FollowUps followUps, AppealQueries queries, FormChecks forms, MessageSource messages) {
        this.followUps = followUps;
        this.queries = queries;
        this.forms = forms;
        this.messages = messages;
    }

    /** The rating form as typed. */
    record RatingForm(String resolved, String satisfaction, String comment) {

        static final RatingForm EMPTY = new RatingForm(null, null, null);
    }

    @GetMapping("/track/{code}/follow-up")
    String page(
            @PathVariable String code,
            @RequestParam(required = false) String sent,
            @RequestParam(name = "k", required = false) String key,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        FormChecks.fresh(model);
        model.addAttribute("form", RatingForm.EMPTY);
        model.addAttribute("k", key);
        return show(code, sent != null, request, response, model, locale);
    }

    private String show(
            String code,
            boolean sent,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        FollowUps.Proof proof = proof(request, code);
        if (proof != null) {
            try {
                model.addAttribute("tracked", followUps.proven(proof));
                return "appeal/follow-up";
            } catch (DomainException e) {
                request.getSession().removeAttribute(PROOF);
                if (e.kind() == ErrorKind.CONFLICT) {
                    response.setStatus(409);
                    model.addAttribute("problem", text(e, locale));
                    return "appeal/follow-up";
                }
            }
        }
        // Without the key of the link in the text, a tracking code alone shows nothing and sends no code.
        var invitation = followUps.invitation(code, (String) model.getAttribute("k"));
        if (invitation.isEmpty()) {
            response.setStatus(404);
            model.addAttribute("problem", messages.getMessage("appeal.follow-up.not-open", null, locale));
            return "appeal/follow-up";
        }
        model.addAttribute("invitation", invitation.get());
        model.addAttribute("sent", sent);
        return "appeal/follow-up";
    }

    @PostMapping("/track/{code}/follow-up/code")
    String sendCode(
            @PathVariable String code,
            @RequestParam(name = "k", required = false) String key,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        FormChecks.fresh(model);
        model.addAttribute("form", RatingForm.EMPTY);
        model.addAttribute("k", key);
        PhoneCodes.CodeRequest requested;
        try {
            requested = followUps.sendCode(code, key, request.getRemoteAddr());
        } catch (DomainException e) {
            return show(code, false, request, response, model, locale);
        }
        if (requested.outcome() == PhoneCodes.Outcome.SENT) {
            return "redirect:/track/" + code + "/follow-up?sent&k=" + key;
        }
        String page = show(code, true, request, response, model, locale);
        // RFC 6585 §4: too many requests, and when to try again.
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(requested.retryAfterSeconds()));
        model.addAttribute(
                "problem",
                messages.getMessage(
                        requested.outcome() == PhoneCodes.Outcome.TOO_SOON
                                ? "identity.code.too-soon"
                                : "identity.code.too-many",
                        null,
                        locale));
        return page;
    }

    @PostMapping("/track/{code}/follow-up/verify")
    String verify(
            @PathVariable String code,
            @RequestParam(name = "code", required = false) String typed,
            @RequestParam(name = "k", required = false) String key,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        FormChecks.fresh(model);
        model.addAttribute("form", RatingForm.EMPTY);
        model.addAttribute("k", key);
        try {
            FollowUps.Proof proof = followUps.prove(code, key, typed);
            // A new session id once the number is proven, so an id planted before is worth nothing.
            request.getSession(true);
            request.changeSessionId();
            request.getSession().setAttribute(PROOF, proof);
            return "redirect:/track/" + code + "/follow-up";
        } catch (DomainException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return show(code, false, request, response, model, locale);
            }
            String page = show(code, true, request, response, model, locale);
            response.setStatus(forms.show(e, model, locale));
            return page;
        }
    }

    @PostMapping("/track/{code}/follow-up")
    String rate(
            @PathVariable String code,
            RatingForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        FormChecks.fresh(model);
        model.addAttribute("form", form);
        FollowUps.Proof proof = proof(request, code);
        if (proof == null) {
            // The number was never proven here (or the session ended): nothing is recorded; prove it first.
            return refused(code, "appeal.follow-up.prove-first", request, response, model, locale);
        }
        try {
            followUps.answer(proof, answer(form));
            request.getSession().removeAttribute(PROOF);
            return "redirect:/track/" + code + "/follow-up/done";
        } catch (DomainException e) {
            if (e.kind() == ErrorKind.FORBIDDEN) {
                request.getSession().removeAttribute(PROOF);
                return refused(code, e.code(), request, response, model, locale);
            }
            String page = show(code, false, request, response, model, locale);
            response.setStatus(forms.show(e, model, locale));
            return page;
        }
    }

    /** The page as it is now, with a 403 saying why nothing was recorded. */
    private String refused(
            String code,
            String why,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        String page = show(code, false, request, response, model, locale);
        response.setStatus(403);
        model.addAttribute("problem", messages.getMessage(why, null, locale));
        return page;
    }

    @GetMapping("/track/{code}/follow-up/done")
    String done(Model model) {
        model.addAttribute("done", true);
        FormChecks.fresh(model);
        return "appeal/follow-up";
    }

    /** The reporter signed in with the appeal's own account rates it from the appeal's page. */
    @PostMapping("/resident/appeals/{code}/follow-up")
    String rateOwn(
            @AuthenticationPrincipal ResidentPrincipal resident,
            @PathVariable String code,
            RatingForm form,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        FormChecks.fresh(model);
        try {
            followUps.answerAsResident(resident.residentId(), code, answer(form));
            return "redirect:/resident/appeals/" + code + "?rated";
        } catch (DomainException e) {
            int status = forms.show(e, model, locale);
            model.addAttribute("tracked", queries.ofResident(resident.residentId(), code));
            model.addAttribute("own", true);
            model.addAttribute("form", form);
            response.setStatus(status);
            return "appeal/track";
        }
    }

    private static FollowUps.Answer answer(RatingForm form) {
        Violations v = new Violations();
        Boolean resolved = form.resolved() == null || form.resolved().isBlank()
                ? null
                : switch (form.resolved().strip()) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> {
                        v.add("resolved", "form.choose");
                        yield null;
                    }
                };
        Satisfaction satisfaction = FormChecks.choice(Satisfaction.class, "satisfaction", form.satisfaction(), v);
        v.throwIfAny();
        return new FollowUps.Answer(resolved, satisfaction, form.comment());
    }

    /** The proof in this session for this appeal, or null. */
    private static FollowUps.Proof proof(HttpServletRequest request, String code) {
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(PROOF) instanceof FollowUps.Proof p
                && p.trackingCode().equalsIgnoreCase(code == null ? "" : code.strip())) {
            return p;
        }
        return null;
    }

    private String text(DomainException e, Locale locale) {
        return messages.getMessage(e.code(), e.args().toArray(), e.code(), locale);
    }
}
