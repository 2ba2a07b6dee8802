package org.gongzhi.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.gongzhi.identity.AccountManagement;
import org.gongzhi.identity.StaffPrincipal;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.platform.Notices;
import org.gongzhi.shared.DomainException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A staff member's own account: choosing a new password, with the rules shown before the first attempt. */
@Controller
class OwnAccountPages {

    private final AccountManagement accounts;
    private final FormChecks forms;
    private final Notices notices;

    OwnAccountPages(AccountManagement accounts, FormChecks forms, Notices notices) {
        this.accounts = accounts;
        this.forms = forms;
        this.notices = notices;
    }

    @GetMapping(PasswordChangeFilter.PAGE)
    String form(@AuthenticationPrincipal StaffPrincipal staff, HttpServletRequest request, Model model) {
        FormChecks.fresh(model);
        return page(staff, request, model);
    }

    private String page(StaffPrincipal staff, HttpServletRequest request, Model model) {
        if (staff == null) {
            throw DomainException.forbidden("identity.forbidden");
        }
        HttpSession session = request.getSession(false);
        model.addAttribute("required", session != null && session.getAttribute(PasswordChangeFilter.REQUIRED) != null);
        model.addAttribute("rules", accounts.passwordRules());
        return "identity/password";
    }

    @PostMapping(PasswordChangeFilter.PAGE)
    String change(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(required = false) String current,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String repeated,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale,
            RedirectAttributes next) {
        if (staff == null) {
            throw DomainException.forbidden("identity.forbidden");
        }
        try {
            if (password == null || !password.equals(repeated)) {
                throw DomainException.invalid(
                        java.util.List.of(org.gongzhi.shared.Violation.of("repeated", "identity.password.repeat")));
            }
            accounts.changeOwnPassword(staff.username(), current, password);
        } catch (DomainException e) {
            response.setStatus(forms.show(e, model, locale));
            return page(staff, request, model);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PasswordChangeFilter.REQUIRED);
        }
        notices.next(next, "identity.password.changed-now");
        return "redirect:/workbench";
    }
}
