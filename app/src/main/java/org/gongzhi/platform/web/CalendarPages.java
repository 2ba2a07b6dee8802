package org.gongzhi.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;
import org.gongzhi.platform.CalendarYears;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.platform.Notices;
import org.gongzhi.platform.Permissions;
import org.gongzhi.platform.PlatformPermission;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Violations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 工作日历 settings: the years the clocks know, where each comes from (entered here, published with the platform, or
 * neither — then weekends only, said plainly), and a form to enter a year from the State Council's notice.
 */
@Controller
class CalendarPages {

    private final CalendarYears calendar;
    private final Permissions may;
    private final FormChecks forms;
    private final Notices notices;
    private final java.time.Clock clock;

    CalendarPages(CalendarYears calendar, Permissions may, FormChecks forms, Notices notices, java.time.Clock clock) {
        this.clock = clock;
        this.calendar = calendar;
        this.may = may;
        this.forms = forms;
        this.notices = notices;
    }

    /** The form as typed. */
    record YearForm(String year, String holidays, String workdays, String source, String version) {}

    @GetMapping("/settings/calendar")
    String page(@RequestParam(required = false) Integer year, Model model) {
        may.require(PlatformPermission.EDIT_CALENDAR);
        FormChecks.fresh(model);
        int shown = year == null ? LocalDate.now(clock).getYear() + 1 : year;
        YearForm form = calendar.years().stream()
                .filter(y -> y.year() == shown)
                .findFirst()
                .map(y -> new YearForm(
                        String.valueOf(y.year()),
                        lines(y.holidays()),
                        lines(y.workdays()),
                        y.source(),
                        String.valueOf(y.version())))
                .orElse(new YearForm(String.valueOf(shown), "", "", "", "0"));
        return page(model, form);
    }

    private String page(Model model, YearForm form) {
        model.addAttribute("years", calendar.years());
        model.addAttribute("form", form);
        return "platform/calendar";
    }

    private static String lines(java.util.Set<LocalDate> days) {
        return days.stream().map(LocalDate::toString).collect(Collectors.joining("\n"));
    }

    @PostMapping("/settings/calendar")
    String enter(YearForm form, Model model, Locale locale, HttpServletResponse response, RedirectAttributes next) {
        Violations v = new Violations();
        int year = 0;
        long version = 0;
        try {
            year = Integer.parseInt(form.year() == null ? "" : form.year().strip());
        } catch (NumberFormatException e) {
            v.add("year", "calendar.year.range");
        }
        try {
            version =
                    Long.parseLong(form.version() == null ? "0" : form.version().strip());
        } catch (NumberFormatException e) {
            version = -1;
        }
        try {
            v.throwIfAny();
            var saved = calendar.enter(year, form.holidays(), form.workdays(), form.source(), version);
            notices.next(
                    next,
                    "calendar.entered",
                    saved.year(),
                    saved.holidays().size(),
                    saved.workdays().size());
            return "redirect:/settings/calendar?year=" + saved.year();
        } catch (DomainException e) {
            response.setStatus(forms.show(e, model, locale));
            return page(model, form);
        }
    }
}
