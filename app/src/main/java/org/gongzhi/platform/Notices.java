package org.gongzhi.platform;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The confirmation a page shows once after a change ("已接纳北京科技大学为成员单位"): put on the redirect that follows the
 * change, shown by the layout on the next page only, in the person's language.
 */
@Component
public class Notices {

    private final MessageSource messages;

    Notices(MessageSource messages) {
        this.messages = messages;
    }

    public void next(RedirectAttributes redirect, String code, Object... args) {
        redirect.addFlashAttribute("notice", messages.getMessage(code, args, code, LocaleContextHolder.getLocale()));
    }

    /**
     * A one-button action the rules refused: its reason — the first field's, when the refusal names fields — shown once
     * on the next page. A refusal the person may not see past (403, 404) is rethrown for the error page.
     */
    public void refused(RedirectAttributes redirect, org.gongzhi.shared.DomainException refusal) {
        if (refusal.kind() == org.gongzhi.shared.ErrorKind.FORBIDDEN
                || refusal.kind() == org.gongzhi.shared.ErrorKind.NOT_FOUND) {
            throw refusal;
        }
        var first = refusal.violations().isEmpty() ? null : refusal.violations().get(0);
        refused(
                redirect,
                first == null ? refusal.code() : first.code(),
                (first == null ? refusal.args() : first.args()).toArray());
    }

    /** A one-button action that was refused: the reason, shown once (as the layout's refusal) on the next page. */
    public void refused(RedirectAttributes redirect, String code, Object... args) {
        redirect.addFlashAttribute("refusal", messages.getMessage(code, args, code, LocaleContextHolder.getLocale()));
    }
}
