package org.gongzhi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gongzhi.identity.Role;
import org.gongzhi.support.AppealCalls;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.gongzhi.support.TestClock;
import org.gongzhi.territory.TerritoryQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * 吹哨报到 in the browser: the street summons three departments; the police report from a phone in time, the
 * enforcement team late, the market office not at all; the live board and the ranking show it, and the street closes
 * the whistle rating each department.
 */
@PlatformTest
class WhistlePagesIT extends InTheBrowser {

    static final String ENFORCEMENT = "海淀区城市管理综合行政执法局学院路执法队";
    static final String POLICE = "海淀分局学院路派出所";
    static final String MARKET = "海淀区市场监督管理局学院路所";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TerritoryQueries territory;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void a_whistle_summons_three_departments_one_reports_late_and_the_board_and_ranking_show_it() throws Exception {
        List<String> failures = new ArrayList<>();
        var calls = new AppealCalls(
                mvc,
                jdbc,
                Staff.as(
                        "xueyuanlu.dispatcher",
                        Set.of(territory.requireByCode("110108010").id().value()),
                        Role.STREET_ADMIN));
        String matter = "二里庄小区北门路面塌陷 " + System.nanoTime() % 10_000;
        String whistle;
        try (BrowserContext desktop = browsers.desktop()) {
            Page s = desktop.newPage();
            browsers.signIn(s, "xueyuanlu.street-admin", null);
            s.navigate(browsers.url("/whistles/new"));
            // Sent empty first: every missing field is named beside it.
            s.fill("input[name=reportBy]", "");
            s.locator("main form.stacked button[type=submit]").last().click();
            assertThat(s.locator(".field-error").count()).isGreaterThanOrEqualTo(4);
            s.locator("input[name=whistleCase][value=EMERGENCY]").check();
            s.fill("textarea[name=matter]", matter);
            s.fill("input[name=address]", "二里庄小区北门");
            s.fill(
                    "input[name=reportBy]",
                    LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
                            .plusMinutes(20)
                            .truncatedTo(ChronoUnit.MINUTES)
                            .toString());
            for (String d : List.of(POLICE, ENFORCEMENT, MARKET)) {
                s.locator("fieldset.departments label", new Page.LocatorOptions().setHasText(d))
                        .locator("input")
                        .check();
            }
            collect(failures, () -> Browsers.accessible(s, "/whistles/new"));
            Browsers.shot(s, "whistle-new-desktop");
            s.locator("main form.stacked button[type=submit]").last().click();
            assertThat(s.url()).matches(".*/whistles/[0-9a-f-]{36}$");
            whistle = s.url().substring(s.url().lastIndexOf('/') + 1);
            assertThat(s.locator("table.data").innerText())
                    .contains(POLICE)
                    .contains(ENFORCEMENT)
                    .contains(MARKET);
        }

        // The police report from a phone: acknowledged, on site, with their action.
        try (BrowserContext phone = browsers.phone()) {
            Page p = phone.newPage();
            browsers.signIn(p, "xueyuanlu.department", null);
            p.navigate(browsers.url("/whistles/duty"));
            assertThat(p.locator("main").innerText()).contains(matter);
            collect(failures, () -> Browsers.accessible(p, "/whistles/duty (phone)"));
            collect(failures, () -> Browsers.fitsThePhone(p, "/whistles/duty"));
            Browsers.shot(p, "whistle-duty-phone");
            article(p, matter)
                    .locator("button", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("收到"))
                    .click();
            assertThat(p.locator("p.notice").innerText()).contains("收到");
            article(p, matter)
                    .locator("button", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("已到场"))
                    .click();
            article(p, matter).locator("textarea[name=action]").fill("民警到场维持秩序，设置警戒线");
            article(p, matter).locator("form.stacked button[type=submit]").click();
            assertThat(article(p, matter).innerText()).contains("按时到场");
            Browsers.shot(p, "whistle-duty-done-phone");
        }

        // Twenty-five minutes on: the enforcement team arrives late; the market office never comes.
        TestClock.advance(Duration.ofMinutes(25));
        var late = calls.send(
                MockMvcRequestBuilders.post("/api/v1/whistles/" + whistle + "/arrival"),
                calls.staffOf(ENFORCEMENT),
                null);
        assertThat(late.getStatus()).as(late.getContentAsString()).isEqualTo(200);

        try (BrowserContext desktop = browsers.desktop()) {
            Page s = desktop.newPage();
            browsers.signIn(s, "xueyuanlu.street-admin", null);
            s.navigate(browsers.url("/whistles"));
            var card = s.locator("article.whistle", new Page.LocatorOptions().setHasText(matter));
            assertThat(card.locator("li", new com.microsoft.playwright.Locator.LocatorOptions().setHasText(POLICE))
                            .innerText())
                    .contains("按时到场");
            assertThat(card.locator("li", new com.microsoft.playwright.Locator.LocatorOptions().setHasText(ENFORCEMENT))
                            .innerText())
                    .contains("迟到");
            assertThat(card.locator("li", new com.microsoft.playwright.Locator.LocatorOptions().setHasText(MARKET))
                            .innerText())
                    .contains("逾期未到");
            collect(failures, () -> Browsers.accessible(s, "/whistles"));
            Browsers.shot(s, "whistle-board-desktop");

            // The street closes it: without ratings it says which are missing; then rated, it closes.
            s.navigate(browsers.url("/whistles/" + whistle));
            s.locator("input[name=outcome][value=RESOLVED]").check();
            s.locator(".close-panel button[type=submit]").click();
            assertThat(s.locator(".close-panel .field-error").count()).isEqualTo(3);
            s.locator("input[name=outcome][value=RESOLVED]").check();
            s.fill("textarea[name=outcomeNote]", "塌陷已回填，道路恢复通行");
            String[] scores = {"5", "3", "1"};
            String[] names = {POLICE, ENFORCEMENT, MARKET};
            for (int i = 0; i < 3; i++) {
                s.locator(".rating-row", new Page.LocatorOptions().setHasText(names[i]))
                        .locator("select")
                        .selectOption(scores[i]);
            }
            collect(failures, () -> Browsers.accessible(s, "/whistles/{id}"));
            Browsers.shot(s, "whistle-close-desktop");
            s.locator(".close-panel button[type=submit]").click();
            assertThat(s.locator("dl.facts").innerText()).contains("已解决");
            assertThat(s.locator("table.data").innerText()).contains("5 / 5").contains("1 / 5");

            s.navigate(browsers.url("/whistles/assessment"));
            String ranking = s.locator("table.ranking").innerText();
            assertThat(ranking).contains(POLICE).contains(ENFORCEMENT).contains(MARKET);
            // Ranked by 报到及时率 (other tests' whistles of this month count too, so the order is read from the rates).
            var rates = s.locator("table.ranking tbody tr td:nth-child(7)").allInnerTexts().stream()
                    .map(t -> t.equals("—") ? -1.0 : Double.parseDouble(t.replace("%", "")))
                    .toList();
            assertThat(rates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            collect(failures, () -> Browsers.accessible(s, "/whistles/assessment"));
            Browsers.shot(s, "whistle-assessment-desktop");
        }
        assertThat(failures).isEmpty();
    }

    private static com.microsoft.playwright.Locator article(Page p, String matter) {
        return p.locator("article.whistle", new Page.LocatorOptions().setHasText(matter));
    }
}
