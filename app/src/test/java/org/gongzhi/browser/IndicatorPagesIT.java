package org.gongzhi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.gongzhi.appeal.SyntheticAppeals;
import org.gongzhi.support.AppealCalls;
import org.gongzhi.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The indicator dashboard in the browser, over a quarter of synthetic appeals: the charts draw (ECharts paints a canvas in
 * each), the tables say the same in words, another breakdown is one choice away, and the page fits a phone.
 */
@PlatformTest
class IndicatorPagesIT extends InTheBrowser {

    static final List<String> CHARTS = List.of("chart-per-unit", "chart-trend", "chart-lights");

    @Autowired
    SyntheticAppeals synthetic;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_dashboard_draws_its_charts_and_tables_on_a_desktop_and_on_a_phone() throws Exception {
        // A quarter of appeals in 东直门街道 in 2025, where no other test looks, through the real lifecycle.
        ZoneId beijing = ZoneId.of("Asia/Shanghai");
        synthetic.write(new SyntheticAppeals.Plan(
                List.of("110101008"),
                LocalDate.of(2025, 4, 1).atStartOfDay(beijing).toInstant(),
                LocalDate.of(2025, 6, 30).atStartOfDay(beijing).toInstant(),
                300,
                11L));
        AppealCalls.await(
                "the facts follow the events",
                () -> jdbc.sql("select count(*) from appeal.appeal a"
                                        + " where a.synthetic and a.registered_at < '2025-07-01' and a.registered_at >= '2025-04-01'"
                                        + " and not exists (select 1 from indicator.appeal_fact f where f.appeal_id = a.id"
                                        + " and f.source_version = a.version)")
                                .query(Long.class)
                                .single()
                        == 0);
        List<String> failures = new ArrayList<>();
        try (BrowserContext desktop = browsers.desktop()) {
            Page s = desktop.newPage();
            browsers.signIn(s, "dongzhimen.street-admin", null);
            s.navigate(browsers.url("/indicators?month=2025-06"));
            assertThat(s.locator("h1").innerText()).isEqualTo("指标考核");
            for (String chart : CHARTS) {
                s.waitForSelector("#" + chart + "[data-drawn=true] canvas");
            }
            assertThat(s.locator(".scorecard").count()).isEqualTo(4);
            // No whistle that month: no empty chart, a sentence instead.
            assertThat(s.locator("#chart-whistles").count()).isZero();
            assertThat(s.locator("main").innerText()).contains("该月没有吹哨");
            assertThat(s.locator("main").innerText()).contains("响应率", "解决率", "满意率", "综合得分", "环比", "同比");
            collect(failures, () -> Browsers.accessible(s, "/indicators"));
            Browsers.shot(s, "indicators-desktop");

            // By 社区: the ranking names 社区 now.
            s.selectOption("select[name=dimension]", "COMMUNITY");
            s.locator("form.filters button[type=submit]").click();
            s.waitForSelector("#chart-per-unit[data-drawn=true] canvas");
            assertThat(s.url()).contains("dimension=COMMUNITY");
            assertThat(s.locator("main h2", new Page.LocatorOptions().setHasText("排名"))
                            .innerText())
                    .contains("社区");
            assertThat(s.locator("a", new Page.LocatorOptions().setHasText("导出 Excel"))
                            .getAttribute("href"))
                    .contains("/indicators/export.xlsx")
                    .contains("dimension=COMMUNITY");

            // A month that cannot be read: the page says so beside the field.
            s.navigate(browsers.url("/indicators?month=2026-13"));
            assertThat(s.locator(".field-error").innerText()).contains("2026-13");
        }
        try (BrowserContext phone = browsers.phone()) {
            Page p = phone.newPage();
            browsers.signIn(p, "dongzhimen.street-admin", null);
            p.navigate(browsers.url("/indicators?month=2025-06&dimension=COMMUNITY"));
            p.waitForSelector("#chart-trend[data-drawn=true] canvas");
            collect(failures, () -> Browsers.fitsThePhone(p, "/indicators"));
            Browsers.shot(p, "indicators-phone");
            p.screenshot(new Page.ScreenshotOptions()
                    .setPath(Browsers.SHOTS.resolve("indicators-phone-top.png"))
                    .setFullPage(false));
            p.locator("#chart-per-unit").scrollIntoViewIfNeeded();
            p.screenshot(new Page.ScreenshotOptions()
                    .setPath(Browsers.SHOTS.resolve("indicators-phone-charts.png"))
                    .setFullPage(false));
        }
        assertThat(failures).isEmpty();
    }
}
