package org.gongzhi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongzhi.identity.domain.Totp;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The 安全管理员 opens accounts; the TOTP secret is shown once as a QR code and then works for sign-in. */
@PlatformTest
class AccountAdministrationIT {

    @Autowired
    MockMvc mvc;

    @Test
    void only_the_security_administrator_manages_accounts() throws Exception {
        var page = mvc.perform(get("/admin/accounts").with(Staff.as("secadmin", Role.SEC_ADMIN)))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("xueyuanlu.street-admin").contains("学院路街道");
        for (Role role : new Role[] {Role.SYS_ADMIN, Role.AUDITOR, Role.STREET_ADMIN}) {
            assertThat(mvc.perform(get("/admin/accounts").with(Staff.as("x", role)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(role.name())
                    .isEqualTo(403);
        }
    }

    @Test
    void an_account_that_may_unmask_gets_a_qr_code_once_and_signs_in_with_it() throws Exception {
        var opened = mvc.perform(post("/admin/accounts")
                        .with(Staff.as("secadmin", Role.SEC_ADMIN))
                        .param("username", "erlizhuang.officer")
                        .param("displayName", "二里庄查阅员")
                        .param("password", "Officer#2026gz")
                        .param("roles", "COMMUNITY_WORKER")
                        .param("unitCodes", "110108010005")
                        .param("mayUnmask", "true"))
                .andReturn()
                .getResponse();
        assertThat(opened.getStatus()).as(opened.getContentAsString()).isEqualTo(302);
        var shown = follow(opened);
        assertThat(shown.getHeader("Cache-Control")).isEqualTo("no-store");
        String html = shown.getContentAsString();
        assertThat(html).contains("data:image/png;base64,");
        Matcher m = Pattern.compile("class=\"secret\">([A-Z2-7]+)<").matcher(html);
        assertThat(m.find()).isTrue();
        String code = Totp.code(Totp.fromBase32(m.group(1)), Totp.step(Instant.now()));
        var signedIn = mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", "erlizhuang.officer")
                        .param("password", "Officer#2026gz")
                        .param("code", code))
                .andReturn()
                .getResponse();
        assertThat(signedIn.getRedirectedUrl()).isEqualTo("/workbench");
        var list = mvc.perform(get("/admin/accounts").with(Staff.as("secadmin", Role.SEC_ADMIN)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("erlizhuang.officer").doesNotContain(m.group(1));
        assertThat(follow(opened).getContentAsString()).as("shown once").doesNotContain(m.group(1));
    }

    /**
     * The page a change redirects to, in the same (JDBC-stored) session, where what the change shows once — a QR code,
     * a temporary password — travels.
     */
    org.springframework.mock.web.MockHttpServletResponse follow(org.springframework.mock.web.MockHttpServletResponse r)
            throws Exception {
        var request = get(r.getRedirectedUrl()).with(Staff.as("secadmin", Role.SEC_ADMIN));
        if (r.getCookie("SESSION") != null) {
            request.cookie(r.getCookie("SESSION"));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void re_enrolling_the_second_factor_shows_a_new_secret_once_and_the_old_one_stops_working() throws Exception {
        var opened = mvc.perform(post("/admin/accounts")
                        .with(Staff.as("secadmin", Role.SEC_ADMIN))
                        .param("username", "reenrol.me")
                        .param("displayName", "换绑者")
                        .param("password", "Reenrol#2026gz")
                        .param("roles", "COMMUNITY_WORKER")
                        .param("unitCodes", "110108010005")
                        .param("mayUnmask", "true"))
                .andReturn()
                .getResponse();
        String old = secret(follow(opened).getContentAsString());
        String account = opened.getRedirectedUrl();
        var reenrolled = mvc.perform(post(account + "/second-factor").with(Staff.as("secadmin", Role.SEC_ADMIN)))
                .andReturn()
                .getResponse();
        var page = follow(reenrolled);
        assertThat(page.getHeader("Cache-Control")).isEqualTo("no-store");
        String fresh = secret(page.getContentAsString());
        assertThat(fresh).isNotEqualTo(old);
        long step = Totp.step(Instant.now());
        var withOld = mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", "reenrol.me")
                        .param("password", "Reenrol#2026gz")
                        .param("code", Totp.code(Totp.fromBase32(old), step)))
                .andReturn()
                .getResponse();
        assertThat(withOld.getRedirectedUrl()).isEqualTo("/login?error");
        var withNew = mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", "reenrol.me")
                        .param("password", "Reenrol#2026gz")
                        .param("code", Totp.code(Totp.fromBase32(fresh), step)))
                .andReturn()
                .getResponse();
        assertThat(withNew.getRedirectedUrl()).isEqualTo("/workbench");
        assertThat(jdbc.sql(
                                "select count(*) from platform.audit_event where action = 'identity.account.totp-reenrolled'")
                        .query(Long.class)
                        .single())
                .isGreaterThan(0);
    }

    @Test
    void the_security_administrator_cannot_disable_re_enrol_or_regrant_their_own_account() throws Exception {
        var own = jdbc.sql("select id, version from identity.account where username = 'secadmin'")
                .query()
                .singleRow();
        String id = own.get("id").toString();
        for (String action : java.util.List.of("/enabled", "/password", "/second-factor")) {
            var refused = mvc.perform(post("/admin/accounts/" + id + action)
                            .param("enabled", "false")
                            .with(Staff.as("secadmin", Role.SEC_ADMIN)))
                    .andReturn()
                    .getResponse();
            assertThat(refused.getStatus()).as(action).isEqualTo(409);
            assertThat(refused.getContentAsString()).contains("不能对自己的账号做这项操作");
        }
        var regrant = mvc.perform(post("/admin/accounts/" + id)
                        .param("version", own.get("version").toString())
                        .param("roles", "SEC_ADMIN")
                        .with(Staff.as("secadmin", Role.SEC_ADMIN)))
                .andReturn()
                .getResponse();
        assertThat(regrant.getStatus()).isEqualTo(409);
        assertThat(jdbc.sql("select enabled from identity.account where username = 'secadmin'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    private static String secret(String html) {
        Matcher m = Pattern.compile("class=\"secret\">([A-Z2-7]+)<").matcher(html);
        assertThat(m.find()).as("a secret on the page").isTrue();
        return m.group(1);
    }

    @Test
    void a_disabled_account_cannot_sign_in_and_granting_unmask_hands_out_a_code_once() throws Exception {
        mvc.perform(post("/admin/accounts")
                .with(Staff.as("secadmin", Role.SEC_ADMIN))
                .param("username", "regrant.me")
                .param("displayName", "待调整")
                .param("password", "Regrant#2026gz")
                .param("roles", "GRID_WORKER")
                .param("unitCodes", "110108010005001"));
        var row = jdbc.sql("select id, version from identity.account where username = 'regrant.me'")
                .query()
                .singleRow();
        String id = row.get("id").toString();
        long version = ((Number) row.get("version")).longValue();
        var disabled = mvc.perform(post("/admin/accounts/" + id)
                        .with(Staff.as("secadmin", Role.SEC_ADMIN))
                        .param("version", String.valueOf(version))
                        .param("roles", "GRID_WORKER")
                        .param("unitCodes", "110108010005001"))
                .andReturn()
                .getResponse();
        assertThat(disabled.getStatus()).isEqualTo(302);
        assertThat(follow(disabled).getContentAsString()).doesNotContain("data:image/png");
        var refused = mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", "regrant.me")
                        .param("password", "Regrant#2026gz"))
                .andReturn()
                .getResponse();
        assertThat(refused.getRedirectedUrl()).isEqualTo("/login?error");

        var stale = mvc.perform(post("/admin/accounts/" + id)
                        .with(Staff.as("secadmin", Role.SEC_ADMIN))
                        .param("version", String.valueOf(version))
                        .param("roles", "GRID_WORKER")
                        .param("enabled", "true"))
                .andReturn()
                .getResponse();
        assertThat(stale.getStatus()).isEqualTo(409);

        var unmask = mvc.perform(post("/admin/accounts/" + id)
                        .with(Staff.as("secadmin", Role.SEC_ADMIN))
                        .param("version", String.valueOf(version + 1))
                        .param("roles", "GRID_WORKER")
                        .param("unitCodes", "110108010005001")
                        .param("mayUnmask", "true")
                        .param("enabled", "true"))
                .andReturn()
                .getResponse();
        assertThat(unmask.getStatus()).isEqualTo(302);
        assertThat(follow(unmask).getContentAsString()).contains("data:image/png;base64,");
        assertThat(jdbc.sql("select count(*) from platform.audit_event where action = 'identity.account.regranted'"
                                + " and object_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void two_administrator_roles_or_a_weak_password_are_refused_on_the_form() throws Exception {
        var r = mvc.perform(post("/admin/accounts")
                        .with(Staff.as("secadmin", Role.SEC_ADMIN))
                        .param("username", "two.hats.form")
                        .param("displayName", "两职")
                        .param("password", "12345678")
                        .param("roles", "SYS_ADMIN", "AUDITOR"))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString()).contains("三权分立").contains("过于常见");
    }

    @Test
    void a_password_is_kept_exactly_as_typed_while_other_fields_lose_their_blanks() throws Exception {
        var opened = mvc.perform(post("/admin/accounts")
                        .with(Staff.as("secadmin", Role.SEC_ADMIN))
                        .param("username", "\u00A0blank.keeper ")
                        .param("displayName", "\u3000留白者 ")
                        .param("password", " Spaced#2026gz ")
                        .param("roles", "GRID_WORKER")
                        .param("unitCodes", "110108010005001"))
                .andReturn()
                .getResponse();
        assertThat(opened.getStatus()).as(opened.getContentAsString()).isEqualTo(302);
        assertThat(jdbc.sql("select display_name from identity.account where username = 'blank.keeper'")
                        .query(String.class)
                        .single())
                .isEqualTo("留白者");
        var signedIn = mvc.perform(
                        post("/login")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("username", "blank.keeper")
                                .param("password", " Spaced#2026gz "))
                .andReturn()
                .getResponse();
        assertThat(signedIn.getRedirectedUrl()).doesNotContain("error");
    }

    @Test
    void a_staff_account_never_holds_the_resident_role_nor_an_administrator_role_beside_another() throws Exception {
        long before = jdbc.sql("select count(*) from identity.account")
                .query(Long.class)
                .single();
        for (String[] roles :
                new String[][] {{"STREET_ADMIN", "RESIDENT"}, {"RESIDENT"}, {"STREET_ADMIN", "AUDITOR"}}) {
            var request = post("/admin/accounts")
                    .with(Staff.as("secadmin", Role.SEC_ADMIN))
                    .param("username", "resident.staff")
                    .param("displayName", "居民冒充")
                    .param("password", "Resident#2026gz")
                    .param("unitCodes", "110108010");
            for (String role : roles) {
                request.param("roles", role);
            }
            var refused = mvc.perform(request).andReturn().getResponse();
            assertThat(refused.getStatus()).isEqualTo(400);
            assertThat(refused.getContentAsString()).containsAnyOf("不能作为工作人员账号的角色", "不得兼任其他角色");
        }
        assertThat(jdbc.sql("select count(*) from identity.account")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }
}
