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
}
