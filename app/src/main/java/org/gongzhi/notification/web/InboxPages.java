package org.gongzhi.notification.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.gongzhi.appeal.AppealId;
import org.gongzhi.appeal.AppealQueries;
import org.gongzhi.notification.Inbox;
import org.gongzhi.notification.NotificationPermission;
import org.gongzhi.platform.AccessScope;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.platform.WorkbenchAction;
import org.gongzhi.shared.DomainException;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The staff inbox as a page (/inbox): the notices for the organisations and places in the reader's scope, newest
 * first, unread ones marked, each linking to its appeal or whistle; opening one marks it read.
 */
@Controller
class InboxPages {

    /** How many notices the page shows. */
    static final int SHOWN = 100;

    private final Inbox inbox;
    private final FormChecks forms;
    private final AppealQueries appeals;

    InboxPages(Inbox inbox, FormChecks forms, AppealQueries appeals) {
        this.inbox = inbox;
        this.forms = forms;
        this.appeals = appeals;
    }

    @GetMapping("/inbox")
    String page(Model model) {
        FormChecks.fresh(model);
        model.addAttribute("inbox", inbox.mine(SHOWN));
        return "notification/inbox";
    }

    /**
     * Marks the notice read and opens its appeal; when the appeal is no longer the reader's to see (re-dispatched to
     * another unit since), the inbox says so (409 {@code notification.appeal-moved}) instead.
     */
    @PostMapping("/inbox/{id}/open")
    String open(@PathVariable String id, Model model, Locale locale, HttpServletResponse response) {
        long notice;
        try {
            notice = Long.parseLong(id);
        } catch (NumberFormatException e) {
            notice = -1;
        }
        try {
            Inbox.Subject subject = inbox.markRead(notice);
            if (subject.whistle() != null) {
                return "redirect:/whistles/" + subject.whistle();
            }
            UUID appeal = subject.appeal();
            try {
                appeals.require(new AppealId(appeal));
            } catch (DomainException gone) {
                // Re-dispatched elsewhere since the notice came: say so here rather than open a page that is not
                // the reader's any more (404).
                response.setStatus(forms.refusal(DomainException.conflict("notification.appeal-moved"), model, locale));
                model.addAttribute("inbox", inbox.mine(SHOWN));
                return "notification/inbox";
            }
            return "redirect:/appeals/" + appeal;
        } catch (DomainException e) {
            response.setStatus(forms.refusal(e, model, locale));
            model.addAttribute("inbox", inbox.mine(SHOWN));
            return "notification/inbox";
        }
    }

    @Component
    static class Work implements WorkbenchAction.Source {

        @Override
        public List<WorkbenchAction> actions(AccessScope scope) {
            return List.of(
                    new WorkbenchAction(8, "notification.page.title", "/inbox", NotificationPermission.READ_INBOX));
        }
    }
}
