package org.gongzhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.support.Concurrently;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.RealHttp;
import org.gongzhi.support.TestClock;
import org.gongzhi.support.TestSms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counters and limits stay exact when the requests arrive at once: threads against the running application, over
 * real HTTP, with exact counts afterwards.
 */
@PlatformTest
class ConcurrentSignInIT {

    static final String PASSWORD = RealHttp.DEMO_PASSWORD;

    @LocalServerPort
    int port;

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

    String openAccount() {
        String name = "race." + UUID.randomUUID().toString().substring(0, 8);
        transaction.executeWithoutResult(s -> accounts.open(new OpenAccount(
                name, "并发测试", PASSWORD, Set.of(Role.STREET_ADMIN), Set.of("110108010"), Set.of(), false, null)));
        return name;
    }

    UUID idOf(String username) {
        return jdbc.sql("select id from identity.account where username = ?")
                .param(username)
                .query(UUID.class)
                .single();
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    @Test
    void forty_simultaneous_wrong_passwords_are_all_counted_and_lock_the_account() {
        String name = openAccount();
        UUID id = idOf(name);
        List<HttpResponse<String>> responses = Concurrently.run(
                40,
                i -> {
                    RealHttp http = RealHttp.anonymous(port);
                    http.refreshCsrf("/login");
                    return http;
                },
                (i, http) -> http.postForm("/login", Map.of("username", name, "password", "wrong#Pass" + i)));
        assertThat(responses).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(location(r)).matches(".*/login\\?(error|locked)");
        });
        // Every attempt is on the record; the first five failed on the password, the rest found the account locked.
        assertThat(count(
                        "select count(*) from platform.audit_event where action = 'identity.sign-in.failed'"
                                + " and object_id = ?",
                        id.toString()))
                .isEqualTo(40);
        assertThat(count("select count(*) from identity.sign_in_failure where account_id = ?", id))
                .isEqualTo(5);
        assertThat(responses.stream().filter(r -> location(r).endsWith("locked")))
                .hasSize(36);
        var right = RealHttp.anonymous(port).signIn(name, PASSWORD, null);
        assertThat(location(right)).endsWith("/login?locked");
    }

    @Test
    void signing_in_never_changes_the_account_so_an_administrator_can_always_disable_it() {
        String name = openAccount();
        UUID id = idOf(name);
        long version = accounts.account(id).version();
        List<RealHttp> sessions = Concurrently.run(10, i -> i, (i, unused) -> RealHttp.signedIn(port, name));
        for (RealHttp session : sessions) {
            assertThat(session.get("/", "text/html").body()).contains("并发测试");
        }
        assertThat(accounts.account(id).version()).isEqualTo(version);
        transaction.executeWithoutResult(s -> accounts.regrant(
                id,
                new AccountManagement.Regrant(version, Set.of(Role.STREET_ADMIN), Set.of("110108010"), false, false)));
        // Disabling ends every open session at once.
        for (RealHttp session : sessions) {
            var page = session.get("/organizations/new", "text/html");
            assertThat(page.statusCode()).isEqualTo(302);
            assertThat(location(page)).contains("/login");
        }
        assertThat(count("select count(*) from spring_session where principal_name = ?", name))
                .isZero();
    }

    @Test
    void ten_simultaneous_code_requests_for_one_number_send_one_message() {
        TestClock.advance(Duration.ofDays(10));
        String phone = "139" + String.format("%08d", new java.util.Random().nextInt(100_000_000));
        List<HttpResponse<String>> responses = Concurrently.run(
                10,
                i -> {
                    RealHttp http = RealHttp.anonymous(port);
                    http.refreshCsrf("/resident/login");
                    return http;
                },
                (i, http) -> http.postForm("/resident/code", Map.of("phone", phone)));
        // A code sent answers with a redirect to the code step, a refusal with 429.
        assertThat(responses.stream().filter(r -> r.statusCode() == 302))
                .as(responses.get(0).statusCode() + " " + responses.get(0).body())
                .hasSize(1);
        assertThat(TestSms.sentTo(phone)).isEqualTo(1);
        assertThat(responses.stream().filter(r -> r.statusCode() == 429)).hasSize(9);
        assertThat(responses.stream().filter(r -> r.statusCode() == 429))
                .allSatisfy(
                        r -> assertThat(r.headers().firstValue("Retry-After")).isPresent());
    }

    @Test
    void the_hourly_cap_per_address_holds_under_concurrent_requests() {
        // A day of its own, so that the address's earlier requests in this run are out of the hour.
        TestClock.advance(Duration.ofDays(20));
        long before = count("select count(*) from identity.one_time_code");
        List<String> phones = java.util.stream.IntStream.range(0, 26)
                .mapToObj(i -> "137" + String.format("%08d", new java.util.Random().nextInt(100_000_000)))
                .toList();
        List<HttpResponse<String>> responses = Concurrently.run(
                26,
                i -> {
                    RealHttp http = RealHttp.anonymous(port);
                    http.refreshCsrf("/resident/login");
                    return http;
                },
                (i, http) -> http.postForm("/resident/code", Map.of("phone", phones.get(i))));
        assertThat(responses.stream().filter(r -> r.statusCode() == 302)).hasSize(20);
        assertThat(responses.stream().filter(r -> r.statusCode() == 429)).hasSize(6);
        assertThat(phones.stream().mapToInt(TestSms::sentTo).sum()).isEqualTo(20);
        assertThat(count("select count(*) from identity.one_time_code") - before)
                .isEqualTo(20);
    }
}
