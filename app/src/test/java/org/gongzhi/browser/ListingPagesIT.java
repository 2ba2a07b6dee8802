package org.gongzhi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.support.AppealCalls;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.gongzhi.territory.TerritoryQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The 资源清单 in the browser: 北京科技大学's 联络员 offers a bookable room (the contact shown masked), a community
 * worker books it from a phone, a second, overlapping booking is refused with the reason, and the 联络员 approves the
 * first.
 */
@PlatformTest
class ListingPagesIT extends InTheBrowser {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TerritoryQueries territory;

    @Test
    void a_community_converts_an_appeal_into_a_need_and_the_appeal_links_to_it() throws Exception {
        List<String> failures = new ArrayList<>();
        String[] needPage = new String[1];
        UUID xueyuanlu = territory.requireByCode("110108010").id().value();
        var calls = new AppealCalls(mvc, jdbc, Staff.streetAdmin(xueyuanlu));
        var r = calls.send(
                MockMvcRequestBuilders.post("/api/v1/appeals"),
                Staff.streetAdmin(xueyuanlu),
                Map.of(
                        "channel", "HOTLINE",
                        "type", "SUGGESTION",
                        "categoryCode", "E0102",
                        "content", "建议二里庄开设老年餐桌，附近老人吃饭难。",
                        "unitCode", "110108010005",
                        "reporterPhone", "13800138000",
                        "workOrderNumber",
                                "PAGE-" + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        String code = calls.read(r).path("appeal").path("trackingCode").asString();
        String appeal = calls.read(r).path("appeal").path("id").asString();
        try (BrowserContext phone = browsers.phone()) {
            Page p = phone.newPage();
            browsers.signIn(p, "xueyuanlu.community", null);
            p.navigate(browsers.url("/needs/new"));
            p.fill("input[name=appealCode]", code);
            p.selectOption("select[name=categoryCode]", "ASSISTANCE");
            p.fill("input[name=beneficiaries]", "附近行动不便的老人");
            collect(failures, () -> Browsers.accessible(p, "/needs/new (phone)"));
            collect(failures, () -> Browsers.fitsThePhone(p, "/needs/new"));
            Browsers.shot(p, "need-from-appeal-phone");
            p.locator("main form.stacked button[type=submit]").click();
            assertThat(p.url()).matches(".*/needs/[0-9a-f-]{36}$");
            String shown = p.locator("dl.facts").innerText();
            assertThat(shown).contains("转自诉求").contains(code).contains("扶贫帮困");
            // Matching proposes the canteen that serves the elderly, with its reasons.
            String matches = p.locator("section.matches").innerText();
            assertThat(matches).contains("匹配推荐").contains("教工食堂老年餐桌").contains("步行约");
            assertThat(p.locator("section.matches ol.match-list li").first().innerText())
                    .contains("教工食堂老年餐桌")
                    .contains("共同关键词");
            collect(failures, () -> Browsers.accessible(p, "/needs/{id} (phone)"));
            collect(failures, () -> Browsers.fitsThePhone(p, "/needs/{id}"));
            Browsers.shot(p, "need-phone");
            needPage[0] = p.url();
        }
        try (BrowserContext desktop = browsers.desktop()) {
            Page s = desktop.newPage();
            browsers.signIn(s, "xueyuanlu.street-admin", null);
            s.navigate(browsers.url("/appeals/" + appeal));
            assertThat(s.locator("section.references").innerText())
                    .contains("需求清单")
                    .contains("建议二里庄开设老年餐桌");
            s.navigate(browsers.url("/needs"));
            assertThat(s.locator("main").innerText()).contains("老年餐桌").contains("校园周边治安防控");
            collect(failures, () -> Browsers.accessible(s, "/needs"));
            Browsers.shot(s, "needs-desktop");

            // The street asks its responsible planner onto the need; the think tank lists its experts.
            s.navigate(needPage[0]);
            s.selectOption(
                    "section.advising select[name=expertId]",
                    new com.microsoft.playwright.options.SelectOption().setLabel("周明远 · 责任规划师"));
            s.fill("section.advising input[name=note]", "现场踏勘");
            s.locator("section.advising button[type=submit]", new Page.LocatorOptions().setHasText("邀请"))
                    .click();
            assertThat(s.locator("p.notice").innerText()).contains("已邀请");
            assertThat(s.locator("section.advising ul.advisers").innerText())
                    .contains("周明远")
                    .contains("现场踏勘");
            collect(failures, () -> Browsers.accessible(s, "/needs/{id}"));
            Browsers.shot(s, "need-matches-desktop");
            s.navigate(browsers.url("/experts"));
            assertThat(s.locator("main table").innerText()).contains("周明远").contains("社区营造师");
            collect(failures, () -> Browsers.accessible(s, "/experts"));
            Browsers.shot(s, "experts-desktop");
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void a_unit_offers_a_room_a_community_books_it_a_double_booking_is_refused_and_the_unit_approves() {
        List<String> failures = new ArrayList<>();
        String name = "北科大研讨室 " + System.nanoTime() % 10_000;
        String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString();
        String resource;
        try (BrowserContext desktop = browsers.desktop()) {
            Page s = desktop.newPage();
            browsers.signIn(s, "xueyuanlu.liaison", null);
            s.navigate(browsers.url("/resources"));
            assertThat(s.locator("main").innerText()).contains("北京科技大学体育馆");
            collect(failures, () -> Browsers.accessible(s, "/resources"));
            Browsers.shot(s, "resources-desktop");
            s.navigate(browsers.url("/resources/new"));
            // Sent without the required fields: each is named beside it, and the unit stays chosen.
            s.locator("main form.stacked button[type=submit]").click();
            assertThat(s.locator(".field-error").count()).isGreaterThanOrEqualTo(3);
            s.fill("input[name=name]", name);
            s.selectOption("select[name=kind]", "VENUE");
            s.fill("input[name=capacity]", "20");
            s.fill("input[name=latitude]", "39.99731");
            s.fill("input[name=longitude]", "116.35521");
            s.locator("input[name=bookable]").check();
            s.fill("input[name=opening]", "1-7 08:00-22:00");
            s.fill("input[name=contactName]", "王海");
            s.fill("input[name=contactPhone]", "13800138000");
            collect(failures, () -> Browsers.accessible(s, "/resources/new"));
            Browsers.shot(s, "resource-new-desktop");
            s.locator("main form.stacked button[type=submit]").click();
            assertThat(s.url()).matches(".*/resources/[0-9a-f-]{36}$");
            resource = s.url().substring(s.url().lastIndexOf('/') + 1);
            String shown = s.locator("dl.facts").innerText();
            assertThat(shown).contains("王**").contains("138****8000").doesNotContain("13800138000");
        }

        try (BrowserContext phone = browsers.phone()) {
            Page p = phone.newPage();
            browsers.signIn(p, "xueyuanlu.community", null);
            p.navigate(browsers.url("/resources?q=" + name.substring(0, 6)));
            p.locator("a", new Page.LocatorOptions().setHasText(name)).click();
            p.fill("input[name=day]", day);
            p.fill("input[name=from]", "09:00");
            p.fill("input[name=to]", "11:00");
            p.fill("input[name=purpose]", "社区老年合唱团排练");
            p.fill("input[name=attendees]", "18");
            collect(failures, () -> Browsers.accessible(p, "/resources/{id} (phone)"));
            collect(failures, () -> Browsers.fitsThePhone(p, "/resources/{id}"));
            p.locator("form.booking-form button[type=submit]").click();
            assertThat(p.locator("p.notice").innerText()).contains("预约申请已提交");
            assertThat(p.locator("section.bookings table").innerText()).contains("待审核");
            // The same hour again, overlapping: refused, the reason said, nothing added.
            p.fill("input[name=day]", day);
            p.fill("input[name=from]", "10:00");
            p.fill("input[name=to]", "12:00");
            p.fill("input[name=purpose]", "另一场活动");
            p.locator("form.booking-form button[type=submit]").click();
            // Said beside the start time, and counted at the top of the form.
            assertThat(p.locator("form.booking-form .field-error").innerText()).contains("已被预约");
            assertThat(p.locator("form.booking-form .form-problem").isVisible()).isTrue();
            assertThat(p.locator("section.bookings tbody tr").count()).isEqualTo(1);
            Browsers.shot(p, "resource-booking-refused-phone");
        }

        try (BrowserContext desktop = browsers.desktop()) {
            Page s = desktop.newPage();
            browsers.signIn(s, "xueyuanlu.liaison", null);
            s.navigate(browsers.url("/resources/" + resource));
            s.locator("section.bookings button", new Page.LocatorOptions().setHasText("同意"))
                    .click();
            assertThat(s.locator("p.notice").innerText()).contains("已同意");
            Locator row = s.locator("section.bookings tbody tr").first();
            assertThat(row.innerText()).contains("已同意");
            Browsers.shot(s, "resource-approved-desktop");
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void the_service_circle_shows_each_community_its_gaps_on_a_table_and_a_map() {
        List<String> failures = new ArrayList<>();
        try (BrowserContext desktop = browsers.desktop()) {
            Page s = desktop.newPage();
            browsers.signIn(s, "xueyuanlu.street-admin", null);
            s.navigate(browsers.url("/service-circle"));
            assertThat(s.locator("h1").innerText()).contains("一刻钟社区服务圈").contains("学院路街道");
            s.waitForSelector("#circle-map[data-ready=true]");
            assertThat(s.locator("#circle-map path.leaflet-interactive").count())
                    .isGreaterThanOrEqualTo(29);
            assertThat(s.locator("table.circle-table").innerText())
                    .contains("二里庄社区")
                    .contains("医疗卫生");
            assertThat(s.locator("section.gaps").innerText()).contains("二里庄社区");
            s.selectOption("#circle-service", "CANTEEN");
            assertThat(s.locator("#circle-map .leaflet-marker-pane, #circle-map path.leaflet-interactive")
                            .count())
                    .isPositive();
            collect(failures, () -> Browsers.accessible(s, "/service-circle"));
            Browsers.shot(s, "service-circle-desktop");
        }
        assertThat(failures).isEmpty();
    }
}
