package org.gongzhi.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.gongzhi.identity.PhoneCodes;
import org.gongzhi.identity.ResidentPrincipal;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.domain.ResidentSignIns;
import org.gongzhi.platform.PersonalDataCipher;
import org.gongzhi.shared.PhoneNumber;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Resident sign-in: a mobile number, then the code sent to it. The number travels only in form posts (never in an
 * address); the session keeps it encrypted between sending the code and the code step, and afterwards only the
 * resident's id and masked number.
 */
@Controller
class ResidentPages {

    /** The number a code was just sent to, encrypted, for the code step that the redirect leads to. */
    static final String PENDING = "residentPendingPhone";

    private final ResidentSignIns signIns;
    private final PersonalDataCipher cipher;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ResidentPages(ResidentSignIns signIns, PersonalDataCipher cipher) {
        this.signIns = signIns;
        this.cipher = cipher;
    }

    /**
     * The phone step, or — after a code was sent ({@code ?step=code}) — the code step for the number kept (encrypted) in the
     * session, so that reloading it or switching its language sends nothing again.
     */
    @GetMapping("/resident/login")
    String phoneForm(
            @RequestParam(required = false) String step,
            @RequestParam(required = false) String next,
            HttpServletRequest request,
            Model model) {
        carried(next, model);
        var session = request.getSession(false);
        if ("code".equals(step) && session != null && session.getAttribute(PENDING) instanceof String sealed) {
            PhoneNumber number = PhoneNumber.parse(cipher.decrypt("resident.phone", sealed));
            model.addAttribute("phone", number.value());
            model.addAttribute("masked", number.masked());
            model.addAttribute("sent", true);
        }
        return "identity/resident-login";
    }

    @PostMapping("/resident/code")
    String sendCode(
            @RequestParam String phone,
            @RequestParam(required = false) String next,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String after = carried(next, model);
        if (!PhoneNumber.isValid(phone)) {
            response.setStatus(400);
            model.addAttribute("problem", "phone.invalid");
            // What was typed stays in the box to be corrected (it goes back in this page only, never in an address).
            model.addAttribute("phone", phone.length() <= 20 ? phone : null);
            return "identity/resident-login";
        }
        PhoneNumber number = PhoneNumber.parse(phone);
        var requested = signIns.sendCode(number, request.getRemoteAddr());
        var outcome = requested.outcome();
        model.addAttribute("phone", number.value());
        model.addAttribute("masked", number.masked());
        if (outcome != PhoneCodes.Outcome.SENT) {
            // RFC 6585 §4: too many requests, and when to try again (whole seconds, rounded up).
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(requested.retryAfterSeconds()));
        }
        switch (outcome) {
            case SENT -> {
                // POST–redirect–GET: the code step is a page of its own; the number waits in the session, sealed.
                request.getSession(true).setAttribute(PENDING, cipher.encrypt("resident.phone", number.value()));
                return after == null
                        ? "redirect:/resident/login?step=code"
                        : "redirect:/resident/login?step=code&next=" + after;
            }
            case TOO_SOON -> model.addAttribute("problem", "identity.code.too-soon");
            case TOO_MANY -> model.addAttribute("problem", "identity.code.too-many");
        }
        return "identity/resident-login";
    }

    @PostMapping("/resident/login")
    String signIn(
            @RequestParam String phone,
            @RequestParam String code,
            @RequestParam(required = false) String next,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String after = carried(next, model);
        if (!PhoneNumber.isValid(phone)) {
            response.setStatus(400);
            model.addAttribute("problem", "phone.invalid");
            return "identity/resident-login";
        }
        PhoneNumber number = PhoneNumber.parse(phone);
        String typed = code == null ? "" : org.gongzhi.shared.Text.digits(code);
        if (!typed.matches("[0-9]{6}")) {
            // Not a code at all (empty, letters): said at once, and not counted as one of the five tries.
            response.setStatus(400);
            model.addAttribute("phone", number.value());
            model.addAttribute("masked", number.masked());
            model.addAttribute("sent", true);
            model.addAttribute("problem", "identity.code.format");
            return "identity/resident-login";
        }
        var resident = signIns.signIn(number, typed);
        if (resident.isEmpty()) {
            // RFC 9110 §15.5.2: the credentials given were refused; the page says so and lets the resident retry.
            response.setStatus(401);
            model.addAttribute("phone", number.value());
            model.addAttribute("masked", number.masked());
            model.addAttribute("sent", true);
            model.addAttribute("problem", "identity.code.wrong");
            return "identity/resident-login";
        }
        // A new session id at sign-in, so that an id planted before it is worth nothing afterwards.
        if (request.getSession(false) != null) {
            request.getSession().removeAttribute(PENDING);
            request.changeSessionId();
        } else {
            request.getSession(true);
        }
        var principal = new ResidentPrincipal(resident.get().id(), number.masked());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                principal, null, List.of(new SimpleGrantedAuthority("ROLE_" + Role.RESIDENT.name()))));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:" + (after == null ? "/resident" : after);
    }

    /**
     * Where to go after signing in, when the resident came from a public page (a project to evaluate): a path of this
     * site under {@code /public/} or {@code /resident/} only — letters, digits, '-' and '/' — so that the parameter can
     * never send anyone to another site (no scheme, no "//", no query).
     */
    static String safeNext(String next) {
        return next != null && SAFE_NEXT.matcher(next).matches() ? next : null;
    }

    /** The safe {@code next} (or null), also put on the page so that each step's form carries it on. */
    private static String carried(String next, Model model) {
        String safe = safeNext(next);
        model.addAttribute("next", safe);
        return safe;
    }

    private static final java.util.regex.Pattern SAFE_NEXT =
            java.util.regex.Pattern.compile("/(public|resident)(/[A-Za-z0-9-]+){1,4}");

    @GetMapping("/resident")
    String home() {
        return "identity/resident-home";
    }
}
