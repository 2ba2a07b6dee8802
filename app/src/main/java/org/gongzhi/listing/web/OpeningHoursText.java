package org.gongzhi.listing.web;

import java.util.List;
import java.util.Locale;
import org.gongzhi.listing.OpeningHours;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A resource's opening calendar in words for its page, as {@code @hours} in templates: "周一至周五 08:00–21:00；周六、周日
 * 09:00–17:00" (English "Mon–Fri 08:00–21:00; Sat, Sun 09:00–17:00"), "每天" for all seven days, and "不限" for no
 * fixed hours. A calendar stored before the syntax was checked, and so not readable, is shown as written.
 */
@Component("hours")
public class OpeningHoursText {

    private final MessageSource messages;

    OpeningHoursText(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code opening} in {@link OpeningHours} syntax, in the page's language. */
    public String describe(String opening) {
        return describe(opening, LocaleContextHolder.getLocale());
    }

    /** {@code opening} in {@link OpeningHours} syntax, in {@code locale}. */
    public String describe(String opening, Locale locale) {
        OpeningHours hours;
        try {
            hours = OpeningHours.parse(opening);
        } catch (IllegalArgumentException unreadable) {
            return opening;
        }
        if (hours.rules().isEmpty()) {
            return message("listing.opening.any", locale);
        }
        String text = null;
        for (OpeningHours.Rule rule : hours.rules()) {
            String days = days(rule.runs(), locale);
            String one =
                    message("listing.opening.rule", locale, days, rule.from().toString(), rule.until());
            text = text == null ? one : message("listing.opening.rules", locale, text, one);
        }
        return text;
    }

    private String days(List<int[]> runs, Locale locale) {
        if (runs.size() == 1 && runs.get(0)[0] == 1 && runs.get(0)[1] == 7) {
            return message("listing.opening.daily", locale);
        }
        String days = null;
        for (int[] run : runs) {
            String one = run[0] == run[1]
                    ? day(run[0], locale)
                    : message("listing.opening.range", locale, day(run[0], locale), day(run[1], locale));
            days = days == null ? one : message("listing.opening.days", locale, days, one);
        }
        return days;
    }

    private String day(int number, Locale locale) {
        return message("listing.opening.day." + number, locale);
    }

    private String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }
}
