package org.gongzhi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.gongzhi.support.PlatformTest;
import org.junit.jupiter.api.Test;

/**
 * A resident with no account reports a problem from a phone with a photo and a point on the map, gets the tracking
 * code and token once, follows the appeal with them; the street sees it with the photo.
 */
@PlatformTest
class PortalPagesIT extends InTheBrowser {

    static byte[] photo() throws Exception {
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 800; x++) {
                image.setRGB(x, y, (x % 256) << 16 | (y % 256) << 8 | 80);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    @Test
    void a_resident_reports_from_a_phone_and_follows_it_by_code() throws Exception {
        List<String> failures = new ArrayList<>();
        String code;
        try (BrowserContext phone = browsers.phone()) {
            Page p = phone.newPage();
            p.navigate(browsers.url("/report"));
            collect(failures, () -> Browsers.accessible(p, "/report (phone)"));
            collect(failures, () -> Browsers.fitsThePhone(p, "/report"));
            p.fill("textarea[name=content]", "小区北门的路灯坏了一周，晚上很黑，老人出门不方便。");
            p.selectOption("#map-area", "110108010");
            p.waitForSelector("#report-map[data-drawn='110108010']");
            p.locator("#report-map").click();
            p.waitForCondition(
                    () -> !p.locator("input[name=latitude]").inputValue().isEmpty());
            p.waitForCondition(() -> p.locator("#located").innerText().contains("学院路")
                    || p.locator("#located").innerText().contains("社区"));
            p.fill("input[name=address]", "二里庄小区北门");
            p.setInputFiles("input[name=photos]", new FilePayload("lamp.jpg", "image/jpeg", photo()));
            Browsers.shot(p, "report-phone");
            p.locator("form.report button[type=submit]").click();
            assertThat(p.url()).endsWith("/report/done");
            code = p.locator("dl.codes .code").first().innerText();
            assertThat(code).matches("[0-9A-Z]{12}");
            collect(failures, () -> Browsers.accessible(p, "/report/done (phone)"));
            Browsers.shot(p, "report-done-phone");
            p.locator("main form button[type=submit]").click();
            assertThat(p.locator("main h2").innerText()).contains(code).contains("已受理");
            collect(failures, () -> Browsers.accessible(p, "/track (phone)"));
            collect(failures, () -> Browsers.fitsThePhone(p, "/track"));
            Browsers.shot(p, "track-phone");
            // Reloading the confirmation does not show the token again.
            p.navigate(browsers.url("/report/done"));
            assertThat(p.url()).endsWith("/track");
        }
        try (BrowserContext desktop = browsers.desktop()) {
            Page s = desktop.newPage();
            browsers.signIn(s, "xueyuanlu.street-admin", null);
            s.navigate(browsers.url("/appeals/find?code=" + code));
            assertThat(s.locator("dl.facts").innerText()).contains("网上诉求").contains("二里庄");
            assertThat(s.locator(".photos img").count()).isEqualTo(1);
            assertThat((Boolean) s.evaluate("document.querySelector('.photos img').naturalWidth > 0"))
                    .isTrue();
            Browsers.shot(s, "appeal-online-desktop");
        }
        assertThat(failures).isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @org.springframework.beans.factory.annotation.Autowired
    org.gongzhi.territory.TerritoryQueries territory;

    @Test
    void a_reporter_rates_the_answer_on_a_phone_from_the_link_in_the_text() throws Exception {
        var dispatcher = org.gongzhi.support.Staff.as(
                "xueyuanlu.dispatcher",
                java.util.Set.of(territory.requireByCode("110108010").id().value()),
                org.gongzhi.identity.Role.STREET_ADMIN);
        var calls = new org.gongzhi.support.AppealCalls(mvc, jdbc, dispatcher);
        String number = "137" + String.format("%08d", new java.util.Random().nextInt(100_000_000));
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("channel", "HOTLINE");
        body.put("type", "COMPLAINT");
        body.put("categoryCode", "E0504");
        body.put("content", "二里庄小区3号楼前的路灯不亮，晚上出行不安全。");
        body.put("unitCode", "110108010005");
        body.put("reporterPhone", number);
        body.put(
                "workOrderNumber", "GD" + java.util.UUID.randomUUID().toString().substring(0, 12));
        var registered = calls.read(calls.send(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/appeals"),
                dispatcher,
                body));
        String id = registered.path("appeal").path("id").asString();
        String code = registered.path("appeal").path("trackingCode").asString();
        var enforcement = calls.staffOf("海淀区城市管理综合行政执法局学院路执法队");
        calls.act(id, "accept", dispatcher, java.util.Map.of());
        calls.act(
                id, "dispatch", dispatcher, java.util.Map.of("handlerId", calls.organisation("海淀区城市管理综合行政执法局学院路执法队")));
        calls.act(id, "sign", enforcement, null);
        calls.act(id, "response", enforcement, java.util.Map.of("note", "已电话联系诉求人"));
        var answered = calls.act(id, "answer", enforcement, java.util.Map.of("result", "已更换 3 号楼前两盏路灯的灯具，夜间照明恢复。"));
        assertThat(answered.getStatus()).isEqualTo(200);
        org.gongzhi.support.AppealCalls.await("the answer is texted", () -> {
            String last = org.gongzhi.support.TestSms.last(number);
            return last != null && last.contains("/track/" + code + "/follow-up");
        });
        String text = org.gongzhi.support.TestSms.last(number);
        String link = text.substring(text.indexOf("http"), text.indexOf("?k=") + 19);

        List<String> failures = new ArrayList<>();
        try (BrowserContext phone = browsers.phone()) {
            Page p = phone.newPage();
            p.navigate(browsers.url(link.substring(link.indexOf("/track/"))));
            assertThat(p.locator("main").innerText()).contains(number.substring(0, 3) + "****");
            collect(failures, () -> Browsers.accessible(p, "/track/{code}/follow-up (phone)"));
            collect(failures, () -> Browsers.fitsThePhone(p, "/track/{code}/follow-up"));
            Browsers.shot(p, "follow-up-phone");
            p.locator("main form button[type=submit]").first().click();
            p.fill(
                    "input[name=code]",
                    "000000".equals(org.gongzhi.support.TestSms.lastCode(number)) ? "111111" : "000000");
            p.locator("main form.stacked button[type=submit]").click();
            assertThat(p.locator(".field-error").innerText()).contains("验证码不正确");
            p.fill("input[name=code]", org.gongzhi.support.TestSms.lastCode(number));
            p.locator("main form.stacked button[type=submit]").click();
            assertThat(p.locator("main").innerText()).contains("已更换 3 号楼前两盏路灯");
            // Sent without a choice: both questions say so, and nothing is recorded.
            p.locator("form.rating button[type=submit]").click();
            assertThat(p.locator("form.rating .field-error").count()).isEqualTo(2);
            p.locator("form.rating input[name=resolved][value=true]").check();
            p.locator("form.rating input[name=satisfaction][value=SATISFIED]").check();
            p.fill("form.rating textarea[name=comment]", "修得很快，谢谢！");
            collect(failures, () -> Browsers.accessible(p, "/track/{code}/follow-up rating (phone)"));
            collect(failures, () -> Browsers.fitsThePhone(p, "/track/{code}/follow-up rating"));
            Browsers.shot(p, "follow-up-rating-phone");
            p.locator("form.rating button[type=submit]").click();
            assertThat(p.url()).endsWith("/follow-up/done");
            assertThat(p.locator("main").innerText()).contains("感谢您的评价");
            Browsers.shot(p, "follow-up-done-phone");
        }
        try (BrowserContext desktop = browsers.desktop()) {
            Page s = desktop.newPage();
            browsers.signIn(s, "xueyuanlu.street-admin", null);
            s.navigate(browsers.url("/appeals/find?code=" + code));
            assertThat(s.locator("dl.facts").innerText()).contains("已解决").contains("满意");
            s.navigate(browsers.url("/settings/follow-up"));
            assertThat(s.locator("input[name=answerWithin]").inputValue()).isEqualTo("3wd");
            collect(failures, () -> Browsers.accessible(s, "/settings/follow-up"));
            Browsers.shot(s, "follow-up-settings-desktop");
        }
        assertThat(failures).isEmpty();
    }
}
