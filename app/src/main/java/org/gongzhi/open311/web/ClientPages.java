package org.gongzhi.open311.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.gongzhi.open311.Open311Clients;
import org.gongzhi.open311.Open311Permission;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.platform.Notices;
import org.gongzhi.platform.SettingsEntry;
import org.gongzhi.shared.DomainException;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Open311 client keys page (/settings/open311): the system administrator issues a key (shown once, on the page
 * that answers the issuing), sees every client with its key prefix and last use, and revokes keys.
 */
@Controller
class ClientPages {

    private final Open311Clients clients;
    private final FormChecks forms;
    private final Notices notices;

    ClientPages(Open311Clients clients, FormChecks forms, Notices notices) {
        this.clients = clients;
        this.forms = forms;
        this.notices = notices;
    }

    @GetMapping("/settings/open311")
    String page(Model model) {
        FormChecks.fresh(model);
        model.addAttribute("clients", clients.list());
        return "open311/clients";
    }

    @PostMapping("/settings/open311")
    String issue(
            @RequestParam(required = false) String name, Model model, Locale locale, HttpServletResponse response) {
        FormChecks.fresh(model);
        try {
            // Shown on this response only, never in an address or a redirect that could be replayed.
            model.addAttribute("issued", clients.issue(name));
        } catch (DomainException e) {
            response.setStatus(forms.show(e, model, locale));
            model.addAttribute("name", name);
        }
        model.addAttribute("clients", clients.list());
        return "open311/clients";
    }

    @PostMapping("/settings/open311/{id}/revocation")
    String revoke(@PathVariable UUID id, RedirectAttributes next) {
        var revoked = clients.revoke(id);
        notices.next(next, "open311.page.revoked-done", revoked.name());
        return "redirect:/settings/open311";
    }

    @Component
    static class Settings implements SettingsEntry.Source {

        @Override
        public List<SettingsEntry> entries() {
            return List.of(new SettingsEntry(
                    70,
                    "open311.page.title",
                    "open311.page.short",
                    "/settings/open311",
                    Open311Permission.MANAGE_CLIENTS));
        }
    }
}
