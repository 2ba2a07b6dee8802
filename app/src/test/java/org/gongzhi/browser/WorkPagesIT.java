package org.gongzhi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.List;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.TestSms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages staff and residents work in, in a real browser: the workbench, editing councils and responsibility lists
 * with pickers on a phone, forms that keep what was typed and answer with a redirect, only the actions a viewer may
 * take, and every page checked by axe-core at desktop and phone width.
 */
@PlatformTest
class WorkPagesIT extends InTheBrowser {

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_street_administrator_founds_a_council_seats_two_units_and_keeps_a_duty_list_on_a_phone() {
        try (BrowserContext phone = browsers.phone()) {
            Page p = phone.newPage();
            browsers.signIn(p, "xueyuanlu.street-admin", null);
            assertThat(p.url()).endsWith("/workbench");
            assertThat(p.locator("#workbench-figures").innerText()).isEqualTo("学院路街道概况");
            assertThat(p.locator(".tiles").innerText())
                    .contains("29")
                    .contains("社区")
                    .doesNotContain("街道\n");
            Browsers.shot(p, "workbench-phone");

            p.locator("a.button", text("成立协调委员会")).click();
            p.locator("label.check", text("社区级")).locator("input").check();
            p.locator("#unitCode-text").pressSequentially("二里庄南");
            p.locator("#unitCode-options [role=option]").first().click();
            assertThat(p.locator("input[name=unitCode]").inputValue()).isEqualTo("110108010026");
            p.fill("input[name=name]", "二里庄南社区党建工作协调委员会");
            p.fill("input[name=chair]", "二里庄南社区党委书记");
            Browsers.shot(p, "council-form-phone");
            p.locator("form.stacked button[type=submit]").click();
            assertThat(p.locator(".notice").innerText()).isEqualTo("已成立二里庄南社区党建工作协调委员会。");
            assertThat(p.locator("main .empty").innerText()).contains("还没有成员单位");

            admit(p, "北京科技", "北京科技大学", "李明");
            admit(p, "北京语言", "北京语言大学", "王芳");
            assertThat(p.locator("table.members tbody tr").count()).isEqualTo(2);
            assertThat(p.locator("table.members").innerText()).contains("李*").doesNotContain("李明");
            Browsers.fitsThePhone(p, "council with members");
            Browsers.shot(p, "council-members-phone");

            // Unseat one, after confirming.
            Locator second = p.locator("table.members tbody tr", text("北京语言大学"));
            second.locator("summary", new Locator.LocatorOptions().setHasText("移出"))
                    .click();
            second.locator("button.danger").click();
            assertThat(p.locator(".notice").innerText()).isEqualTo("已将北京语言大学移出成员单位。");
            assertThat(p.locator("table.members tbody tr").count()).isEqualTo(1);

            p.navigate(browsers.url("/responsibility-lists/new"));
            p.fill("input[name=title]", "二里庄南社区楼门治理责任清单");
            p.locator(".picker-tree summary").click();
            p.locator(".picker-tree button.pick").first().click();
            assertThat(p.locator("input[name=unitCode]").inputValue()).isEqualTo("110108010");
            Locator parties = p.locator(".row.party");
            parties.nth(0).locator("input[name=partyName]").fill("社区党委");
            parties.nth(1).locator("input[name=partyName]").fill("物业服务企业");
            parties.nth(1).locator(".picker-text").pressSequentially("北京科技");
            parties.nth(1).locator(".picker-options [role=option]").first().click();
            Locator duties = p.locator(".row.duty");
            duties.nth(0).locator("textarea").fill("每月召开楼门长会议");
            duties.nth(0).locator("select[name=dutyOwner]").selectOption("p1");
            duties.nth(0).locator("select[name=dutyCadence]").selectOption("MONTHLY");
            duties.nth(0).locator("input[name=dutyEvidence]").fill("会议纪要");
            duties.nth(1).locator("textarea").fill("每周巡查楼道堆物");
            assertThat(duties.nth(1)
                            .locator("select[name=dutyOwner] option")
                            .nth(2)
                            .innerText())
                    .isEqualTo("物业服务企业");
            duties.nth(1).locator("select[name=dutyOwner]").selectOption("p2");
            duties.nth(1).locator("select[name=dutyCadence]").selectOption("WEEKLY");
            Browsers.shot(p, "list-form-phone");
            p.locator("form.stacked button[type=submit]").last().click();
            assertThat(p.locator(".notice").innerText()).isEqualTo("已制定“二里庄南社区楼门治理责任清单”。");
            assertThat(p.locator("table.matrix tbody tr").count()).isEqualTo(2);
            assertThat(p.locator("main .empty").innerText()).contains("还没有完成记录");

            p.selectOption("select[name=duty]", "1");
            p.fill("input[name=evidence]", "2026年11月楼门长会议纪要");
            p.locator("form.record button[type=submit]").click();
            assertThat(p.locator(".notice").innerText()).startsWith("已记录第 1 项职责于");
            assertThat(p.locator("table.records").innerText()).contains("2026年11月楼门长会议纪要");
            // POST–redirect–GET: reloading shows the page again and records nothing twice.
            p.reload();
            assertThat(p.locator("table.records tbody tr").count()).isEqualTo(1);
            assertThat(p.locator(".notice").count()).isZero();
            Browsers.fitsThePhone(p, "responsibility list");
            Browsers.shot(p, "responsibility-list-phone");
        }
    }

    /** Every page, signed out and signed in, at desktop and at phone width: axe-core, and nothing too wide. */
    @Test
    void every_page_passes_the_accessibility_checks_at_both_widths() {
        String council = jdbc.sql("select id from organization.council where name like '学院路街道%'")
                .query(String.class)
                .single();
        String list = jdbc.sql("select id from organization.responsibility_list where title like '国定一%'")
                .query(String.class)
                .single();
        String university = jdbc.sql("select id from organization.organisation where name = '北京科技大学'")
                .query(String.class)
                .single();
        check(
                null,
                List.of(
                        "/",
                        "/login",
                        "/resident/login",
                        "/territory",
                        "/territory/units/110108010005",
                        "/territory/units/110108010",
                        "/territory/overlays/110108010S003",
                        "/territory/overlays/310110012Z02",
                        "/organizations",
                        "/organizations/" + university,
                        "/councils",
                        "/councils/" + council,
                        "/responsibility-lists",
                        "/responsibility-lists/" + list,
                        "/no-such-page"));
        check(
                "xueyuanlu.street-admin",
                List.of(
                        "/workbench",
                        "/councils/new",
                        "/councils/" + council,
                        "/responsibility-lists/new",
                        "/organizations/new",
                        "/organizations/" + university + "/edit",
                        "/organizations/import",
                        "/territory/import",
                        "/settings/knowledge",
                        "/settings/knowledge?q=暖气几号来"));
        check("wujiaochang.community", List.of("/workbench", "/responsibility-lists/" + list));
        check("auditor", List.of("/workbench", "/audit"));
        check("secadmin", List.of("/admin/accounts", "/admin/accounts/new"));
        check("sysadmin", List.of("/settings/calendar"));
        assertThat(failures).as("pages that fail a check").isEmpty();
        assertThat(browsers.scriptErrors().stream()
                        .filter(e -> !e.contains("status of 4"))
                        .toList())
                .isEmpty();
    }

    @Test
    void an_editor_finds_an_answer_in_the_callers_words_and_adds_one() {
        try (BrowserContext desktop = browsers.desktop()) {
            Page p = desktop.newPage();
            browsers.signIn(p, "xueyuanlu.street-admin", null);
            p.navigate(browsers.url("/settings/knowledge"));
            p.fill("input[name=q]", "暖气几号来");
            p.locator("form.filters button[type=submit]").click();
            assertThat(p.locator("table.data tbody tr").first().innerText()).contains("集中供暖时间和室温标准");

            p.locator("label", text("法定途径")).locator("input").check();
            p.fill("input[name=title]", "拆迁补偿争议");
            p.fill("textarea[name=questions]", "拆迁补偿不合理");
            p.fill("textarea[name=answer]", "对征收补偿决定不服的，可以依法申请行政复议，也可以依法提起行政诉讼。");
            p.fill("input[name=source]", "《国有土地上房屋征收与补偿条例》第二十六条");
            p.locator("section form.stacked button[type=submit]").click();
            assertThat(p.locator(".notice").innerText()).contains("已新增“拆迁补偿争议”");
            p.navigate(browsers.url("/settings/knowledge?q="
                    + java.net.URLEncoder.encode("我家拆迁补偿太低了", java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(p.locator("table.data tbody tr").first().innerText()).contains("拆迁补偿争议");
            Browsers.shot(p, "knowledge-desktop");

            // An empty answer is refused beside its field, and what was typed stays.
            p.navigate(browsers.url("/settings/knowledge"));
            p.fill("input[name=title]", "空白答复");
            p.locator("section form.stacked button[type=submit]").click();
            assertThat(p.locator("label.invalid", text("答复")).innerText()).contains("不能为空");
            assertThat(p.locator("input[name=title]").inputValue()).isEqualTo("空白答复");
        }
    }

    /** The checks can fail: a page with an unlabelled input and an image without text is refused. */
    @Test
    void the_checks_refuse_a_page_that_breaks_them() {
        try (BrowserContext desktop = browsers.desktop()) {
            Page p = desktop.newPage();
            p.setContent("<!DOCTYPE html><html lang=\"zh-CN\"><head><title>x</title></head><body><main>"
                    + "<input type=\"text\"><img src=\"data:,\"><table><tr><td style=\"width:8px;"
                    + "display:block\">二里庄社区</td></tr></table><div style=\"width:2000px\">宽</div>"
                    + "</main></body></html>");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Browsers.accessible(p, "broken"))
                    .hasMessageContaining("label")
                    .hasMessageContaining("image-alt");
            p.setViewportSize(390, 844);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Browsers.fitsThePhone(p, "broken"))
                    .hasMessageContaining("wider than the screen");
        }
    }

    private final List<String> failures = new java.util.ArrayList<>();

    /** Runs every check on every page and reports all that fail at the end, not just the first. */
    private void collect(Runnable check) {
        try {
            check.run();
        } catch (AssertionError e) {
            failures.add(
                    e.getMessage().lines().filter(l -> !l.isBlank()).findFirst().orElse("") + " "
                            + e.getMessage().lines().skip(1).collect(java.util.stream.Collectors.joining(" ")));
        }
    }

    private void check(String account, List<String> paths) {
        try (BrowserContext context = browsers.desktop()) {
            Page p = context.newPage();
            if (account != null) {
                if (account.equals("auditor") || account.equals("secadmin") || account.equals("sysadmin")) {
                    browsers.signInWithCode(p, account);
                } else {
                    browsers.signIn(p, account, null);
                }
            }
            String who = account == null ? "visitor" : account;
            for (String path : paths) {
                String name = who + path.replaceAll("[^a-z0-9]+", "-").replaceAll("-[0-9a-f]{8}-.*", "-id");
                p.setViewportSize(1280, 900);
                p.navigate(browsers.url(path));
                collect(() -> Browsers.accessible(p, who + " " + path + " (desktop)"));
                collect(() -> Browsers.readable(p, who + " " + path + " (desktop)"));
                Browsers.shot(p, "pages/" + name + "-desktop");
                p.setViewportSize(390, 844);
                collect(() -> Browsers.accessible(p, who + " " + path + " (phone)"));
                collect(() -> Browsers.fitsThePhone(p, who + " " + path));
                Browsers.shot(p, "pages/" + name + "-phone");
            }
        }
    }

    private static void admit(Page p, String typed, String name, String liaison) {
        p.locator("#organisationId-text").pressSequentially(typed);
        p.locator("#organisationId-options [role=option]", text(name)).first().click();
        p.fill("section form.stacked input[name=liaisonName]", liaison);
        p.locator("section form.stacked button[type=submit]").click();
        assertThat(p.locator(".notice").innerText()).isEqualTo("已接纳" + name + "为成员单位。");
    }

    @Test
    void a_form_shows_every_error_beside_its_field_and_keeps_what_was_typed() {
        try (BrowserContext desktop = browsers.desktop()) {
            Page p = desktop.newPage();
            p.navigate(browsers.url("/login"));
            p.fill("input[name=username]", "xueyuanlu.street-admin");
            p.fill("input[name=password]", "wrong password");
            p.locator("main.login form.stacked button[type=submit]").click();
            assertThat(p.locator("input[name=username]").inputValue()).isEqualTo("xueyuanlu.street-admin");

            browsers.signIn(p, "xueyuanlu.street-admin", null);
            p.navigate(browsers.url("/organizations/new"));
            p.fill("input[name=name]", "二里庄南便民服务站");
            p.fill("input[name=latitude]", "北纬四十度");
            p.locator("#unitCode-text").fill("没有选的单元");
            Response refused = p.waitForResponse(
                    r -> r.url().endsWith("/organizations")
                            && r.request().method().equals("POST"),
                    () -> p.locator("form.stacked button[type=submit]").click());
            assertThat(refused.status()).isEqualTo(400);
            assertThat(p.locator(".invalid .field-error").allInnerTexts()).contains("请填写数字。", "请从候选中选择。", "缺少类型。");
            assertThat(p.locator("input[name=name]").inputValue()).isEqualTo("二里庄南便民服务站");
            assertThat(p.locator("input[name=latitude]").inputValue()).isEqualTo("北纬四十度");
            Browsers.accessible(p, "refused organisation form");
            Browsers.shot(p, "organisation-form-errors");
        }
    }

    @Test
    void opening_a_masked_name_and_reloading_writes_one_audit_row() {
        try (BrowserContext desktop = browsers.desktop()) {
            Page p = desktop.newPage();
            browsers.signIn(p, "xueyuanlu.privacy", Browsers.demoCode());
            p.navigate(browsers.url("/councils?all=true"));
            p.locator("a", text("学院路街道党建工作协调委员会")).click();
            long before = unmaskRows();
            Locator row = p.locator("table.members tbody tr").first();
            row.locator("input[name=reason]").fill("核对联络员以安排共建会议");
            row.locator("form.unmask button").click();
            assertThat(p.locator(".revealed").count()).isEqualTo(1);
            assertThat(p.url()).doesNotContain("unmask");
            p.reload();
            assertThat(p.locator(".revealed").count()).isZero();
            assertThat(unmaskRows()).isEqualTo(before + 1);
        }
    }

    @Test
    void the_auditor_finds_entries_by_words_and_reads_each_change_in_words() {
        try (BrowserContext desktop = browsers.desktop()) {
            Page staff = desktop.newPage();
            browsers.signIn(staff, "xueyuanlu.street-admin", null);
            staff.navigate(browsers.url("/organizations/new"));
            staff.fill("input[name=name]", "审计演示便民服务站");
            staff.selectOption("select[name=kind]", "SOCIAL_ORGANIZATION");
            String first17 = "52110108MJ0000001";
            staff.fill(
                    "input[name=creditCode]",
                    first17
                            + org.gongzhi.shared.CreditCode.checkCharacter(first17)
                                    .orElseThrow());
            staff.locator("#unitCode-text").pressSequentially("二里庄社区");
            staff.locator("#unitCode-options [role=option]", text("二里庄社区"))
                    .first()
                    .click();
            staff.locator("form.stacked button[type=submit]").click();
            staff.locator("a.button", text("修改组织")).click();
            staff.fill("input[name=name]", "审计演示便民服务中心");
            staff.locator("form.stacked button[type=submit]").click();
            assertThat(staff.locator("h1").innerText()).contains("审计演示便民服务中心");
        }
        try (BrowserContext desktop = browsers.desktop()) {
            Page p = desktop.newPage();
            browsers.signInWithCode(p, "auditor");
            p.navigate(browsers.url("/audit"));
            p.fill("input[name=q]", "开通账号");
            p.locator("form.filters button[type=submit]").click();
            // The keyword may be a person's name: it stays out of the address bar and the history.
            assertThat(p.url()).contains("k=").doesNotContain("q=").doesNotContain("%E5%BC%80");
            assertThat(p.inputValue("input[name=q]")).isEqualTo("开通账号");
            Locator rows = p.locator("table.audit-log tbody tr");
            assertThat(rows.count()).isGreaterThan(0);
            // Every row found says the words: as its action, or in what it changed (an export filtered by them).
            assertThat(rows.allInnerTexts()).allMatch(row -> row.contains("开通账号"));
            assertThat(p.locator("table.audit-log td[data-label='动作']").allInnerTexts())
                    .contains("开通账号");
            assertThat(p.locator("table.audit-log tbody tr", text("开通账号"))
                            .filter(new Locator.FilterOptions().setHas(p.locator("td[data-label='动作']", text("开通账号"))))
                            .first()
                            .innerText())
                    .contains("角色");

            p.fill("input[name=q]", "审计演示");
            p.locator("form.filters button[type=submit]").click();
            String revised =
                    p.locator("table.audit-log tbody tr", text("修改组织")).first().innerText();
            assertThat(revised)
                    .contains("名称：审计演示便民服务站 → 审计演示便民服务中心")
                    .contains("街道管理员")
                    .doesNotContain("unitId");
            assertThat(p.locator("table.audit-log tbody tr", text("登记组织"))
                            .first()
                            .innerText())
                    .contains("所在单元：二里庄社区")
                    .contains("类型：社会组织");
            Browsers.shot(p, "audit-in-words");
            p.setViewportSize(390, 844);
            Browsers.fitsThePhone(p, "audit");
            Browsers.shot(p, "audit-in-words-phone");
        }
    }

    @Test
    void the_security_administrator_cares_for_an_account_and_a_disabled_account_stops_at_once() {
        try (BrowserContext admin = browsers.desktop();
                BrowserContext holder = browsers.phone()) {
            Page a = admin.newPage();
            browsers.signInWithCode(a, "secadmin");
            a.navigate(browsers.url("/admin/accounts/new"));
            assertThat(a.locator(".rules").innerText()).contains("密码要求").contains("至少三类");
            a.fill("input[name=username]", "erlizhuang.care");
            a.fill("input[name=displayName]", "二里庄值班员");
            a.fill("input[name=password]", "Care#2026gz");
            a.locator("label.check", text("社区工作者")).locator("input").check();
            a.locator("#unit-0-text").pressSequentially("二里庄社区");
            a.locator("#unit-0-options [role=option]", text("二里庄社区")).first().click();
            a.locator("fieldset[data-rows=units] .add-row").click();
            a.locator("#unit-1-text").pressSequentially("二里庄南");
            a.locator("#unit-1-options [role=option]").first().click();
            Browsers.shot(a, "account-form-pickers");
            a.locator("form.stacked button[type=submit]").click();
            assertThat(a.locator(".notice").innerText()).isEqualTo("已开通账号 erlizhuang.care。");
            String account = a.url();
            assertThat(a.locator(".facts").innerText()).contains("正常").contains("从未登录");

            Page h = holder.newPage();
            h.navigate(browsers.url("/login"));
            h.fill("input[name=username]", "erlizhuang.care");
            h.fill("input[name=password]", "Care#2026gz");
            h.locator("main.login form.stacked button[type=submit]").click();
            assertThat(h.url()).endsWith("/workbench");
            assertThat(h.locator(".hero").innerText()).contains("二里庄社区").contains("二里庄南社区");

            // A temporary password ends the holder's session; with it they can only choose their own.
            a.navigate(account);
            a.locator("summary", text("重置密码")).click();
            a.locator("details.inline-form button.danger", text("重置密码")).click();
            String temporary = a.locator(".temporary-password").innerText();
            assertThat(temporary).hasSize(12);
            a.reload();
            assertThat(a.locator(".temporary-password").count())
                    .as("shown once")
                    .isZero();
            h.navigate(browsers.url("/workbench"));
            assertThat(h.url()).endsWith("/login");
            h.fill("input[name=username]", "erlizhuang.care");
            h.fill("input[name=password]", temporary);
            h.locator("main.login form.stacked button[type=submit]").click();
            assertThat(h.url()).endsWith("/account/password");
            h.navigate(browsers.url("/workbench"));
            assertThat(h.url()).endsWith("/account/password");
            assertThat(h.locator(".rules").innerText()).contains("不能包含用户名");
            h.fill("input[name=current]", temporary);
            h.fill("input[name=password]", "short");
            h.fill("input[name=repeated]", "short");
            h.locator("form.stacked button[type=submit]").click();
            assertThat(h.locator(".invalid .field-error").innerText()).contains("密码至少");
            h.fill("input[name=current]", temporary);
            h.fill("input[name=password]", "Chosen#2026gz");
            h.fill("input[name=repeated]", "Chosen#2026gz");
            h.locator("form.stacked button[type=submit]").click();
            assertThat(h.url()).endsWith("/workbench");
            assertThat(h.locator(".notice").innerText()).isEqualTo("密码已修改。");

            // Five failures lock the account; the 安全管理员 sees it and unlocks it.
            try (BrowserContext other = browsers.desktop()) {
                Page o = other.newPage();
                for (int i = 0; i < 5; i++) {
                    o.navigate(browsers.url("/login"));
                    o.fill("input[name=username]", "erlizhuang.care");
                    o.fill("input[name=password]", "Wrong#2026gz" + i);
                    o.locator("main.login form.stacked button[type=submit]").click();
                }
            }
            a.navigate(browsers.url("/admin/accounts"));
            assertThat(a.locator("table.data tr", text("erlizhuang.care")).innerText())
                    .contains("已锁定")
                    .contains(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                            .toString());
            Browsers.fitsThePhone(a, "accounts");
            a.navigate(account);
            a.locator("button", text("解除锁定")).click();
            assertThat(a.locator(".notice").innerText()).isEqualTo("已解除账号 erlizhuang.care 的锁定。");
            assertThat(a.locator(".facts").innerText()).contains("正常");

            // Disabled: the holder's open session stops working on its very next request.
            h.navigate(browsers.url("/workbench"));
            assertThat(h.url()).endsWith("/workbench");
            a.locator("summary", text("停用账号")).click();
            a.locator("details.inline-form button.danger", text("停用账号")).click();
            assertThat(a.locator(".notice").innerText()).contains("已停用账号 erlizhuang.care");
            h.navigate(browsers.url("/councils/new"));
            assertThat(h.url())
                    .as("a form page sends a signed-out visitor to sign in")
                    .endsWith("/login");
            Browsers.shot(a, "account-care");
        }
    }

    private long unmaskRows() {
        return jdbc.sql("select count(*) from platform.audit_event where action = 'personal-data.unmasked'")
                .query(Long.class)
                .single();
    }

    @Test
    void a_resident_is_offered_no_staff_action_anywhere() {
        try (BrowserContext phone = browsers.phone()) {
            Page p = phone.newPage();
            String number = "136" + String.format("%08d", new java.util.Random().nextInt(100_000_000));
            p.navigate(browsers.url("/resident/login"));
            p.fill("input[name=phone]", number);
            p.locator("main.login form.stacked button[type=submit]").click();
            p.fill("input[name=code]", TestSms.lastCode(number));
            p.locator("main.login form.stacked button[type=submit]").click();
            assertThat(p.url()).endsWith("/resident");
            for (String path :
                    List.of("/", "/organizations", "/councils", "/responsibility-lists", "/territory", "/workbench")) {
                p.navigate(browsers.url(path));
                assertThat(p.locator("main form[method=post], main details.inline-form, main .picker")
                                .count())
                        .as(path)
                        .isZero();
                assertThat(p.locator("main a[href$='/new'], main a[href$='/import'], main a[href$='/edit']")
                                .count())
                        .as(path)
                        .isZero();
                assertThat(p.locator(".main-nav a", text("接口文档")).count()).isZero();
            }
            p.navigate(browsers.url("/councils?all=true"));
            p.locator("table.data a").first().click();
            assertThat(p.locator("main form, main details.inline-form").count()).isZero();
            Response form = p.navigate(browsers.url("/organizations/new"));
            assertThat(form.status()).isEqualTo(403);
            assertThat(p.locator("form.stacked").count()).isZero();
        }
    }
}
