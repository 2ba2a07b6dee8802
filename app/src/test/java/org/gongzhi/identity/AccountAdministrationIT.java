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
        assertThat(opened.getStatus()).as(opened.getContentAsString()).isEqualTo(200);
        assertThat(opened.getHeader("Cache-Control")).isEqualTo("no-store");
        String html = opened.getContentAsString();
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
        assertThat(signedIn.getRedirectedUrl()).isEqualTo("/");
        var list = mvc.perform(get("/admin/accounts").with(Staff.as("secadmin", Role.SEC_ADMIN)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("erlizhuang.officer").doesNotContain(m.group(1));
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
}
