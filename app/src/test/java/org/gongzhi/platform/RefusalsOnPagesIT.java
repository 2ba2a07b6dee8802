package org.gongzhi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.identity.Role;
import org.gongzhi.support.DemoUnits;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.gongzhi.territory.TerritoryQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A refused form or button on a page says why where the person looks — beside the field, or on the page they come back
 * to — and changes nothing; no personal text travels in an address (issue 7, items 4 and 6).
 */
@PlatformTest
class RefusalsOnPagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TerritoryQueries territory;

    MockHttpServletResponse send(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        return mvc.perform(request.with(who).accept(MediaType.TEXT_HTML).header("Accept-Language", "zh-CN"))
                .andReturn()
                .getResponse();
    }

    /** The page a redirect leads to, in the same session (a flash notice travels in it). */
    String follow(MockHttpServletResponse redirect, RequestPostProcessor who) throws Exception {
        assertThat(redirect.getStatus()).isEqualTo(302);
        Cookie session = redirect.getCookie("SESSION");
        assertThat(session).isNotNull();
        var next = send(get(redirect.getRedirectedUrl()).cookie(session), who);
        assertThat(next.getStatus()).isEqualTo(200);
        return next.getContentAsString();
    }

    RequestPostProcessor streetAdmin() {
        return Staff.streetAdmin(DemoUnits.subdistricts(territory));
    }

    String council() {
        return jdbc.sql("select id from organization.council where name like '学院路街道%'")
                .query(String.class)
                .single();
    }

    String member(String council) {
        return jdbc.sql("select organisation_id from organization.council_member where council_id = cast(? as uuid)"
                        + " order by joined_on limit 1")
                .param(council)
                .query(String.class)
                .single();
    }

    long count(String action) {
        return jdbc.sql("select count(*) from platform.audit_event where action = ?")
                .param(action)
                .query(Long.class)
                .single();
    }

    @Test
    void a_blank_new_liaison_is_refused_beside_the_field_in_that_row_with_the_form_open() throws Exception {
        String council = council();
        String org = member(council);
        String before = jdbc.sql(
                        "select liaison_name from organization.council_member where organisation_id = cast(? as uuid)"
                                + " and council_id = cast(? as uuid)")
                .params(org, council)
                .query(String.class)
                .single();
        var r = send(
                post("/councils/" + council + "/members/" + org + "/liaison")
                        .param("liaisonName", " ")
                        .param("liaisonTitle", "办公室主任"),
                streetAdmin());
        assertThat(r.getStatus()).isEqualTo(400);
        String html = r.getContentAsString();
        assertThat(html).containsPattern("<details class=\"inline-form\" open");
        assertThat(html).contains("value=\"办公室主任\"").containsPattern("class=\"field-error\">[^<]+</small>");
        assertThat(jdbc.sql(
                                "select liaison_name from organization.council_member where organisation_id = cast(? as uuid)"
                                        + " and council_id = cast(? as uuid)")
                        .params(org, council)
                        .query(String.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void an_unmask_without_a_reason_is_refused_beside_the_reason_and_opens_nothing() throws Exception {
        String council = council();
        String org = member(council);
        long unmasked = count("personal-data.unmasked");
        var r = send(
                post("/councils/" + council + "/members/" + org + "/unmask").param("reason", ""),
                Staff.as("unmasker", Set.of(DemoUnits.subdistricts(territory)), true, Role.STREET_ADMIN));
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString())
                .containsPattern("id=\"reason-" + org + "\"[^>]*aria-invalid=\"true\"")
                .containsPattern("class=\"field-error\">[^<]+</small>");
        assertThat(count("personal-data.unmasked")).isEqualTo(unmasked);
    }

    @Test
    void a_second_council_for_a_unit_is_refused_beside_the_unit_by_its_name() throws Exception {
        var r = send(
                post("/councils")
                        .param("level", "SUBDISTRICT")
                        .param("unitCode", "110108010")
                        .param("unitCodeText", "学院路街道")
                        .param("name", "第二个委员会"),
                streetAdmin());
        assertThat(r.getStatus()).isEqualTo(409);
        String html = r.getContentAsString();
        assertThat(html).contains("id=\"unitCode-error\"").contains("学院路街道已有党建工作协调委员会");
        assertThat(html).doesNotContain("110108010已有");
    }

    @Test
    void a_duty_done_tomorrow_is_refused_beside_the_date() throws Exception {
        String list = jdbc.sql("select id from organization.responsibility_list where title like '国定一%'")
                .query(String.class)
                .single();
        var r = send(
                post("/responsibility-lists/" + list + "/records")
                        .param("duty", "1")
                        .param("doneOn", "2999-01-01")
                        .param("evidence", ""),
                Staff.as("wjc", Set.of(DemoUnits.subdistricts(territory)), Role.STREET_ADMIN));
        assertThat(r.getStatus()).isEqualTo(400);
        // Both at once: the date to come beside the date, the missing evidence beside the evidence.
        assertThat(r.getContentAsString())
                .containsPattern("name=\"doneOn\"[^>]*>\\s*<small class=\"field-error\">[^<]*2999-01-01")
                .containsPattern("name=\"evidence\"[^>]*>\\s*<small class=\"field-error\"");
    }

    @Test
    void unlocking_an_account_that_is_not_locked_says_so_instead_of_reporting_success() throws Exception {
        UUID account = jdbc.sql("select id from identity.account where username = 'xueyuanlu.community'")
                .query(UUID.class)
                .single();
        var r = send(post("/admin/accounts/" + account + "/unlock"), Staff.as("secadmin", Role.SEC_ADMIN));
        assertThat(r.getStatus()).isEqualTo(409);
        assertThat(r.getContentAsString())
                .contains("class=\"notice refusal\" role=\"alert\"")
                .contains("现在没有被锁定")
                .doesNotContain("已解除账号");
    }

    @Test
    void a_stale_account_form_shows_what_is_saved_now_and_changes_nothing() throws Exception {
        UUID account = jdbc.sql("select id from identity.account where username = 'xueyuanlu.community'")
                .query(UUID.class)
                .single();
        long version = jdbc.sql("select version from identity.account where id = ?")
                .param(account)
                .query(Long.class)
                .single();
        var r = send(
                post("/admin/accounts/" + account)
                        .param("version", String.valueOf(version - 1))
                        .param("roles", "GRID_WORKER")
                        .param("enabled", "true"),
                Staff.as("secadmin", Role.SEC_ADMIN));
        assertThat(r.getStatus()).isEqualTo(409);
        assertThat(r.getContentAsString()).contains("该账号已被他人修改");
        assertThat(jdbc.sql("select version from identity.account where id = ?")
                        .param(account)
                        .query(Long.class)
                        .single())
                .isEqualTo(version);
    }

    @Test
    void a_form_refused_twice_still_switches_language_back_to_its_own_page() throws Exception {
        String council = council();
        // Every form a page renders names that page.
        assertThat(send(get("/councils/" + council), streetAdmin()).getContentAsString())
                .contains("name=\"_page\" value=\"/councils/" + council + "\"");
        // Refused once, the page shown again at the POST address carries the same page on; refused again, still.
        var twice = send(
                post("/councils/" + council + "/members")
                        .param("organisationId", "")
                        .param("_page", "/councils/" + council)
                        .header("Referer", "http://localhost/councils/" + council + "/members"),
                streetAdmin());
        assertThat(twice.getStatus()).isEqualTo(400);
        assertThat(twice.getContentAsString())
                .contains("href=\"/councils/" + council + "?lang=en\"")
                .contains("name=\"_page\" value=\"/councils/" + council + "\"");
        // An address elsewhere is not followed.
        assertThat(send(
                                post("/councils/" + council + "/members").param("_page", "//elsewhere.example/x"),
                                streetAdmin())
                        .getContentAsString())
                .doesNotContain("elsewhere.example");
        // A filter form, read rather than posted, carries nothing extra into its address.
        assertThat(send(get("/organizations"), streetAdmin()).getContentAsString())
                .doesNotContainPattern("<form[^>]*method=\"get\"[^>]*>\\s*<input type=\"hidden\" name=\"_page\"");
    }

    @Test
    void every_error_of_a_new_council_shows_at_once_rules_included() throws Exception {
        var r = send(
                post("/councils")
                        .param("level", "COMMUNITY")
                        .param("unitCode", "110108010")
                        .param("unitCodeText", "学院路街道")
                        .param("name", "")
                        .param("foundedOn", "2099-01-01"),
                streetAdmin());
        assertThat(r.getStatus()).isEqualTo(400);
        String html = r.getContentAsString();
        assertThat(html).contains("id=\"unitCode-error\"");
        assertThat(html).containsPattern("name=\"name\"[^>]*>\\s*<small class=\"field-error\"");
        assertThat(html)
                .containsPattern(
                        "name=\"foundedOn\"[^>]*>\\s*<small[^>]*class=\"hint\"[^<]*</small>\\s*<small class=\"field-error\"");
    }

    @Test
    void the_workbench_lists_recent_changes_of_no_single_object_such_as_an_export() throws Exception {
        RequestPostProcessor admin =
                Staff.as("export.tester", Set.of(DemoUnits.subdistricts(territory)), Role.STREET_ADMIN);
        assertThat(mvc.perform(get("/api/v1/organizations/export").with(admin))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        var workbench = send(get("/workbench"), admin);
        assertThat(workbench.getStatus()).isEqualTo(200);
        assertThat(workbench.getContentAsString()).contains("导出");
    }

    @Test
    void the_security_administrator_s_own_account_page_offers_only_their_own_password() throws Exception {
        UUID own = jdbc.sql("select id from identity.account where username = 'secadmin'")
                .query(UUID.class)
                .single();
        String html = send(get("/admin/accounts/" + own), Staff.as("secadmin", Role.SEC_ADMIN))
                .getContentAsString();
        assertThat(html).contains("href=\"/account/password\"");
        assertThat(html)
                .doesNotContain("/admin/accounts/" + own + "/password\"", "/admin/accounts/" + own + "/enabled\"");
        assertThat(html).doesNotContain("action=\"/admin/accounts/" + own + "\"");
    }

    @Test
    void a_form_sent_after_the_session_ended_leads_to_sign_in_saying_nothing_was_saved() throws Exception {
        var r = mvc.perform(post("/councils/" + council() + "/members")
                        .param("organisationId", "")
                        .accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(302);
        assertThat(r.getRedirectedUrl()).endsWith("/login?unsaved");
        assertThat(mvc.perform(get("/login?unsaved").accept(MediaType.TEXT_HTML).header("Accept-Language", "zh-CN"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("没有保存");
    }

    @Test
    void a_form_from_an_earlier_session_returns_to_its_page_saying_nothing_was_saved() throws Exception {
        String council = council();
        var refused = mvc.perform(
                        post("/councils/" + council + "/members")
                                .param("_page", "/councils/" + council)
                                .param("organisationId", "")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user("signed.in.again")
                                        .roles("STREET_ADMIN"))
                                .accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(303);
        assertThat(refused.getHeader("Location")).isEqualTo("/councils/" + council);
    }

    @Test
    void the_language_switch_on_a_refused_form_goes_back_to_the_page_the_form_was_on() throws Exception {
        String council = council();
        var r = send(
                post("/councils/" + council + "/members")
                        .param("organisationId", "")
                        .header("Referer", "http://localhost/councils/" + council + "?x=1"),
                streetAdmin());
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString()).contains("href=\"/councils/" + council + "?x=1&amp;lang=en\"");
        var foreign = send(
                post("/councils/" + council + "/members")
                        .param("organisationId", "")
                        .header("Referer", "http://elsewhere.example/phish"),
                streetAdmin());
        assertThat(foreign.getContentAsString()).doesNotContain("/phish");
    }

    @Test
    void the_audit_keyword_never_appears_in_an_address_and_an_export_names_its_filter_in_words() throws Exception {
        RequestPostProcessor auditor = Staff.as("auditor", Role.AUDITOR);
        var searched = send(post("/audit").param("q", "开通账号").param("action", ""), auditor);
        assertThat(searched.getStatus()).isEqualTo(302);
        String to = searched.getRedirectedUrl();
        assertThat(to).startsWith("/audit?k=").doesNotContain("%E5%BC%80").doesNotContain("开通");
        String page = follow(searched, auditor);
        assertThat(page).contains("value=\"开通账号\"").contains("开通账号");
        Cookie session = searched.getCookie("SESSION");
        assertThat(page).doesNotContainPattern("href=\"[^\"]*q=");

        String token = to.replaceFirst(".*k=", "");
        var csv = send(get("/audit/export.csv?k=" + token).cookie(session), auditor);
        String body = csv.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        // The header comes first (a spreadsheet reads it as such); the watermark last.
        assertThat(body.replace("\uFEFF", "").lines().findFirst().orElseThrow()).startsWith("sequence,at,actor");
        // One quoted cell, whatever the keyword holds (a comma, a formula): "# 共治 audit export by …; N rows".
        assertThat(body.lines().reduce((a, b) -> b).orElseThrow())
                .startsWith("\"# 共治 audit export by auditor")
                .endsWith(" rows\"");
        String exported = send(get("/audit?action=audit.exported"), auditor).getContentAsString();
        assertThat(exported).contains("关键词：开通账号").doesNotContain("Filter[");
        // Another session knows no such token: the page says the keyword no longer applies, an export refuses.
        assertThat(send(get(to), auditor).getContentAsString())
                .doesNotContain("value=\"开通账号\"")
                .contains("关键词已失效");
        assertThat(send(get("/audit/export.csv?k=" + token), auditor).getStatus())
                .isEqualTo(400);
        // Actors that are no account read in words, numbers with their grouping.
        String platform = send(get("/audit?actor=system"), auditor).getContentAsString();
        assertThat(platform).contains(">系统<").doesNotContain("class=\"role\">SYSTEM<");
    }
}
