package org.gongzhi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.util.ArrayList;
import java.util.List;
import org.gongzhi.support.PlatformTest;
import org.junit.jupiter.api.Test;

/**
 * The 项目清单 in the browser: the street proposes a project with two funders whose pledges make the budget (a split
 * that does not add up is refused beside the parties), approves it, records both payments, the milestones reach 100%,
 * the project is completed, and a resident evaluates it on the public page; the seed's projects show their split.
 */
@PlatformTest
class ProjectPagesIT extends InTheBrowser {

    @Test
    void a_project_with_two_funders_is_approved_reaches_its_milestones_and_is_evaluated_by_a_resident() {
        List<String> failures = new ArrayList<>();
        String project;
        try (BrowserContext desktop = browsers.desktop()) {
            Page s = desktop.newPage();
            browsers.signIn(s, "xueyuanlu.street-admin", null);

            // The seed's projects with their split.
            s.navigate(browsers.url("/projects"));
            String list = s.locator("main table").innerText();
            assertThat(list).contains("北京科技大学 1,500,000.00").contains("学院路街道办事处 1,500,000.00");
            collect(failures, () -> Browsers.accessible(s, "/projects"));
            Browsers.shot(s, "projects-desktop");

            s.navigate(browsers.url("/projects/new"));
            s.fill("input[name=title]", "二里庄社区口袋公园");
            s.fill("textarea[name=summary]", "把二里庄闲置空地改成口袋公园，北京林业大学出设计，街道和北京科技大学共同出资。");
            s.locator("#unitCode-text").fill("");
            s.locator("#unitCode-text").pressSequentially("二里庄社");
            s.locator("#unitCode-options [role=option]", text("二里庄社区")).first().click();
            assertThat(s.inputValue("input[name=unitCode]")).isEqualTo("110108010005");
            s.fill("input[name=budget]", "80万");
            s.locator("select[name=partyId]").nth(0).selectOption(new SelectOption().setLabel("学院路街道办事处"));
            s.locator("input[name=partyPledge]").nth(0).fill("50万");
            s.locator("select[name=partyId]").nth(1).selectOption(new SelectOption().setLabel("北京科技大学"));
            s.locator("input[name=partyPledge]").nth(1).fill("20万");
            collect(failures, () -> Browsers.accessible(s, "/projects/new"));
            s.locator("main form.stacked button[type=submit]").click();
            // 50万 + 20万 is not the budget of 80万: refused beside the parties, the form kept as typed.
            assertThat(s.locator("fieldset.parties .field-error").innerText())
                    .contains("700,000.00")
                    .contains("800,000.00");
            assertThat(s.locator("input[name=title]").inputValue()).isEqualTo("二里庄社区口袋公园");
            Browsers.shot(s, "project-split-refused");
            s.locator("input[name=partyPledge]").nth(1).fill("30万");
            s.locator("main form.stacked button[type=submit]").click();
            assertThat(s.url()).matches(".*/projects/[0-9a-f-]{36}$");
            project = s.url().substring(s.url().lastIndexOf('/') + 1);
            assertThat(s.locator("h1").innerText()).contains("已申报");

            s.fill("section.milestones input[name=title]", "设计方案");
            s.locator("section.milestones button[type=submit]", text("添加里程碑")).click();
            s.fill("section.milestones input[name=title]", "施工完成");
            s.locator("section.milestones button[type=submit]", text("添加里程碑")).click();
            s.fill("section.steps input[name=text]", "重点事项会商 2026 年第 4 次");
            s.locator("section.steps button[type=submit]", text("立项")).click();
            assertThat(s.locator("p.notice").innerText()).contains("已立项");

            for (String party : List.of("学院路街道办事处", "北京科技大学")) {
                s.locator("select[name=organisationId]").selectOption(new SelectOption().setLabel(party));
                s.fill("form[action$='/payments'] input[name=amount]", party.startsWith("学院路") ? "50万" : "30万");
                s.locator("form[action$='/payments'] button[type=submit]").click();
                assertThat(s.locator("p.notice").innerText()).contains("到位资金已登记");
            }
            // A payment past the pledge is refused and nothing changes.
            s.locator("select[name=organisationId]").selectOption(new SelectOption().setLabel("北京科技大学"));
            s.fill("form[action$='/payments'] input[name=amount]", "1");
            s.locator("form[action$='/payments'] button[type=submit]").click();
            assertThat(s.locator("p.notice").innerText()).contains("超过认缴").contains("最多还可登记 0.00 元");
            // The refused form keeps what was typed, to be corrected rather than typed again.
            assertThat(s.inputValue("form[action$='/payments'] input[name=amount]"))
                    .isEqualTo("1");
            assertThat(s.locator("select[name=organisationId] option:checked").innerText())
                    .isEqualTo("北京科技大学");
            assertThat(s.locator("dl.facts").innerText()).contains("800,000.00 / 800,000.00 (100%)");
            // A payment recorded wrongly is reversed (冲正) with its reason and stays in the ledger; then recorded again.
            var ustbPayment = s.locator("section.ledger table.payments tbody tr", text("北京科技大学"));
            ustbPayment.locator("summary").click();
            ustbPayment.locator("input[name=reason]").fill("到账日期录错");
            ustbPayment.locator("button[type=submit]").click();
            assertThat(s.locator("p.notice").innerText()).contains("已冲正");
            assertThat(s.locator("dl.facts").innerText()).contains("500,000.00 / 800,000.00 (63%)");
            assertThat(s.locator("section.ledger table.payments").innerText())
                    .contains("已冲正")
                    .contains("-300,000.00")
                    .contains("到账日期录错");
            collect(failures, () -> Browsers.accessible(s, "/projects/{id} with its ledger"));
            Browsers.shot(s, "project-ledger-desktop");
            s.locator("select[name=organisationId]").selectOption(new SelectOption().setLabel("北京科技大学"));
            s.fill("form[action$='/payments'] input[name=amount]", "30万");
            s.locator("form[action$='/payments'] button[type=submit]").click();
            assertThat(s.locator("dl.facts").innerText()).contains("800,000.00 / 800,000.00 (100%)");

            for (int position = 1; position <= 2; position++) {
                var form = s.locator("form.progress-form").nth(position - 1);
                form.locator("input[name=progress]").fill("100");
                form.locator("button[type=submit]").click();
                assertThat(s.locator("p.notice").innerText()).contains("进度已更新");
            }
            assertThat(s.locator("dl.facts").innerText()).contains("100%");
            s.fill("section.steps textarea[name=text]", "建成 600 平方米口袋公园，周边 3000 名居民受益。");
            s.locator("section.steps button[type=submit]", text("结项")).click();
            assertThat(s.locator("h1").innerText()).contains("已完成");
            collect(failures, () -> Browsers.accessible(s, "/projects/{id}"));
            Browsers.shot(s, "project-desktop");
        }

        try (BrowserContext phone = browsers.phone()) {
            Page p = phone.newPage();
            p.navigate(browsers.url("/public/projects/" + project));
            assertThat(p.locator("section.funding").innerText())
                    .contains("学院路街道办事处")
                    .contains("500,000.00（63%）");
            assertThat(p.locator("section.evaluate").innerText()).contains("登录后评价");
            // 登录后评价 leads to the resident sign-in, and back to this project afterwards.
            p.locator("section.evaluate a", text("登录后评价")).click();
            assertThat(p.url()).contains("/resident/login");
            String number = "137" + String.format("%08d", new java.util.Random().nextInt(100_000_000));
            p.fill("input[name=phone]", number);
            p.locator("main.login form.stacked button[type=submit]").click();
            p.fill("input[name=code]", org.gongzhi.support.TestSms.lastCode(number));
            p.locator("main.login form.stacked button[type=submit]").click();
            assertThat(p.url()).endsWith("/public/projects/" + project);
            p.locator("section.evaluate input[name=score][value='4']").check();
            p.fill("section.evaluate textarea[name=comment]", "孩子们有地方玩了。有事打13912345678");
            p.locator("section.evaluate button[type=submit]").click();
            assertThat(p.locator("p.notice").innerText()).contains("感谢您的评价");
            assertThat(p.locator("dl.facts").innerText()).contains("1 人评价，平均 4.0 分");
            collect(failures, () -> Browsers.accessible(p, "/public/projects/{id} (phone)"));
            collect(failures, () -> Browsers.fitsThePhone(p, "/public/projects/{id}"));
            Browsers.shot(p, "public-project-phone");
            // Once per person: the form is no longer offered.
            assertThat(p.locator("section.evaluate").innerText()).contains("您已评价过这个项目");
            assertThat(p.locator("section.evaluate form").count()).isZero();
        }
        // A funder's 联络员 records the unit's own payments on the page, and only its own.
        try (BrowserContext desktop = browsers.desktop()) {
            Page l = desktop.newPage();
            browsers.signIn(l, "xueyuanlu.liaison", null);
            l.navigate(browsers.url("/projects?q=适老化电梯加装"));
            l.locator("main table a", text("适老化电梯加装")).first().click();
            assertThat(l.locator("form[action$='/payments'] select[name=organisationId] option")
                            .allInnerTexts())
                    .containsExactly("北京科技大学");
            assertThat(l.locator("form[action$='/expenses']").count()).isZero();
        }
        // On a phone the list and the ledger become cards, also with a 冲正 form open.
        try (BrowserContext phone = browsers.phone()) {
            Page m = phone.newPage();
            browsers.signIn(m, "xueyuanlu.street-admin", null);
            m.navigate(browsers.url("/projects"));
            collect(failures, () -> Browsers.fitsThePhone(m, "/projects (phone)"));
            Browsers.shot(m, "projects-phone");
            m.navigate(browsers.url("/projects/" + project));
            m.locator("section.ledger table.payments tbody tr summary").first().click();
            collect(failures, () -> Browsers.fitsThePhone(m, "/projects/{id} with a 冲正 form open (phone)"));
            Browsers.shot(m, "project-ledger-phone");
        }
        // Staff read the residents' comments on the project's page, with the number masked and no evaluator named.
        try (BrowserContext desktop = browsers.desktop()) {
            Page s = desktop.newPage();
            browsers.signIn(s, "xueyuanlu.street-admin", null);
            s.navigate(browsers.url("/projects/" + project));
            assertThat(s.locator("section.comments").innerText())
                    .contains("4 分")
                    .contains("孩子们有地方玩了。有事打139****5678")
                    .doesNotContain("13912345678");
        }
        assertThat(failures).isEmpty();
    }
}
