package org.gongzhi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.gongzhi.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The settings a street administrator keeps for 接诉即办, in a real browser: the dispatch directory with its "where
 * would this go" preview, the categories with their versions, and the 督办 list.
 */
@PlatformTest
class SettingsPagesIT extends InTheBrowser {

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_directory_previews_a_route_takes_a_rule_and_lets_it_go() {
        try (BrowserContext desktop = browsers.desktop()) {
            Page p = desktop.newPage();
            browsers.signIn(p, "xueyuanlu.street-admin", null);
            p.navigate(browsers.url("/"));
            p.locator(".main-nav a", text("设置")).click();
            assertThat(p.locator("main ul.cards").innerText())
                    .contains("诉求分类")
                    .contains("派单目录")
                    .contains("知识库")
                    .doesNotContain("工作日历");
            p.locator("main ul.cards a", text("派单目录")).click();
            // Only the rules of the administrator's own 街道.
            assertThat(p.locator("table.data tbody").innerText())
                    .contains("海淀交通支队学院路大队")
                    .doesNotContain("东直门")
                    .doesNotContain("五角场");

            preview(p, "围挡", "工地围挡");
            assertThat(p.locator(".route").innerText())
                    .contains("二里庄社区")
                    .contains("学院路街道办事处")
                    .contains("全部分类");
            Browsers.shot(p, "directory-preview-desktop");

            // A rule for 工地围挡 in 二里庄社区: the 居委会 leads, the university helps.
            p.fill("input[name=categoryPattern]", "c0602");
            pick(p, "#rule-unit", "二里庄社", "二里庄社区");
            pick(p, "#rule-lead", "二里庄社区居委", "二里庄社区居委会");
            pick(p, "#rule-co-0", "北京科技", "北京科技大学");
            p.fill("input[name=note]", "工地围挡由居委会协调施工单位");
            p.locator("section form.stacked button[type=submit]", text("新增规则")).click();
            assertThat(p.locator(".notice").innerText()).contains("二里庄社区").contains("工地围挡");

            preview(p, "围挡", "工地围挡");
            assertThat(p.locator(".route").innerText())
                    .contains("二里庄社区居委会")
                    .contains("北京科技大学")
                    .doesNotContain("学院路街道办事处");

            // The same cell again is refused beside the field, and what was typed stays.
            p.fill("input[name=categoryPattern]", "C0602");
            pick(p, "#rule-unit", "二里庄社", "二里庄社区");
            pick(p, "#rule-lead", "二里庄社区居委", "二里庄社区居委会");
            var refused = p.waitForResponse(
                    r -> r.url().endsWith("/settings/dispatch")
                            && r.request().method().equals("POST"),
                    () -> p.locator("section form.stacked button[type=submit]", text("新增规则"))
                            .click());
            assertThat(refused.status()).isEqualTo(409);
            assertThat(p.locator("label.invalid", text("分类范围")).innerText()).contains("请先停用旧规则");
            assertThat(p.locator("input[name=categoryPattern]").inputValue()).isEqualTo("C0602");
            Browsers.shot(p, "directory-refused-desktop");

            p.navigate(browsers.url("/settings/dispatch?unit=110108010005"));
            p.locator("tr", text("工地围挡")).locator("button:has-text('停用')").click();
            assertThat(p.locator(".notice").innerText()).contains("已停用");
            preview(p, "围挡", "工地围挡");
            assertThat(p.locator(".route").innerText()).contains("学院路街道办事处");
        }
    }

    @Test
    void a_preview_without_a_place_says_which_field_is_missing() {
        try (BrowserContext desktop = browsers.desktop()) {
            Page p = desktop.newPage();
            browsers.signIn(p, "xueyuanlu.street-admin", null);
            var page = p.navigate(browsers.url("/settings/dispatch?category=C0602&place=&placeText=%E4%BA%8C"));
            assertThat(page.status()).isEqualTo(400);
            assertThat(p.locator(".picker.invalid").innerText()).contains("地点");
            // Typed but not picked: each picker asks to pick.
            page = p.navigate(
                    browsers.url(
                            "/settings/dispatch?category=&categoryText=%E4%B9%B1%E5%81%9C%E8%BD%A6&place=&placeText=%E4%BA%8C"));
            assertThat(page.status()).isEqualTo(400);
            assertThat(p.locator(".picker.invalid").count()).isEqualTo(2);
            page = p.navigate(browsers.url("/settings/dispatch?category=X9999&place=110108010005"));
            assertThat(page.status()).isEqualTo(400);
            assertThat(p.locator(".picker.invalid").innerText()).contains("X9999");
            assertThat(jdbc.sql(
                                    "select count(*) from dispatch.rule where retired_at is null and category_pattern = 'X9999'")
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    @Test
    void an_edited_category_becomes_a_new_version_and_a_bad_limit_is_refused_beside_its_field() {
        try (BrowserContext desktop = browsers.desktop()) {
            Page p = desktop.newPage();
            browsers.signIn(p, "xueyuanlu.street-admin", null);
            p.navigate(browsers.url("/settings/categories"));
            p.fill("input[name=q]", "围挡");
            p.locator("form.filters button[type=submit]").click();
            p.locator("tr", text("工地围挡")).locator("a:has-text('修改')").click();
            int before = jdbc.sql("select max(version) from appeal.category where code = 'C0602'")
                    .query(Integer.class)
                    .single();
            assertThat(p.locator("h2#edit-heading").innerText()).contains("C0602");

            p.fill("input[name=complexLimit]", "十五天");
            var refused = p.waitForResponse(
                    r -> r.url().endsWith("/settings/categories")
                            && r.request().method().equals("POST"),
                    () -> p.locator("form.stacked button[type=submit]").click());
            assertThat(refused.status()).isEqualTo(400);
            assertThat(p.locator("label.invalid", text("复杂件")).count()).isEqualTo(1);
            assertThat(p.locator("input[name=complexLimit]").inputValue()).isEqualTo("十五天");
            assertThat(jdbc.sql("select max(version) from appeal.category where code = 'C0602'")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(before);

            p.fill("input[name=complexLimit]", "20wd");
            p.locator("form.stacked button[type=submit]").click();
            assertThat(p.locator(".notice").innerText()).contains("第 " + (before + 1) + " 版");
            assertThat(p.locator("table.versions tbody tr").count()).isEqualTo(before + 1);
            assertThat(p.locator("table.versions tbody tr").first().innerText()).contains("20wd");
            Browsers.shot(p, "categories-edit-desktop");
            // Saved again unchanged: no new version.
            p.locator("form.stacked button[type=submit]").click();
            assertThat(p.locator("table.versions tbody tr").count()).isEqualTo(before + 1);
        }
    }

    @Test
    void the_settings_pages_pass_the_checks_at_both_widths() {
        List<String> failures = new ArrayList<>();
        try (BrowserContext context = browsers.desktop()) {
            Page p = context.newPage();
            browsers.signIn(p, "xueyuanlu.street-admin", null);
            for (String path : List.of(
                    "/settings",
                    "/settings/dispatch",
                    "/settings/dispatch?category=E0504&place=110108010005",
                    "/settings/categories",
                    "/settings/categories?edit=E0504",
                    "/inbox",
                    "/supervisions")) {
                String name = path.replaceAll("[^a-z0-9]+", "-");
                p.setViewportSize(1280, 900);
                p.navigate(browsers.url(path));
                collect(failures, () -> Browsers.accessible(p, path + " (desktop)"));
                collect(failures, () -> Browsers.readable(p, path + " (desktop)"));
                Browsers.shot(p, "pages/settings" + name + "-desktop");
                p.setViewportSize(390, 844);
                collect(failures, () -> Browsers.accessible(p, path + " (phone)"));
                collect(failures, () -> Browsers.fitsThePhone(p, path));
                Browsers.shot(p, "pages/settings" + name + "-phone");
            }
        }
        assertThat(failures).isEmpty();
    }

    private static void preview(Page p, String typed, String category) {
        pick(p, "#preview-category", typed, category);
        pick(p, "#preview-place", "二里庄社", "二里庄社区");
        p.locator("section.preview button[type=submit]").click();
        p.locator(".route").waitFor();
    }

    private static void pick(Page p, String key, String typed, String option) {
        p.locator(key + "-text").fill("");
        p.locator(key + "-text").pressSequentially(typed);
        p.locator(key + "-options [role=option]", text(option)).first().click();
    }
}
