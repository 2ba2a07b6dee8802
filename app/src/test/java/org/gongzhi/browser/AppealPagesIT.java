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

            String reversed = "/appeals?from=2026-11-10&to=2026-11-01";
            for (String path : List.of("/appeals", "/appeals/new", "/appeals/work", "/appeals/map", detail, reversed)) {
                String name = path.replaceAll("^https?://[^/]+", "")
                        .replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("-[0-9a-f]{8}-.*", "-id");
                p.setViewportSize(1280, 900);
                p.navigate(path.startsWith("http") ? path : browsers.url(path));
                if (path.equals("/appeals/map")) {
                    // The appeals just registered are counted on their 社区, in the table under the map too.
                    p.locator("#map[data-ready=true]").waitFor();
                    assertThat(p.locator("#map-counts tbody").innerText()).contains("二里庄社区");
                    assertThat(p.locator(".count-badge").count()).isPositive();
                }
                if (path.equals(reversed)) {
                    // Dates the wrong way round are said beside 至, and nothing is listed.
                    assertThat(p.locator("label.invalid .field-error").innerText())
                            .contains("截止日期早于起始日期");
                    assertThat(p.locator("table.appeals").count()).isZero();
                    assertThat(p.locator("p.empty").count())
                            .as("not 'none match': nothing was searched")
                            .isZero();
                }
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

    /**
     * The acceptance journey: a 12345 call goes to the police station by the directory, the station objects, the
     * street re-dispatches to the 居委会, which signs, responds and asks for more time; the street approves, the
     * 居委会 answers, the operator enters the caller's follow-up and closes it. Each person works from their inbox or
     * work list in their own browser.
     */
    @Test
    void one_appeal_goes_from_the_operator_through_objection_and_an_approved_extension_to_closure() {
        try (BrowserContext street = browsers.desktop();
                BrowserContext police = browsers.desktop();
                BrowserContext community = browsers.phone()) {
            Page s = street.newPage();
            browsers.signIn(s, "xueyuanlu.street-admin", null);
            s.navigate(browsers.url("/appeals/new"));
            s.fill("input[name=reporterPhone]", "139 2222 3333");
            s.fill("input[name=workOrderNumber]", "GD" + System.nanoTime());
            s.locator("#categoryCode-text").pressSequentially("养犬");
            s.locator("#categoryCode-options [role=option]", text("违规养犬"))
                    .first()
                    .click();
            s.fill("textarea[name=content]", "二里庄社区3号楼有住户遛狗不牵绳，已吓到老人孩子，请管一管。");
            s.locator("#unitCode-text").pressSequentially("二里庄社");
            s.locator("#unitCode-options [role=option]", text("二里庄社区")).first().click();
            s.locator("form.intake button[type=submit]").click();
            String code = s.locator(".notice").innerText().replaceAll("(?s).*查询码 ([0-9A-Z]+).*", "$1");
            String detail = s.url();
            act(s, "ACCEPT", null, null);
            act(s, "DISPATCH", null, null);
            assertThat(s.locator("dl.facts").innerText()).contains("海淀分局学院路派出所");

            // The police station finds the new work order in its inbox and objects.
            Page p = police.newPage();
            browsers.signIn(p, "xueyuanlu.department", null);
            p.navigate(browsers.url("/inbox"));
            p.locator("li.unread", text(code)).locator("button").click();
            p.waitForURL(detail);
            act(p, "OBJECT", "reason", "小区内文明养犬由居委会和物业劝导，不属派出所执法范围");
            assertThat(p.locator("h1 .state").innerText()).isEqualTo("退单待审");
            Browsers.shot(p, "journey-objected-desktop");

            // The street reviews the objection from its inbox and sends it to the 居委会.
            s.navigate(browsers.url("/inbox"));
            s.locator("li.unread", text(code)).locator("button").click();
            s.locator("#action-REDISPATCH summary").click();
            s.locator("#redispatch-handler-text").pressSequentially("二里庄社区居委");
            s.locator("#redispatch-handler-options [role=option]", text("二里庄社区居委会"))
                    .first()
                    .click();
            s.fill("#action-REDISPATCH textarea[name=reason]", "文明养犬劝导由居委会首接");
            s.locator("#action-REDISPATCH button[type=submit]").click();
            assertThat(s.locator("dl.facts").innerText()).contains("二里庄社区居委会");

            // The community worker, on a phone, signs, responds and asks for five more working days.
            Page c = community.newPage();
            browsers.signIn(c, "xueyuanlu.community", null);
            c.navigate(browsers.url("/appeals/work"));
            c.locator("a", text(code)).first().click();
            act(c, "SIGN", null, null);
            act(c, "RESPOND", "note", "已电话联系诉求人，约定上门了解情况");
            String dueBefore = c.locator("dl.facts").innerText();
            act(c, "REQUEST_EXTENSION", "reason", "需与物业共同入户劝导，并组织文明养犬宣传");
            assertThat(c.locator("main").innerText()).contains("延期 5 个工作日 待审批");
            // The worker may not approve their own request: the action is not offered to them.
            assertThat(c.locator("details.action summary").allInnerTexts()).doesNotContain("审批延期");
            Browsers.fitsThePhone(c, "appeal detail (community worker)");
            Browsers.shot(c, "journey-extension-requested-phone");

            // The street approves; the deadline moves on.
            s.navigate(detail);
            act(s, "DECIDE_EXTENSION", null, null);
            assertThat(s.locator("dl.facts").innerText()).isNotEqualTo(dueBefore);
            assertThat(s.locator("ol.timeline").innerText()).contains("同意延期 5 个工作日，办理时限延至");

            c.navigate(detail);
            act(c, "ANSWER", "result", "已会同物业入户劝导，住户承诺遛狗牵绳；楼内张贴文明养犬提示。");
            assertThat(c.locator("h1 .state").innerText()).isEqualTo("已答复");

            // The operator calls the resident back and closes the case.
            s.navigate(detail);
            s.locator("#action-FOLLOW_UP summary").click();
            s.locator("#action-FOLLOW_UP input[name=resolved][value=true]").check();
            s.locator("#action-FOLLOW_UP select[name=satisfaction]").selectOption("SATISFIED");
            s.fill("#action-FOLLOW_UP textarea[name=comment]", "诉求人表示已解决，满意");
            s.locator("#action-FOLLOW_UP button[type=submit]").click();
            act(s, "CLOSE", null, null);
            assertThat(s.locator("h1 .state").innerText()).isEqualTo("已结案");
            assertThat(s.locator("ol.timeline").innerText())
                    .contains("受理")
                    .contains("立案")
                    .contains("派单")
                    .contains("退单")
                    .contains("改派")
                    .contains("签收")
                    .contains("响应")
                    .contains("申请延期")
                    .contains("审批延期")
                    .contains("答复")
                    .contains("回访")
                    .contains("结案");
            Browsers.shot(s, "journey-closed-desktop");
        }
    }

    /** Opens an action on the appeal page, fills its one text field when given, and submits it. */
    private static void act(Page p, String action, String field, String text) {
        p.locator("#action-" + action + " summary").click();
        if (field != null) {
            p.fill("#action-" + action + " textarea[name=" + field + "]", text);
        }
        p.locator("#action-" + action + " button[type=submit]").click();
        assertThat(p.locator(".notice").innerText()).as(action).isNotBlank();
        assertThat(p.locator(".form-problem").count()).as(action).isZero();
    }
}
