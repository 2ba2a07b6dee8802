package org.gongzhi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.gongzhi.support.PlatformTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Journeys in a real browser: Debian's Chromium driven by Playwright, Chinese first, on a desktop and a phone.
 * Screenshots land in target/screenshots. Without a Chromium the journeys are skipped, except in CI where that fails.
 */
@PlatformTest
class BrowserIT {

    static Browsers browsers;
    static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void launch() throws Exception {
        browsers = Browsers.launch();
        browser = browsers.browser;
    }

    @AfterAll
    static void close() {
        if (browsers != null) {
            browsers.close();
        }
    }

    @BeforeEach
    void open() {
        browsers.at(port);
        context = browsers.desktop();
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    String url(String path) {
        return browsers.url(path);
    }

    void signIn(String user, String code) {
        browsers.signIn(page, user, code);
    }

    void shot(Page p, String name) {
        Browsers.shot(p, name);
    }

    /** The accessibility check every journey relies on really reports: an unnamed image and button fail it. */
    @Test
    void the_accessibility_check_finds_an_image_without_text_and_a_button_without_a_name() {
        page.setContent("<!DOCTYPE html><html lang=\"zh-CN\"><head><title>检查</title></head><body><main>"
                + "<img src=\"data:,\"><button></button></main></body></html>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Browsers.accessible(page, "a bad page"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt")
                .hasMessageContaining("button-name");
    }

    @Test
    void the_home_page_explains_the_platform_in_chinese_with_live_figures() {
        page.navigate(url("/"));
        assertThat(page.locator("h1").innerText()).contains("共建共治共享");
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("zh-CN");
        Locator tiles = page.locator(".tile");
        assertThat(tiles.count()).isGreaterThanOrEqualTo(6);
        assertThat(page.locator(".tile", new Page.LocatorOptions().setHasText("社区"))
                        .first()
                        .locator(".value")
                        .innerText())
                .isNotEqualTo("0");
        shot(page, "home-desktop");

        page.locator(".lang a[lang=en]").click();
        assertThat(page.locator("h1").innerText()).contains("A platform a subdistrict can actually run on");
        shot(page, "home-english");
    }

    @Test
    void the_home_page_fits_a_phone_and_its_menu_opens() {
        BrowserContext phone = browsers.phone();
        Page p = phone.newPage();
        p.navigate(url("/"));
        Object overflow = p.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        assertThat(p.locator(".main-nav").isVisible()).isFalse();
        p.locator(".nav-button").click();
        assertThat(p.locator(".main-nav a", new Page.LocatorOptions().setHasText("多元主体"))
                        .isVisible())
                .isTrue();
        shot(p, "home-phone");
        phone.close();
    }

    @Test
    void the_map_draws_the_subdistrict_and_a_click_says_where_it_is() {
        page.navigate(url("/territory?root=110108010"));
        page.waitForSelector("#map[data-ready=true]");
        assertThat(page.locator("#map path.leaflet-interactive").count()).isGreaterThan(100);
        // Open a 街区, then a 社区 in the tree: each level is fetched with htmx when opened.
        page.locator(".selected-tree summary", new Page.LocatorOptions().setHasText("二里庄街区"))
                .first()
                .locator(".kind")
                .click();
        page.locator(".selected-tree summary", new Page.LocatorOptions().setHasText("二里庄社区"))
                .first()
                .locator(".kind")
                .click();
        page.waitForSelector("text=二里庄社区第1网格");

        var box = page.locator("#map").boundingBox();
        page.mouse().click(box.x + box.width / 2, box.y + box.height / 2);
        page.waitForSelector("#locate-result dl");
        String result = page.locator("#locate-result").innerText();
        assertThat(result).contains("学院路街道").contains("北京市海淀区").contains("网格");
        shot(page, "territory-map");
    }

    @Test
    void the_organisation_list_filters_by_group_and_opens_a_unit() {
        page.navigate(url("/organizations"));
        assertThat(page.locator("h1").innerText()).isEqualTo("多元主体");
        page.selectOption("select[name=group]", "RESIDENT_UNIT");
        page.selectOption("select[name=unit]", "110108010");
        page.locator("form.filters button[type=submit]").click();
        page.waitForURL("**group=RESIDENT_UNIT**");
        assertThat(page.locator(".count").innerText()).contains("共 3");
        assertThat(page.locator("table.data tbody tr").count()).isEqualTo(30);
        shot(page, "organizations");

        page.navigate(url("/organizations?q=北京科技大学"));
        page.locator("table.data tbody a", new Page.LocatorOptions().setHasText("北京科技大学"))
                .click();
        assertThat(page.locator("h1").innerText()).contains("北京科技大学").contains("高校");
        assertThat(page.locator(".facts").innerText()).contains("科大社区");
        shot(page, "organization-detail");
    }

    @Test
    void an_organisation_is_registered_through_the_form_and_a_stale_edit_is_refused() {
        page.navigate(url("/organizations/new"));
        assertThat(page.url()).as("anonymous: sent to sign in").endsWith("/login");
        signIn("xueyuanlu.street-admin", null);
        page.navigate(url("/organizations/new"));
        page.fill("input[name=name]", "二里庄便民服务中心");
        page.selectOption("select[name=kind]", "SOCIAL_ORGANIZATION");
        page.fill("input[name=creditCode]", "52110108MJ0000000X");
        page.locator("#unitCode-text").pressSequentially("二里庄社区");
        page.locator("#unitCode-options [role=option]", new Page.LocatorOptions().setHasText("二里庄社区"))
                .first()
                .click();
        page.locator("form.stacked button[type=submit]").click();
        assertThat(page.locator(".form-problem").innerText()).contains("1 处");
        assertThat(page.locator("label.invalid .field-error").innerText()).contains("校验码");
        assertThat(page.locator("input[name=name]").inputValue()).isEqualTo("二里庄便民服务中心");
        shot(page, "organization-form-refused");

        String first17 = "52110108MJ0000000";
        page.fill(
                "input[name=creditCode]",
                first17 + org.gongzhi.shared.CreditCode.checkCharacter(first17).orElseThrow());
        page.locator("form.stacked button[type=submit]").click();
        assertThat(page.locator("h1").innerText()).contains("二里庄便民服务中心").contains("社会组织");
        String detail = page.url();

        page.locator("a.button", new Page.LocatorOptions().setHasText("修改组织")).click();
        String edit = page.url();
        Page other = context.newPage();
        other.navigate(edit);
        other.fill("textarea[name=description]", "先保存的修改");
        other.locator("form.stacked button[type=submit]").click();
        assertThat(other.url()).isEqualTo(detail);

        page.fill("textarea[name=description]", "后保存的修改");
        page.locator("form.stacked button[type=submit]").click();
        assertThat(page.locator("h1").innerText()).contains("409");
        assertThat(page.locator(".message").innerText()).contains("已被他人修改");
        page.navigate(detail);
        assertThat(page.locator(".facts").innerText()).contains("先保存的修改").doesNotContain("后保存的修改");
    }

    @Test
    void an_administrator_signs_in_only_with_the_one_time_code() {
        signIn("sysadmin", null);
        assertThat(page.locator(".form-problem").innerText()).contains("用户名、密码或动态验证码不正确");
        shot(page, "sign-in-refused");
        String code = org.gongzhi.identity.domain.Totp.code(
                org.gongzhi.identity.domain.Totp.fromBase32("JBSWY3DPEHPK3PXP"),
                org.gongzhi.identity.domain.Totp.step(java.time.Instant.now()));
        signIn("sysadmin", code);
        assertThat(page.locator(".account .who").innerText()).isEqualTo("系统管理员");
        shot(page, "signed-in");
        page.locator(".account button[type=submit]").click();
        assertThat(page.locator(".account a[href='/login']").innerText()).isEqualTo("工作人员登录");
    }

    @Test
    void a_resident_signs_in_with_a_code_on_a_phone() {
        BrowserContext phone = browsers.phone();
        Page p = phone.newPage();
        p.navigate(url("/"));
        p.locator(".nav-button").click();
        p.locator(".account a[href='/resident/login']").click();
        String number = "137" + String.format("%08d", new java.util.Random().nextInt(100_000_000));
        p.fill("input[name=phone]", number);
        p.locator("main.login form.stacked button[type=submit]").click();
        assertThat(p.locator(".note").first().innerText()).contains("137****");
        p.fill("input[name=code]", org.gongzhi.support.TestSms.lastCode(number));
        shot(p, "resident-code");
        p.locator("main.login form.stacked button[type=submit]").click();
        assertThat(p.locator("h1").innerText()).isEqualTo("我的共治");
        assertThat(p.locator(".facts").innerText())
                .contains("137****" + number.substring(7))
                .doesNotContain(number);
        shot(p, "resident-home");
        phone.close();
    }

    static String demoCode() {
        return Browsers.demoCode();
    }

    @Test
    void an_unmask_with_a_reason_appears_in_the_auditor_s_log() {
        signIn("xueyuanlu.privacy", demoCode());
        assertThat(page.locator(".account .who").innerText()).isEqualTo("个人信息查阅员");
        page.navigate(url("/councils"));
        page.locator("a", new Page.LocatorOptions().setHasText("学院路街道党建工作协调委员会"))
                .click();
        Locator firstRow = page.locator("table.data tbody tr").first();
        String masked = firstRow.locator("td").nth(2).locator("span").first().innerText();
        assertThat(masked).endsWith("**");
        firstRow.locator("input[name=reason]").fill("联系联络员商议校园探头共建项目");
        firstRow.locator("form.unmask button").click();
        String revealed =
                page.locator("table.data tbody tr").first().locator(".revealed").innerText();
        assertThat(revealed).doesNotContain("*").startsWith(masked.substring(0, 1));
        shot(page, "council-unmasked");

        BrowserContext auditorContext = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"));
        Page auditor = auditorContext.newPage();
        auditor.navigate(url("/login"));
        auditor.fill("input[name=username]", "auditor");
        auditor.fill("input[name=password]", "Demo#2026gz");
        auditor.fill("input[name=code]", demoCode());
        auditor.locator("main.login form.stacked button[type=submit]").click();
        auditor.locator(".main-nav a", new Page.LocatorOptions().setHasText("审计"))
                .click();
        auditor.selectOption("select[name=action]", "personal-data.unmasked");
        auditor.locator("form.filters button[type=submit]").click();
        String log = auditor.locator("table.audit-log tbody tr").first().innerText();
        assertThat(log).contains("xueyuanlu.privacy").contains("查看未脱敏个人信息").contains("联系联络员商议校园探头共建项目");
        assertThat(log).doesNotContain(revealed);
        auditor.locator("form.inline button[type=submit]", new Page.LocatorOptions().setHasText("校验哈希链"))
                .click();
        assertThat(auditor.locator("[role=status]").innerText()).contains("哈希链完整");
        auditor.screenshot(new Page.ScreenshotOptions()
                .setPath(Browsers.SHOTS.resolve("audit-log.png"))
                .setFullPage(false));
        auditorContext.close();
    }

    @Test
    void the_security_administrator_opens_an_account_and_sees_its_enrolment_code_once() {
        signIn("secadmin", demoCode());
        page.locator(".main-nav a", new Page.LocatorOptions().setHasText("账号管理"))
                .click();
        assertThat(page.locator("table.data").innerText()).contains("xueyuanlu.privacy");
        page.locator("a.button", new Page.LocatorOptions().setHasText("开通账号")).click();
        page.fill("input[name=username]", "wudaokou.officer");
        page.fill("input[name=displayName]", "五道口查阅员");
        page.fill("input[name=password]", "Officer#2026gz");
        page.locator("label.check", new Page.LocatorOptions().setHasText("社区工作者"))
                .locator("input")
                .check();
        page.locator("#unit-0-text").pressSequentially("五道口");
        page.locator("#unit-0-options [role=option]").first().click();
        page.locator("input[name=mayUnmask]").check();
        shot(page, "account-form");
        page.locator("form.stacked button[type=submit]").click();
        assertThat(page.locator("h1").innerText()).contains("wudaokou.officer");
        assertThat(page.locator(".enrolment img").getAttribute("src")).startsWith("data:image/png;base64,");
        shot(page, "account-enrolment");
    }

    @Test
    void councils_and_the_three_carriages_list_read_as_tables() {
        page.navigate(url("/councils"));
        page.locator("a", new Page.LocatorOptions().setHasText("学院路街道党建工作协调委员会"))
                .click();
        assertThat(page.locator("table.data tbody tr").count()).isEqualTo(14);
        assertThat(page.locator("table.data").innerText()).doesNotContain("王海").contains("王**");
        shot(page, "council");

        signIn("wujiaochang.community", null);
        page.navigate(url("/responsibility-lists"));
        page.locator("a", new Page.LocatorOptions().setHasText("三驾马车")).click();
        assertThat(page.locator("table.matrix tbody tr").count()).isEqualTo(27);
        assertThat(page.locator("table.matrix td.mark", new Page.LocatorOptions().setHasText("●"))
                        .count())
                .isEqualTo(27);
        page.selectOption("select[name=duty]", "1");
        page.fill("input[name=evidence]", "联席会议纪要 2026-11 号");
        page.locator("form.record button[type=submit]").click();
        // The form proposes today in the platform's zone, which may be a day ahead of this machine's.
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        assertThat(page.locator("table.matrix tbody tr").first().innerText()).contains(today);
        assertThat(page.locator("table.records").innerText()).contains("联席会议纪要 2026-11 号");
        shot(page, "responsibility-list");
    }

    @Test
    void a_bad_import_shows_a_readable_page_naming_each_problem() {
        signIn("xueyuanlu.street-admin", null);
        page.navigate(url("/territory/import"));
        page.setInputFiles(
                "input[type=file]",
                new com.microsoft.playwright.options.FilePayload(
                        "bad.geojson",
                        "application/geo+json",
                        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"kind\":\"GRID\",\"code\":\"1\",\"name\":\"x\",\"parentCode\":\"nowhere\"}}]}"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.locator("main.import button[type=submit]").click();
        assertThat(page.locator("h1").innerText()).contains("请求未能完成").contains("422");
        assertThat(page.locator(".violations").innerText()).contains("上级单元 nowhere 不存在");
        shot(page, "import-refused");
    }
}
