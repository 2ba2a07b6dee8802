package org.gongzhi.listing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/** A resource's opening calendar in words, as its page shows it, in both languages. */
class OpeningHoursTextTests {

    private final OpeningHoursText hours = new OpeningHoursText(bundle());

    private static ReloadableResourceBundleMessageSource bundle() {
        var source = new ReloadableResourceBundleMessageSource();
        source.setBasenames("classpath:i18n/listing");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return source;
    }

    @Test
    void weekdaysAsARangeAndTheWeekendListed() {
        String opening = "1-5 08:00-21:00; 6,7 09:00-17:00";
        assertThat(hours.describe(opening, Locale.SIMPLIFIED_CHINESE)).isEqualTo("周一至周五 08:00–21:00；周六、周日 09:00–17:00");
        assertThat(hours.describe(opening, Locale.ENGLISH)).isEqualTo("Mon–Fri 08:00–21:00; Sat, Sun 09:00–17:00");
    }

    @Test
    void twoDaysAreListedThreeMakeARangeAndSevenAreEveryDay() {
        assertThat(hours.describe("1,2 14:00-16:00", Locale.SIMPLIFIED_CHINESE)).isEqualTo("周一、周二 14:00–16:00");
        assertThat(hours.describe("1-3,5 14:00-16:00", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("周一至周三、周五 14:00–16:00");
        assertThat(hours.describe("1-7 06:00-24:00", Locale.SIMPLIFIED_CHINESE)).isEqualTo("每天 06:00–24:00");
        assertThat(hours.describe("1-7 06:00-24:00", Locale.ENGLISH)).isEqualTo("Daily 06:00–24:00");
    }

    @Test
    void whatThePageShowsCanBeTypedBackIntoTheForm() {
        for (String opening : new String[] {
            "1-5 08:00-21:00; 6,7 09:00-17:00", "1,2 14:00-16:00", "1-3,5 14:00-16:00", "1-7 06:00-24:00"
        }) {
            var expected = org.gongzhi.listing.OpeningHours.parse(opening);
            for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
                String shown = hours.describe(opening, locale);
                assertThat(org.gongzhi.listing.OpeningHours.parse(shown))
                        .as(shown)
                        .isEqualTo(expected);
            }
        }
        // As people write it: 星期, a one-digit hour, spaces around the dash.
        assertThat(org.gongzhi.listing.OpeningHours.parse("星期一至星期五 8:00 - 21:00"))
                .isEqualTo(org.gongzhi.listing.OpeningHours.parse("1-5 08:00-21:00"));
        // What it cannot read is still refused, naming the rule.
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> org.gongzhi.listing.OpeningHours.parse("工作日 9:00-17:00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("工作日");
    }

    @Test
    void noRulesMeansAnyTimeAndAnUnreadableCalendarIsShownAsWritten() {
        assertThat(hours.describe("", Locale.SIMPLIFIED_CHINESE)).isEqualTo("不限");
        assertThat(hours.describe(null, Locale.ENGLISH)).isEqualTo("Any time");
        assertThat(hours.describe("工作日白天", Locale.SIMPLIFIED_CHINESE)).isEqualTo("工作日白天");
    }
}
