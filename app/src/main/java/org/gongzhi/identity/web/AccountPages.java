package org.gongzhi.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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
import org.gongzhi.platform.FieldMessages;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Violation;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitId;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The 安全管理员's pages: the accounts, and opening one with roles, a scope and — where needed — a TOTP secret whose QR
 * code is shown once, in the response that creates it.
 */
@Controller
class AccountPages {

    private final AccountManagement accounts;
    private final TerritoryQueries territory;
    private final FieldMessages fieldMessages;
    private final TransactionTemplate transaction;
    private final SecureRandom random = new SecureRandom();

    AccountPages(
            AccountManagement accounts,
            TerritoryQueries territory,
            FieldMessages fieldMessages,
            TransactionTemplate transaction) {
        this.accounts = accounts;
        this.territory = territory;
        this.fieldMessages = fieldMessages;
        this.transaction = transaction;
    }

    @GetMapping("/admin/accounts")
    String list(Model model) {
        var all = accounts.accounts();
        var unitIds =
                all.stream().flatMap(a -> a.units().stream()).map(UnitId::new).collect(Collectors.toSet());
        Map<UUID, String> unitNames = new LinkedHashMap<>();
        territory.units(unitIds).forEach((id, unit) -> unitNames.put(id.value(), unit.name()));
        model.addAttribute("accounts", all);
        model.addAttribute("unitNames", unitNames);
        return "identity/accounts";
    }

    @GetMapping("/admin/accounts/new")
    String form(Model model) {
        model.addAttribute("roles", staffRoles());
        model.addAttribute("errors", Map.of());
        return "identity/account-form";
    }

    @PostMapping("/admin/accounts")
    String open(
            @RequestParam String username,
            @RequestParam String displayName,
            @RequestParam String password,
            @RequestParam(required = false) List<Role> roles,
            @RequestParam(required = false, defaultValue = "") String unitCodes,
            @RequestParam(required = false) boolean mayUnmask,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Set<Role> granted = roles == null ? Set.of() : EnumSet.copyOf(roles);
        boolean needsCode = mayUnmask || granted.stream().anyMatch(Role::administrator);
        String secret = needsCode ? Totp.newSecret(random) : null;
        Set<String> codes = Arrays.stream(unitCodes.split("[,，\\s]+"))
                .map(String::strip)
                .filter(c -> !c.isEmpty())
                .collect(Collectors.toSet());
        try {
            var opened = transaction.execute(s -> accounts.open(
                    new OpenAccount(username, displayName, password, granted, codes, Set.of(), mayUnmask, secret)));
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("account", opened);
            if (secret != null) {
                String uri = Totp.enrolmentUri("共治 Gongzhi", opened.username(), secret);
                model.addAttribute("secret", secret);
                model.addAttribute("qr", EnrolmentCode.dataUri(uri));
            }
            return "identity/account-opened";
        } catch (DomainException e) {
            Map<String, String> errors = describe(
                    e.violations().isEmpty()
                            ? List.of(Violation.of("roles", e.code(), e.args().toArray()))
                            : e.violations(),
                    locale);
            response.setStatus(400);
            model.addAttribute("roles", staffRoles());
            model.addAttribute("errors", errors);
            model.addAttribute("username", username);
            model.addAttribute("displayName", displayName);
            model.addAttribute("unitCodes", unitCodes);
            model.addAttribute("granted", granted);
            model.addAttribute("mayUnmask", mayUnmask);
            return "identity/account-form";
        }
    }

    @GetMapping("/admin/accounts/{id}")
    String edit(@PathVariable UUID id, Model model) {
        AccountView account = accounts.account(id);
        model.addAttribute("account", account);
        model.addAttribute("roles", staffRoles());
        model.addAttribute("granted", account.roles());
        model.addAttribute(
                "unitCodes",
                territory.units(account.units().stream().map(UnitId::new).collect(Collectors.toSet())).values().stream()
                        .map(u -> u.code())
                        .sorted()
                        .collect(Collectors.joining(", ")));
        model.addAttribute("errors", Map.of());
        return "identity/account-edit";
    }

    /** Saves new rights; a stale form (someone changed the account in between) is refused and nothing changes. */
    @PostMapping("/admin/accounts/{id}")
    String regrant(
            @PathVariable UUID id,
            @RequestParam long version,
            @RequestParam(required = false) List<Role> roles,
            @RequestParam(required = false, defaultValue = "") String unitCodes,
            @RequestParam(required = false) boolean mayUnmask,
            @RequestParam(required = false) boolean enabled,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Set<Role> granted = roles == null ? Set.of() : EnumSet.copyOf(roles);
        try {
            String secret = transaction.execute(s -> accounts.regrant(
                    id, new AccountManagement.Regrant(version, granted, codes(unitCodes), mayUnmask, enabled)));
            AccountView account = accounts.account(id);
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("account", account);
            if (secret != null) {
                model.addAttribute("secret", secret);
                model.addAttribute(
                        "qr", EnrolmentCode.dataUri(Totp.enrolmentUri("共治 Gongzhi", account.username(), secret)));
            }
            model.addAttribute("saved", true);
            return "identity/account-opened";
        } catch (DomainException e) {
            if (e.violations().isEmpty()) {
                throw e;
            }
            response.setStatus(400);
            model.addAttribute("account", accounts.account(id));
            model.addAttribute("roles", staffRoles());
            model.addAttribute("granted", granted);
            model.addAttribute("unitCodes", unitCodes);
            model.addAttribute("errors", describe(e.violations(), locale));
            return "identity/account-edit";
        }
    }

    private static Set<String> codes(String unitCodes) {
        return Arrays.stream(unitCodes.split("[,，\\s]+"))
                .map(String::strip)
                .filter(c -> !c.isEmpty())
                .collect(Collectors.toSet());
    }

    private Map<String, String> describe(List<Violation> violations, Locale locale) {
        return fieldMessages.byField(violations, locale);
    }

    /** Residents sign in by SMS code and have no staff account. */
    private static List<Role> staffRoles() {
        return Arrays.stream(Role.values()).filter(r -> r != Role.RESIDENT).toList();
    }
}
