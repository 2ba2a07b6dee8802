package org.gongzhi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.TestClock;
import org.gongzhi.support.TestSms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@PlatformTest
class ResidentSignInIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static final Random random = new Random();

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    static String newPhone() {
        return "139" + String.format("%08d", random.nextInt(100_000_000));
    }

    /** Asks for a code; a code sent answers with a redirect to the code step, which this follows in the session. */
    MockHttpServletResponse requestCode(String phone, String address) throws Exception {
        var sent = mvc.perform(post("/resident/code")
                        .with(csrf())
                        .with(r -> {
                            r.setRemoteAddr(address);
                            return r;
                        })
                        .param("phone", phone))
                .andReturn()
                .getResponse();
        if (sent.getStatus() != 302) {
            return sent;
        }
        assertThat(sent.getRedirectedUrl())
                .isEqualTo("/resident/login?step=code")
                .doesNotContain(phone);
        return mvc.perform(get(sent.getRedirectedUrl()).cookie(sent.getCookie("SESSION")))
                .andReturn()
                .getResponse();
    }

    MvcResult signIn(String phone, String code) throws Exception {
        return mvc.perform(post("/resident/login")
                        .with(csrf())
                        .param("phone", phone)
                        .param("code", code))
                .andReturn();
    }

    @Test
    void a_resident_signs_in_with_the_code_sent_to_their_phone_once() throws Exception {
        String phone = newPhone();
        var sent = requestCode(phone, "10.0.0.1");
        assertThat(sent.getContentAsString()).contains("验证码已发送至 " + phone.substring(0, 3) + "****");
        String code = TestSms.lastCode(phone);
        MvcResult in = signIn(phone, code);
        assertThat(in.getResponse().getRedirectedUrl()).isEqualTo("/resident");
        Cookie session = in.getResponse().getCookie("SESSION");
        var home = mvc.perform(get("/resident").cookie(session)).andReturn().getResponse();
        assertThat(home.getStatus()).isEqualTo(200);
        assertThat(home.getContentAsString())
                .contains(phone.substring(0, 3) + "****" + phone.substring(7))
                .doesNotContain(phone);
        assertThat(signIn(phone, code).getResponse().getContentAsString())
                .as("the same code a second time")
                .contains("验证码不正确或已失效");
    }

    @Test
    void a_code_typed_with_full_width_digits_signs_in() throws Exception {
        String phone = newPhone();
        requestCode(phone, "10.0.8.1");
        String wide = TestSms.lastCode(phone)
                .chars()
                .map(c -> c - '0' + '０')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        assertThat(signIn(phone, wide).getResponse().getRedirectedUrl()).isEqualTo("/resident");
    }

    @Test
    void a_signed_in_resident_s_forged_request_is_on_the_record_as_that_resident_not_as_anonymous() throws Exception {
        String phone = newPhone();
        requestCode(phone, "10.0.9.1");
        Cookie session = signIn(phone, TestSms.lastCode(phone)).getResponse().getCookie("SESSION");
        var forged = mvc.perform(post("/logout").cookie(session).with(r -> {
                    r.setRemoteAddr("10.0.9.2");
                    return r;
                }))
                .andReturn()
                .getResponse();
        // Refused, and the resident is taken back to their page, told nothing was done.
        assertThat(forged.getStatus()).isEqualTo(303);
        assertThat(forged.getHeader("Location")).isEqualTo("/resident");
        String actor = jdbc.sql("select actor from platform.audit_event where action = 'security.csrf-refused'"
                        + " order by sequence desc limit 1")
                .query(String.class)
                .single();
        assertThat(actor).startsWith("resident:").doesNotContain(phone.substring(3));
    }

    @Test
    void a_code_allows_five_tries_and_lives_five_minutes() throws Exception {
        String phone = newPhone();
        requestCode(phone, "10.0.0.2");
        String code = TestSms.lastCode(phone);
        String wrong = code.equals("000000") ? "000001" : "000000";
        for (int i = 0; i < 5; i++) {
            var refused = signIn(phone, wrong).getResponse();
            assertThat(refused.getRedirectedUrl()).isNull();
            assertThat(refused.getStatus()).isEqualTo(401);
        }
        assertThat(signIn(phone, code).getResponse().getRedirectedUrl())
                .as("after five wrong tries")
                .isNull();

        String other = newPhone();
        requestCode(other, "10.0.0.2");
        String fresh = TestSms.lastCode(other);
        TestClock.advance(Duration.ofMinutes(5));
        assertThat(signIn(other, fresh).getResponse().getRedirectedUrl())
                .as("five minutes later")
                .isNull();
    }

    @Test
    void codes_are_limited_per_number_and_per_address() throws Exception {
        String phone = newPhone();
        assertThat(requestCode(phone, "10.0.0.3").getContentAsString()).contains("验证码已发送");
        var tooSoon = requestCode(phone, "10.0.0.3");
        assertThat(tooSoon.getContentAsString()).contains("过于频繁");
        assertThat(tooSoon.getStatus()).isEqualTo(429);
        assertThat(tooSoon.getHeader("Retry-After")).isEqualTo("60");
        for (int i = 1; i < 5; i++) {
            TestClock.advance(Duration.ofMinutes(1));
            assertThat(requestCode(phone, "10.0.0.3").getContentAsString()).contains("验证码已发送");
        }
        TestClock.advance(Duration.ofMinutes(1));
        var tooMany = requestCode(phone, "10.0.0.3");
        assertThat(tooMany.getContentAsString()).contains("次数过多");
        assertThat(tooMany.getStatus()).isEqualTo(429);
        // The first of the five leaves the hour 55 minutes from now.
        assertThat(tooMany.getHeader("Retry-After")).isEqualTo("3300");

        String address = "10.0.9." + random.nextInt(250);
        for (int i = 0; i < 20; i++) {
            assertThat(requestCode(newPhone(), address).getContentAsString()).contains("验证码已发送");
        }
        assertThat(requestCode(newPhone(), address).getContentAsString()).contains("次数过多");
    }

    @Test
    void an_invalid_number_is_refused_and_nothing_is_sent() throws Exception {
        var r = requestCode("12345", "10.0.0.4");
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString()).contains("11 位中国大陆手机号");
    }

    @Test
    void a_dump_of_the_database_holds_no_plaintext_phone() throws Exception {
        String phone = newPhone();
        requestCode(phone, "10.0.0.5");
        signIn(phone, TestSms.lastCode(phone));
        String dump = DatabaseDump.of(jdbc);
        assertThat(dump).contains("a1:");
        assertThat(dump).doesNotContain(phone).doesNotContain(phone.substring(3));
    }

    /**
     * The database as a dump holds it: {@code pg_dump} itself when the suite runs on an external server whose major
     * version matches the installed {@code pg_dump} (CI's PostgreSQL 15 pass), else every row of every table as text.
     */
    static final class DatabaseDump {

        static String of(JdbcClient jdbc) throws Exception {
            String url = System.getenv("GONGZHI_DB_URL");
            String server =
                    jdbc.sql("show server_version_num").query(String.class).single();
            if (url != null
                    && url.startsWith("jdbc:postgresql://")
                    && pgDumpMajor() == Integer.parseInt(server) / 10000) {
                return pgDump(url);
            }
            return rows(jdbc);
        }

        static int pgDumpMajor() {
            try {
                Process p = new ProcessBuilder("pg_dump", "--version")
                        .redirectErrorStream(true)
                        .start();
                String out = new String(p.getInputStream().readAllBytes());
                p.waitFor();
                Matcher m = Pattern.compile("(\\d+)\\.").matcher(out);
                return m.find() ? Integer.parseInt(m.group(1)) : -1;
            } catch (java.io.IOException | InterruptedException e) {
                return -1;
            }
        }

        static String pgDump(String url) throws Exception {
            Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+)")
                    .matcher(url);
            if (!m.find()) {
                throw new IllegalStateException("Cannot read " + url);
            }
            var builder = new ProcessBuilder(
                    "pg_dump",
                    "-h",
                    m.group(1),
                    "-p",
                    m.group(2) == null ? "5432" : m.group(2),
                    "-U",
                    System.getenv("GONGZHI_DB_USER"),
                    "--data-only",
                    m.group(3));
            builder.environment().put("PGPASSWORD", System.getenv().getOrDefault("GONGZHI_DB_PASSWORD", ""));
            Process p = builder.redirectErrorStream(true).start();
            String dump = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("pg_dump failed: " + dump);
            }
            return dump;
        }

        static String rows(JdbcClient jdbc) {
            List<Map<String, Object>> tables = jdbc.sql(
                            "select table_schema, table_name from information_schema.tables"
                                    + " where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')")
                    .query()
                    .listOfRows();
            List<String> rows = new ArrayList<>();
            for (var t : tables) {
                String name = "\"" + t.get("table_schema") + "\".\"" + t.get("table_name") + "\"";
                rows.addAll(jdbc.sql("select row_to_json(x)::text from " + name + " x")
                        .query(String.class)
                        .list());
            }
            return String.join("\n", rows);
        }
    }

    @Test
    void the_phone_step_says_what_is_collected_and_why_and_keeps_a_mistyped_number() throws Exception {
        var page = mvc.perform(get("/resident/login")).andReturn().getResponse();
        assertThat(page.getContentAsString())
                .contains("个人信息保护法")
                .contains("手机号加密保存")
                .contains("用途");
        var refused = requestCode("1391234", "198.51.100.7");
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("value=\"1391234\"");
    }

    @Test
    void the_code_step_offers_to_send_again_and_to_use_another_number() throws Exception {
        var sent = requestCode(newPhone(), "198.51.100.8");
        assertThat(sent.getContentAsString())
                .contains("重新发送验证码")
                .contains("换一个手机号")
                .doesNotContain("个人信息告知");
    }

    @Test
    void a_signed_out_visitor_to_a_resident_page_is_sent_to_the_resident_sign_in_and_an_unknown_address_is_404()
            throws Exception {
        var resident = mvc.perform(get("/resident").accept(org.springframework.http.MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
        assertThat(resident.getRedirectedUrl())
                .as(resident.getStatus() + " " + resident.getHeaderNames() + resident.getContentAsString())
                .endsWith("/resident/login");
        var staff = mvc.perform(get("/workbench").accept(org.springframework.http.MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
        assertThat(staff.getRedirectedUrl()).endsWith("/login").doesNotContain("resident");
        var unknown = mvc.perform(get("/no-such-page/at-all").accept(org.springframework.http.MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
        assertThat(unknown.getStatus()).isEqualTo(404);
        for (String path :
                java.util.List.of("/councils/not-a-uuid", "/responsibility-lists/xyz", "/organizations/abc")) {
            var malformed = mvc.perform(get(path).accept(org.springframework.http.MediaType.TEXT_HTML))
                    .andReturn()
                    .getResponse();
            assertThat(malformed.getStatus()).as(path).isEqualTo(404);
        }
        assertThat(unknown.getRedirectedUrl()).isNull();
    }

    @Test
    void an_empty_or_non_numeric_code_is_refused_at_once_and_does_not_use_up_a_try() throws Exception {
        String phone = newPhone();
        requestCode(phone, "198.51.100.9");
        String code = TestSms.lastCode(phone);
        for (int i = 0; i < 6; i++) {
            var refused = signIn(phone, i % 2 == 0 ? "" : "abcdef").getResponse();
            assertThat(refused.getStatus()).isEqualTo(400);
            assertThat(refused.getContentAsString()).contains("6 位数字验证码");
        }
        assertThat(signIn(phone, code).getResponse().getRedirectedUrl()).isEqualTo("/resident");
    }
}
