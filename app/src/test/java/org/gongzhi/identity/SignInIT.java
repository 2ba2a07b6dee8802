package org.gongzhi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.identity.domain.Totp;
import org.gongzhi.shared.DomainException;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

@PlatformTest
class SignInIT {

    static final String PASSWORD = "Demo#2026gz";
    static final String ADMIN_SECRET = "JBSWY3DPEHPK3PXP";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    MvcResult signIn(String user, String password, String code) throws Exception {
        var request = post("/login").with(csrf()).param("username", user).param("password", password);
        if (code != null) {
            request.param("code", code);
        }
        return mvc.perform(request).andReturn();
    }

    /** Spring Session keeps the session in the database and finds it again by this cookie. */
    static Cookie sessionOf(MvcResult signedIn) {
        Cookie cookie = signedIn.getResponse().getCookie("SESSION");
        assertThat(cookie).as("session cookie").isNotNull();
        return cookie;
    }

    static String codeNow(String secret, Duration offset) {
        return Totp.code(Totp.fromBase32(secret), Totp.step(Instant.now().plus(offset)));
    }

    long audited(String action) {
        return jdbc.sql("select count(*) from platform.audit_event where action = ?")
                .param(action)
                .query(Long.class)
                .single();
    }

    String openAccount(Set<Role> roles, String secret) {
        String name = "t" + UUID.randomUUID().toString().substring(0, 8);
        transaction.executeWithoutResult(s -> accounts.open(
                new OpenAccount(name, "测试", PASSWORD, roles, Set.of("110108010"), Set.of(), false, secret)));
        return name;
    }

    @Test
    void a_street_admin_signs_in_with_a_password_and_is_audited() throws Exception {
        long before = audited("identity.signed-in");
        MvcResult r = signIn("xueyuanlu.street-admin", PASSWORD, null);
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/workbench");
        assertThat(audited("identity.signed-in")).isEqualTo(before + 1);
        assertThat(jdbc.sql("select actor from platform.audit_event where action = 'identity.signed-in'"
                                + " order by sequence desc limit 1")
                        .query(String.class)
                        .single())
                .isEqualTo("xueyuanlu.street-admin");
        var page = mvc.perform(get("/").cookie(sessionOf(r))).andReturn().getResponse();
        assertThat(page.getContentAsString()).contains("街道管理员").contains("退出");
    }

    @Test
    void a_wrong_password_and_an_unknown_user_get_the_same_answer() throws Exception {
        long before = audited("identity.sign-in.failed");
        String wrong = signIn("xueyuanlu.community", "Wrong#2026gz", null)
                .getResponse()
                .getRedirectedUrl();
        String unknown =
                signIn("nobody.here", "Wrong#2026gz", null).getResponse().getRedirectedUrl();
        assertThat(wrong).isEqualTo("/login?error").isEqualTo(unknown);
        assertThat(audited("identity.sign-in.failed")).isEqualTo(before + 2);
        String summary = jdbc.sql("select summary from platform.audit_event where action = 'identity.sign-in.failed'"
                        + " order by sequence desc limit 1")
                .query(String.class)
                .single();
        assertThat(summary).doesNotContain("nobody.here").doesNotContain("Wrong#2026gz");
    }

    @Test
    void an_administrator_needs_the_current_totp_code_and_cannot_replay_it() throws Exception {
        String admin = openAccount(Set.of(Role.AUDITOR), ADMIN_SECRET);
        assertThat(signIn(admin, PASSWORD, null).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
        assertThat(signIn(admin, PASSWORD, "000000").getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
        String code = codeNow(ADMIN_SECRET, Duration.ZERO);
        assertThat(signIn(admin, PASSWORD, code).getResponse().getRedirectedUrl())
                .isEqualTo("/workbench");
        assertThat(signIn(admin, PASSWORD, code).getResponse().getRedirectedUrl())
                .as("the same code again")
                .isEqualTo("/login?error");
    }

    @Test
    void five_failures_lock_the_account_for_fifteen_minutes_even_with_the_right_password() throws Exception {
        String user = openAccount(Set.of(Role.COMMUNITY_WORKER), null);
        for (int i = 0; i < 4; i++) {
            assertThat(signIn(user, "Wrong#2026gz", null).getResponse().getRedirectedUrl())
                    .isEqualTo("/login?error");
        }
        assertThat(signIn(user, "Wrong#2026gz", null).getResponse().getRedirectedUrl())
                .isEqualTo("/login?locked");
        assertThat(signIn(user, PASSWORD, null).getResponse().getRedirectedUrl())
                .isEqualTo("/login?locked");
        TestClock.advance(Duration.ofMinutes(15).minusSeconds(2));
        assertThat(signIn(user, PASSWORD, null).getResponse().getRedirectedUrl())
                .isEqualTo("/login?locked");
        TestClock.advance(Duration.ofSeconds(3));
        assertThat(signIn(user, PASSWORD, null).getResponse().getRedirectedUrl())
                .isEqualTo("/workbench");
    }

    @Test
    void a_name_that_is_no_account_locks_exactly_like_one_so_lockout_does_not_reveal_which_names_exist()
            throws Exception {
        String user = openAccount(Set.of(Role.COMMUNITY_WORKER), null);
        String nobody = "nobody." + UUID.randomUUID().toString().substring(0, 8);
        for (String name : List.of(user, nobody)) {
            List<String> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(signIn(name, "Wrong#2026gz", null).getResponse().getRedirectedUrl());
            }
            assertThat(answers)
                    .as(name)
                    .containsExactly(
                            "/login?error",
                            "/login?error",
                            "/login?error",
                            "/login?error",
                            "/login?locked",
                            "/login?locked");
        }
        // The name itself is never kept, only its keyed hash.
        assertThat(jdbc.sql("select count(*) from identity.unknown_sign_in_failure where name_hash like ?")
                        .param("%" + nobody + "%")
                        .query(Long.class)
                        .single())
                .isZero();
        TestClock.advance(Duration.ofMinutes(16));
        assertThat(signIn(nobody, "Wrong#2026gz", null).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
    }

    @Test
    void a_session_ends_after_thirty_idle_minutes() throws Exception {
        Cookie session = sessionOf(signIn("xueyuanlu.street-admin", PASSWORD, null));
        assertThat(mvc.perform(get("/organizations/new").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        TestClock.advance(Duration.ofMinutes(29));
        assertThat(mvc.perform(get("/organizations/new").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        TestClock.advance(Duration.ofMinutes(30));
        assertThat(mvc.perform(get("/organizations/new").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?expired");
    }

    @Test
    void a_session_ends_twelve_hours_after_sign_in_however_busy() throws Exception {
        Cookie session = sessionOf(signIn("xueyuanlu.street-admin", PASSWORD, null));
        mvc.perform(get("/organizations/new").cookie(session));
        for (int visit = 0; visit < 28; visit++) {
            TestClock.advance(Duration.ofMinutes(25));
            assertThat(mvc.perform(get("/organizations/new").cookie(session))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(200);
        }
        TestClock.advance(Duration.ofMinutes(19));
        assertThat(mvc.perform(get("/organizations/new").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("11 h 59 min after sign-in")
                .isEqualTo(200);
        TestClock.advance(Duration.ofMinutes(1));
        assertThat(mvc.perform(get("/organizations/new").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?expired");
    }

    @Test
    void no_account_may_hold_two_administrator_roles_in_the_application_or_the_database() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> accounts.open(new OpenAccount(
                        "two.hats",
                        "两职",
                        PASSWORD,
                        Set.of(Role.SYS_ADMIN, Role.AUDITOR),
                        Set.of(),
                        Set.of(),
                        false,
                        ADMIN_SECRET))))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).violations())
                        .extracting(v -> v.code())
                        .contains("identity.roles.separated"));
        String admin = openAccount(Set.of(Role.SYS_ADMIN), ADMIN_SECRET);
        assertThatThrownBy(() -> transaction.executeWithoutResult(
                        s -> jdbc.sql("insert into identity.account_role (account_id, role)"
                                        + " select id, 'AUDITOR' from identity.account where username = ?")
                                .param(admin)
                                .update()))
                .rootCause()
                .hasMessageContaining("is held alone");
        // 三权分立 also keeps business roles off an administrator account, in the database as in the application.
        assertThatThrownBy(() -> transaction.executeWithoutResult(
                        s -> jdbc.sql("insert into identity.account_role (account_id, role)"
                                        + " select id, 'STREET_ADMIN' from identity.account where username = ?")
                                .param(admin)
                                .update()))
                .rootCause()
                .hasMessageContaining("is held alone");
    }

    @Test
    void a_weak_password_is_refused_when_an_account_is_opened() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> accounts.open(new OpenAccount(
                        "weak.one", "弱", "woaini1314", Set.of(Role.GRID_WORKER), Set.of(), Set.of(), false, null))))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).violations())
                        .extracting(v -> v.code())
                        .contains("identity.password.composition", "identity.password.common"));
    }
}
