package org.gongzhi.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gongzhi.identity.AccountManagement;
import org.gongzhi.identity.AccountView;
import org.gongzhi.identity.OpenAccount;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.domain.Totp;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganisationView;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.FieldMessages;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.platform.Notices;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ErrorKind;
import org.gongzhi.shared.Violation;
import org.gongzhi.shared.Violations;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitId;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 安全管理员's pages: the accounts with their status and last sign-in, opening one with roles and a scope chosen
 * with pickers, and caring for one — rights, unlock, a temporary password, a new second factor, disable. A secret
 * (the TOTP QR code, a temporary password) is shown once, on the page the change leads to, and never cached.
 */
@Controller
class AccountPages {

    private final AccountManagement accounts;
    private final TerritoryQueries territory;
    private final OrganizationQueries organizations;
    private final FieldMessages fieldMessages;
    private final FormChecks forms;
    private final TransactionTemplate transaction;
    private final Notices notices;
    private final SecureRandom random = new SecureRandom();

    AccountPages(
            AccountManagement accounts,
            TerritoryQueries territory,
            OrganizationQueries organizations,
            FieldMessages fieldMessages,
            FormChecks forms,
            TransactionTemplate transaction,
            Notices notices) {
        this.accounts = accounts;
        this.territory = territory;
        this.organizations = organizations;
        this.fieldMessages = fieldMessages;
        this.forms = forms;
        this.transaction = transaction;
        this.notices = notices;
    }

    @GetMapping("/admin/accounts")
    String list(Model model) {
        var all = accounts.accounts();
        var unitIds =
                all.stream().flatMap(a -> a.units().stream()).map(UnitId::new).collect(Collectors.toSet());
        Map<UUID, String> unitNames = new LinkedHashMap<>();
        territory.units(unitIds).forEach((id, unit) -> unitNames.put(id.value(), unit.name()));
        Map<UUID, String> organisationNames = new LinkedHashMap<>();
        all.stream()
                .flatMap(a -> a.organisations().stream())
                .distinct()
                .forEach(id -> organizations
                        .organisation(new OrganisationId(id))
                        .ifPresent(o -> organisationNames.put(id, o.name())));
        model.addAttribute("accounts", all);
        model.addAttribute("unitNames", unitNames);
        model.addAttribute("organisationNames", organisationNames);
        model.addAttribute("states", accounts.signInStates());
        return "identity/accounts";
    }

    @GetMapping("/admin/accounts/new")
    String form(Model model) {
        FormChecks.fresh(model);
        return openPage(model, ScopeRows.none(), Set.of(), null, null, false);
    }

    private String openPage(
            Model model, ScopeRows scope, Set<Role> granted, String username, String displayName, boolean mayUnmask) {
        model.addAttribute("roles", staffRoles());
        model.addAttribute("rules", accounts.passwordRules());
        model.addAttribute("scope", scope);
        model.addAttribute("granted", granted);
        model.addAttribute("username", username);
        model.addAttribute("displayName", displayName);
        model.addAttribute("mayUnmask", mayUnmask);
        return "identity/account-form";
    }

    @PostMapping("/admin/accounts")
    String open(
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) List<Role> roles,
            @RequestParam(required = false) boolean mayUnmask,
            HttpServletRequest request,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes next) {
        Set<Role> granted = roles == null ? Set.of() : EnumSet.copyOf(roles);
        ScopeRows scope = ScopeRows.of(request);
        boolean needsCode = mayUnmask || granted.stream().anyMatch(Role::administrator);
        String secret = needsCode ? Totp.newSecret(random) : null;
        try {
            Violations picked = scope.check();
            picked.throwIfAny();
            var opened = transaction.execute(s -> accounts.open(new OpenAccount(
                    username,
                    displayName,
                    password,
                    granted,
                    scope.unitCodes(),
                    scope.organisationIds(),
                    mayUnmask,
                    secret)));
            showOnce(next, opened.username(), secret, null);
            notices.next(next, "admin.account.opened", opened.username());
            return "redirect:/admin/accounts/" + opened.id();
        } catch (DomainException e) {
            response.setStatus(400);
            model.addAttribute("errors", describe(e, locale));
            model.addAttribute("problem", null);
            return openPage(model, scope, granted, username, displayName, mayUnmask);
        }
    }

    /** The TOTP secret and QR code, or a temporary password, for the next page only. */
    private static void showOnce(RedirectAttributes next, String username, String secret, String temporaryPassword) {
        if (secret != null) {
            next.addFlashAttribute("secret", secret);
            next.addFlashAttribute("qr", EnrolmentCode.dataUri(Totp.enrolmentUri("共治 Gongzhi", username, secret)));
        }
        if (temporaryPassword != null) {
            next.addFlashAttribute("temporaryPassword", temporaryPassword);
        }
    }

    @GetMapping("/admin/accounts/{id}")
    String edit(@PathVariable UUID id, Model model, HttpServletResponse response) {
        if (model.containsAttribute("secret") || model.containsAttribute("temporaryPassword")) {
            response.setHeader("Cache-Control", "no-store");
        }
        AccountView account = accounts.account(id);
        FormChecks.fresh(model);
        return editPage(model, account, account.roles(), ScopeRows.of(account, territory, organizations));
    }

    private String editPage(Model model, AccountView account, Set<Role> granted, ScopeRows scope) {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        // One's own account is changed by another 安全管理员; here only one's own password, on its own page.
        model.addAttribute("own", auth != null && account.username().equals(auth.getName()));
        model.addAttribute("account", account);
        model.addAttribute("state", accounts.signInState(account.id()));
        model.addAttribute("roles", staffRoles());
        model.addAttribute("granted", granted);
        model.addAttribute("scope", scope);
        return "identity/account-edit";
    }

    /** Saves new rights; a stale form (someone changed the account in between) is refused and nothing changes. */
    @PostMapping("/admin/accounts/{id}")
    String regrant(
            @PathVariable UUID id,
            @RequestParam long version,
            @RequestParam(required = false) List<Role> roles,
            @RequestParam(required = false) boolean mayUnmask,
            @RequestParam(required = false) boolean enabled,
            HttpServletRequest request,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes next) {
        Set<Role> granted = roles == null ? Set.of() : EnumSet.copyOf(roles);
        ScopeRows scope = ScopeRows.of(request);
        try {
            scope.check().throwIfAny();
            String secret = transaction.execute(s -> accounts.regrant(
                    id,
                    new AccountManagement.Regrant(
                            version, granted, scope.unitCodes(), scope.organisationIds(), mayUnmask, enabled)));
            AccountView account = accounts.account(id);
            showOnce(next, account.username(), secret, null);
            notices.next(next, "admin.account.saved", account.username());
            return "redirect:/admin/accounts/" + id;
        } catch (DomainException e) {
            if (e.violations().isEmpty() && e.kind() == ErrorKind.CONFLICT) {
                // Changed by someone else since the form was read: show what is saved now, say why, change nothing.
                response.setStatus(forms.refusal(e, model, locale));
                AccountView current = accounts.account(id);
                return editPage(model, current, current.roles(), ScopeRows.of(current, territory, organizations));
            }
            if (e.violations().isEmpty()) {
                throw e;
            }
            response.setStatus(400);
            model.addAttribute("errors", describe(e, locale));
            model.addAttribute("problem", null);
            return editPage(model, accounts.account(id), granted, scope);
        }
    }

    @PostMapping("/admin/accounts/{id}/unlock")
    String unlock(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes next) {
        return care(id, model, response, next, () -> {
            accounts.unlock(id);
            notices.next(next, "admin.account.unlocked", accounts.account(id).username());
        });
    }

    /**
     * Runs one care action and redirects to the account's page. A refusal the person cannot fix by retyping (the account
     * is their own, or was unlocked meanwhile) answers 409 with the account's page, the reason at its top.
     */
    private String care(UUID id, Model model, HttpServletResponse response, RedirectAttributes next, Runnable action) {
        try {
            action.run();
            return "redirect:/admin/accounts/" + id;
        } catch (DomainException e) {
            if (e.kind() != ErrorKind.CONFLICT) {
                throw e;
            }
            response.setStatus(forms.refusal(e, model, locale()));
            AccountView account = accounts.account(id);
            return editPage(model, account, account.roles(), ScopeRows.of(account, territory, organizations));
        }
    }

    private static Locale locale() {
        return org.springframework.context.i18n.LocaleContextHolder.getLocale();
    }

    @PostMapping("/admin/accounts/{id}/password")
    String resetPassword(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes next) {
        return care(id, model, response, next, () -> {
            String temporary = accounts.resetPassword(id);
            showOnce(next, null, null, temporary);
            notices.next(
                    next, "admin.account.password-reset", accounts.account(id).username());
        });
    }

    @PostMapping("/admin/accounts/{id}/second-factor")
    String reenrol(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes next) {
        return care(id, model, response, next, () -> {
            String secret = accounts.reenrol(id);
            String username = accounts.account(id).username();
            showOnce(next, username, secret, null);
            notices.next(next, "admin.account.reenrolled", username);
        });
    }

    @PostMapping("/admin/accounts/{id}/enabled")
    String enable(
            @PathVariable UUID id,
            @RequestParam boolean enabled,
            Model model,
            HttpServletResponse response,
            RedirectAttributes next) {
        return care(id, model, response, next, () -> {
            accounts.enable(id, enabled);
            notices.next(
                    next,
                    enabled ? "admin.account.enabled-now" : "admin.account.disabled-now",
                    accounts.account(id).username());
        });
    }

    private Map<String, String> describe(DomainException e, Locale locale) {
        List<Violation> violations = e.violations().isEmpty()
                ? List.of(Violation.of("roles", e.code(), e.args().toArray()))
                : e.violations();
        return fieldMessages.byField(violations, locale);
    }

    /** Residents sign in by SMS code and have no staff account. */
    private static List<Role> staffRoles() {
        return Arrays.stream(Role.values()).filter(r -> r != Role.RESIDENT).toList();
    }

    /** One picked place in a scope: the code or id posted, and the name shown. */
    record Picked(String value, String text) {}

    /** The scope as picked: units (by code) and organisations (by id), one picker row each. */
    record ScopeRows(List<Picked> units, List<Picked> organisations) {

        static ScopeRows none() {
            return new ScopeRows(List.of(new Picked(null, null)), List.of(new Picked(null, null)));
        }

        static ScopeRows of(AccountView account, TerritoryQueries territory, OrganizationQueries organizations) {
            List<Picked> units = new ArrayList<>();
            territory.units(account.units().stream().map(UnitId::new).toList()).values().stream()
                    .sorted(java.util.Comparator.comparing(u -> u.code()))
                    .forEach(u -> units.add(new Picked(u.code(), u.name())));
            List<Picked> orgs = new ArrayList<>();
            account.organisations()
                    .forEach(id -> organizations
                            .organisation(new OrganisationId(id))
                            .map(OrganisationView::name)
                            .ifPresent(n -> orgs.add(new Picked(id.toString(), n))));
            units.add(new Picked(null, null));
            orgs.add(new Picked(null, null));
            return new ScopeRows(units, orgs);
        }

        static ScopeRows of(HttpServletRequest request) {
            return new ScopeRows(
                    rows(request.getParameterValues("unitCodes"), request.getParameterValues("unitCodesText")),
                    rows(
                            request.getParameterValues("organisationIds"),
                            request.getParameterValues("organisationIdsText")));
        }

        private static List<Picked> rows(String[] values, String[] texts) {
            List<Picked> rows = new ArrayList<>();
            int n = Math.max(values == null ? 0 : values.length, texts == null ? 0 : texts.length);
            for (int i = 0; i < n; i++) {
                rows.add(new Picked(
                        values != null && i < values.length ? values[i] : null,
                        texts != null && i < texts.length ? texts[i] : null));
            }
            if (rows.isEmpty()) {
                rows.add(new Picked(null, null));
            }
            return rows;
        }

        /** A name typed but not picked is refused, beside the scope, rather than guessed. */
        Violations check() {
            Violations v = new Violations();
            units.forEach(p -> FormChecks.picked("unitCodes", p.value(), p.text(), v));
            organisations.forEach(p -> FormChecks.picked("organisationIds", p.value(), p.text(), v));
            return v;
        }

        Set<String> unitCodes() {
            return units.stream()
                    .map(Picked::value)
                    .filter(v -> v != null && !v.isBlank())
                    .map(String::strip)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }

        Set<UUID> organisationIds() {
            Set<UUID> ids = new LinkedHashSet<>();
            for (Picked p : organisations) {
                if (p.value() != null && !p.value().isBlank()) {
                    try {
                        ids.add(UUID.fromString(p.value().strip()));
                    } catch (IllegalArgumentException e) {
                        throw DomainException.invalid(List.of(Violation.of("organisationIds", "form.choose")));
                    }
                }
            }
            return ids;
        }
    }
}
