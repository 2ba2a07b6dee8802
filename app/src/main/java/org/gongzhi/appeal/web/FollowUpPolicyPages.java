package org.gongzhi.appeal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.gongzhi.appeal.AppealPermission;
import org.gongzhi.appeal.FollowUpPolicy;
import org.gongzhi.appeal.FollowUps;
import org.gongzhi.appeal.UnresolvedFollowUp;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.platform.Notices;
import org.gongzhi.platform.Permissions;
import org.gongzhi.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** How 回访 runs (/settings/follow-up): the time a reporter has to answer, and what 未解决/不满意 leads to. */
@Controller
class FollowUpPolicyPages {

    private final FollowUps followUps;
    private final Permissions may;
    private final FormChecks forms;
    private final Notices notices;

    FollowUpPolicyPages(FollowUps followUps, Permissions may, FormChecks forms, Notices notices) {
        this.followUps = followUps;
        this.may = may;
        this.forms = forms;
        this.notices = notices;
    }

    /** The form as typed; {@code version} is the one read. */
    record PolicyForm(String answerWithin, String whenUnresolved, String version) {

        static PolicyForm of(FollowUpPolicy p) {
            return new PolicyForm(
                    p.answerWithin().toString(), p.whenUnresolved().name(), String.valueOf(p.version()));
        }
    }

    @GetMapping("/settings/follow-up")
    String page(Model model) {
        FormChecks.fresh(model);
        return page(PolicyForm.of(followUps.policy()), model);
    }

    private String page(PolicyForm form, Model model) {
        model.addAttribute("policy", followUps.policy());
        model.addAttribute("form", form);
        model.addAttribute("choices", UnresolvedFollowUp.values());
        model.addAttribute("mayEdit", may.to(AppealPermission.EDIT_FOLLOW_UP.code()));
        return "appeal/follow-up-settings";
    }

    @PostMapping("/settings/follow-up")
    String save(PolicyForm form, Model model, Locale locale, HttpServletResponse response, RedirectAttributes next) {
        try {
            followUps.changePolicy(
                    form.answerWithin(),
                    form.whenUnresolved(),
                    FormChecks.versionRead(form.version(), 1, "appeal.follow-up.policy.version-required"));
            notices.next(next, "appeal.follow-up.policy.saved");
            return "redirect:/settings/follow-up";
        } catch (DomainException e) {
            response.setStatus(forms.show(e, model, locale));
            // Changed by someone else, or no version read: the policy as it is now, the reason at the top.
            boolean stale = FormChecks.stale(e);
            return page(stale ? PolicyForm.of(followUps.policy()) : form, model);
        }
    }
}
