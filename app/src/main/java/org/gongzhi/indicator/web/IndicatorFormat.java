package org.gongzhi.indicator.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gongzhi.indicator.Grade;
import org.gongzhi.indicator.IndicatorSettings;
import org.gongzhi.indicator.Indicators;
import org.gongzhi.indicator.Rates;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** How the indicator pages write figures: percentages with two decimals, changes in points with a sign, "—" for none. */
@Component("indicatorFormat")
public class IndicatorFormat {

    private final MessageSource messages;

    IndicatorFormat(MessageSource messages) {
        this.messages = messages;
    }

    /** Every rate, in the order the tables show them. */
    public List<String> all() {
        return Indicators.RATE_NAMES;
    }

    /**
     * {@code 71.43%}, or {@code —} when the rate does not exist (nothing to divide by); the composite is a score, so
     * {@code 74.29} without the sign.
     */
    public String rate(Rates r, String rate) {
        BigDecimal v = Indicators.rate(r, rate);
        return v == null ? "—" : v.toPlainString() + ("composite".equals(rate) ? "" : "%");
    }

    /** The grade of one of the rates (A–E), null when it does not exist. */
    public Grade grade(Rates r, String rate) {
        return "composite".equals(rate) ? r.grade() : Grade.of(Indicators.rate(r, rate));
    }

    /** A change in percentage points: {@code +1.20}, {@code −0.50}, {@code 0.00} or {@code —}. */
    public String change(BigDecimal points) {
        if (points == null) {
            return "—";
        }
        return points.signum() > 0
                ? "+" + points.toPlainString()
                : points.signum() < 0 ? "−" + points.negate().toPlainString() : points.toPlainString();
    }

    /** Which kinds of appeal the settings leave out, in words. */
    public String excluded(IndicatorSettings s) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> kinds = new ArrayList<>();
        if (s.excludeAnsweredAtIntake()) {
            kinds.add(messages.getMessage("indicator.settings.exclude-answered-at-intake", null, locale));
        }
        if (s.excludeVoided()) {
            kinds.add(messages.getMessage("indicator.settings.exclude-voided", null, locale));
        }
        if (s.excludeRepeats()) {
            kinds.add(messages.getMessage("indicator.settings.exclude-repeats", null, locale));
        }
        return kinds.isEmpty()
                ? messages.getMessage("indicator.page.excluded-none", null, locale)
                : messages.getMessage(
                        "indicator.page.excluded",
                        new Object[] {String.join(locale.getLanguage().equals("en") ? ", " : "、", kinds)},
                        locale);
    }
}
