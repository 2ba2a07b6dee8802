package org.gongzhi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.gongzhi.support.PlatformTest;
import org.junit.jupiter.api.Test;

/**
 * 接诉即办 in a real browser: a 12345 operator registers a call from the keyboard-first form, the street accepts it and
 * dispatches it by the directory, and every appeal page passes the accessibility checks at both widths.
 */
@PlatformTest
class AppealPagesIT extends InTheBrowser {

    @Test
    void an_operator_registers_a_call_and_the_street_accepts_and_dispatches_it_by_the_directory() {
        List<String> failures = new ArrayList<>();
        try (BrowserContext desktop = browsers.desktop()) {
            Page p = desktop.newPage();
            browsers.signIn(p, "xueyuanlu.street-admin", null);
            p.navigate(browsers.url("/appeals/new"));
            p.fill("input[name=reporterPhone]", "139 1111 2222");
            p.fill("input[name=reporterName]", "赵六");
            p.fill("input[name=workOrderNumber]", "GD" + System.nanoTime());
            p.locator("#categoryCode-text").pressSequentially("乱停车");
            p.locator("#categoryCode-options [role=option]", text("机动车乱停放"))
                    .first()
                    .click();
            p.fill("textarea[name=content]", "二里庄小区北门外机动车长期乱停放，堵塞消防通道，请尽快处理。");
            // A street candidate fills the 街道 and the street; changing the unit by hand lets the street go.
            p.fill("input[name=address]", "二里庄胡同东口");
            p.locator("input[name=address]").press("Enter");
            p.locator(".address-candidates button.candidate", text("二里庄胡同"))
                    .first()
                    .click();
            assertThat(p.locator(".picked-street").innerText()).contains("二里庄胡同");
            assertThat(p.locator("#unitCode-text").inputValue()).isEqualTo("学院路街道");
            p.locator("#unitCode-text").pressSequentially("二");
            assertThat(p.locator(".picked-street").isHidden()).isTrue();
            assertThat(p.locator("input[name=streetCode]").inputValue()).isEmpty();
            p.locator("#unitCode-text").fill("");

            // The address names its place: Enter looks it up, the best candidate comes first, a click confirms it.
            p.evaluate("document.querySelector('.address-candidates div.result').remove()");
            p.fill("input[name=address]", "学院路二里庄一区三号楼北侧");
            p.locator("input[name=address]").press("Enter");
            assertThat(p.url()).endsWith("/appeals/new");
            var best = p.locator(".address-candidates button.candidate").first();
            assertThat(best.innerText()).contains("3号楼").contains("二里庄一区");
            assertThat(p.evaluate("document.activeElement.classList.contains('candidate')"))
                    .isEqualTo(true);
            Browsers.shot(p, "appeal-intake-address-desktop");
            best.click();
            assertThat(p.locator("#unitCode-text").inputValue()).isEqualTo("3号楼");
            Browsers.shot(p, "appeal-intake-desktop");
            p.locator("form.intake button[type=submit]").click();
            assertThat(p.url()).matches(".*/appeals/[0-9a-f-]{36}$");
            assertThat(p.locator(".notice").innerText()).contains("查询码").contains("凭证");
            assertThat(p.locator("dl.facts").innerText())
                    .contains("机动车乱停放")
                    .contains("赵*")
                    .contains("139****2222")
                    .doesNotContain("赵六");
            Browsers.shot(p, "appeal-registered-desktop");

            p.locator("details.action summary", text("立案")).click();
            p.locator("#action-ACCEPT button[type=submit]").click();
            assertThat(p.locator(".notice").innerText()).contains("立案");
            assertThat(p.locator("main .hint").first().innerText()).contains("海淀交通支队学院路大队");
            p.locator("details.action summary", text("派单")).first().click();
            p.locator("#action-DISPATCH button[type=submit]").click();
            assertThat(p.locator("dl.facts").innerText()).contains("海淀交通支队学院路大队");
            assertThat(p.locator("ol.timeline").innerText())
                    .contains("受理")
                    .contains("立案")
                    .contains("派单");
            String detail = p.url();
            Browsers.shot(p, "appeal-dispatched-desktop");

            // The same caller again: their earlier appeal shows as soon as the number is typed, masked.
            p.navigate(browsers.url("/appeals/new"));
            p.fill("input[name=reporterPhone]", "13911112222");
            p.locator("input[name=reporterPhone]").press("Tab");
            p.locator(".caller-history div.result").waitFor();
            assertThat(p.locator(".caller-history").innerText())
                    .contains("机动车乱停放")
                    .contains("二里庄小区北门外机动车长期乱停放")
                    .doesNotContain("赵六");
            Browsers.shot(p, "appeal-intake-caller-desktop");

            // Acting on a page read before someone else's change says so and changes nothing.
            p.navigate(detail);
            p.evaluate("document.querySelector('#action-HAND_OFF_EMERGENCY input[name=version]').value = '0'");
            p.locator("details.action summary", text("紧急转办")).click();
            p.locator("#action-HAND_OFF_EMERGENCY button[type=submit]").click();
            assertThat(p.locator(".refusal").innerText()).contains("已被他人处理");
            assertThat(p.locator("ol.timeline").innerText()).doesNotContain("紧急转办");
            // The street administrator dispatches but does not sign for the traffic police.
            assertThat(p.locator("details.action summary").allInnerTexts()).doesNotContain("签收");
            assertThat(p.locator("h1 .state").innerText()).isEqualTo("已派单");

            for (String path : List.of("/appeals", "/appeals/new", "/appeals/work", detail)) {
                String name = path.replaceAll("^https?://[^/]+", "")
                        .replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("-[0-9a-f]{8}-.*", "-id");
                p.setViewportSize(1280, 900);
                p.navigate(path.startsWith("http") ? path : browsers.url(path));
                collect(failures, () -> Browsers.accessible(p, path + " (desktop)"));
                collect(failures, () -> Browsers.readable(p, path + " (desktop)"));
                Browsers.shot(p, "pages/appeal" + name + "-desktop");
                p.setViewportSize(390, 844);
                collect(failures, () -> Browsers.accessible(p, path + " (phone)"));
                collect(failures, () -> Browsers.fitsThePhone(p, path));
                Browsers.shot(p, "pages/appeal" + name + "-phone");
            }
        }
        assertThat(failures).isEmpty();
    }
}
