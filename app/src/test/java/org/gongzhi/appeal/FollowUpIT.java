package org.gongzhi.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.gongzhi.support.AppealCalls;
import org.gongzhi.support.AppealTest;
import org.gongzhi.support.Concurrently;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.TestClock;
import org.gongzhi.support.TestSms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * 回访 by the reporter (Art 23): through the link in the text, after a code sent to their number, once per answer; a
 * forged, used or wrong-purpose code, or a rating without a proven number, writes nothing.
 */
@PlatformTest
class FollowUpIT extends AppealTest {

    static final String ENFORCEMENT = AppealApiIT.ENFORCEMENT;

    /** An answered appeal reported from {@code phone}: its id and tracking code. */
    record Answered(String id, String code) {}

    static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    Answered answered(String phone) throws Exception {
        Map<String, Object> body = AppealApiIT.hotline(AppealApiIT.number(), "小区内路灯不亮，夜间出行不便。");
        body.put("reporterPhone", phone);
        var r = calls.send(post("/api/v1/appeals"), dispatcher(), body);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        JsonNode appeal = calls.read(r).path("appeal");
        String id = appeal.path("id").asString();
        toAnswered(id);
        return new Answered(id, appeal.path("trackingCode").asString());
    }

    /** Takes a registered appeal through 立案, 派单, 签收, 响应 to 答复. */
    void toAnswered(String id) throws Exception {
        ok(calls.act(id, "accept", dispatcher(), Map.of("categoryCode", "E0504")));
        ok(calls.act(id, "dispatch", dispatcher(), Map.of("handlerId", calls.organisation(ENFORCEMENT))));
        ok(calls.act(id, "sign", calls.staffOf(ENFORCEMENT), null));
        ok(calls.act(id, "response", calls.staffOf(ENFORCEMENT), Map.of("note", "已电话联系诉求人")));
        ok(calls.act(id, "answer", calls.staffOf(ENFORCEMENT), Map.of("result", "已更换路灯灯具，夜间照明恢复")));
    }

    /** As {@link #answered}, without reading versions back: each step sends the version the last one returned. */
    Answered answeredQuickly(String phone) throws Exception {
        Map<String, Object> body = AppealApiIT.hotline(AppealApiIT.number(), "小区内路灯不亮，夜间出行不便。");
        body.put("reporterPhone", phone);
        var r = calls.send(post("/api/v1/appeals"), dispatcher(), body);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        JsonNode appeal = calls.read(r).path("appeal");
        String id = appeal.path("id").asString();
        long v = appeal.path("version").asLong();
        v = step(id, "accept", dispatcher(), Map.of(), v);
        v = step(id, "dispatch", dispatcher(), Map.of("handlerId", calls.organisation(ENFORCEMENT)), v);
        var staff = calls.staffOf(ENFORCEMENT);
        v = step(id, "sign", staff, null, v);
        v = step(id, "response", staff, Map.of("note", "已电话联系诉求人"), v);
        step(id, "answer", staff, Map.of("result", "已更换路灯灯具"), v);
        return new Answered(id, appeal.path("trackingCode").asString());
    }

    long step(
            String id,
            String action,
            org.springframework.test.web.servlet.request.RequestPostProcessor who,
            Object body,
            long version)
            throws Exception {
        return ok(calls.send(
                        post("/api/v1/appeals/" + id + "/" + action).header("If-Match", "\"" + version + "\""),
                        who,
                        body))
                .path("version")
                .asLong();
    }

    JsonNode ok(MockHttpServletResponse r) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return calls.read(r);
    }

    /** A phone's browser: one client address and the session cookie it was last given. */
    class Phone {
        final String address = "10.9." + ThreadLocalRandom.current().nextInt(255) + "."
                + ThreadLocalRandom.current().nextInt(1, 255);
        Cookie session;

        MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
            request.with(r -> {
                        r.setRemoteAddr(address);
                        return r;
                    })
                    .accept(MediaType.TEXT_HTML);
            if (session != null) {
                request.cookie(session);
            }
            var response = mvc.perform(request).andReturn().getResponse();
            if (response.getCookie("SESSION") != null) {
                session = response.getCookie("SESSION");
            }
            return response;
        }

        MockHttpServletResponse post(String path, String... params) throws Exception {
            var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                    .with(csrf());
            for (int i = 0; i < params.length; i += 2) {
                request.param(params[i], params[i + 1]);
            }
            return send(request);
        }
    }

    long followUps(String id) {
        return jdbc.sql("select count(*) from appeal.follow_up where appeal_id = cast(:id as uuid)")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    String state(String id) throws Exception {
        return calls.read(calls.send(get("/api/v1/appeals/" + id), dispatcher(), null))
                .path("state")
                .asString();
    }

    @Test
    void the_reporter_rates_the_answer_through_the_link_in_the_text_after_a_code_to_their_number() throws Exception {
        String number = mobile();
        Answered a = answered(number);
        String link = "/track/" + a.code() + "/follow-up";
        AppealCalls.await("the answer is texted with the link", () -> {
            String last = TestSms.last(number);
            return last != null && last.contains(link + "?k=");
        });
        String text = TestSms.last(number);
        String k = text.substring(text.indexOf("?k=") + 3, text.indexOf("?k=") + 19);
        Phone phone = new Phone();
        // The tracking code alone (it is on the open record) shows nothing and sends nothing to the reporter.
        assertThat(phone.send(get(link)).getStatus()).isEqualTo(404);
        assertThat(phone.send(get(link).param("k", "0000000000000000")).getStatus())
                .isEqualTo(404);
        int texts = TestSms.sentTo(number);
        assertThat(phone.post(link + "/code").getStatus()).isEqualTo(404);
        assertThat(TestSms.sentTo(number)).isEqualTo(texts);
        var page = phone.send(get(link).param("k", k));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains(number.substring(0, 3) + "****" + number.substring(7))
                .doesNotContain(number)
                .doesNotContain("已更换路灯灯具");

        // A rating before the number is proven records nothing.
        var forged = phone.post(link, "resolved", "true", "satisfaction", "SATISFIED");
        assertThat(forged.getStatus()).isEqualTo(403);
        assertThat(followUps(a.id())).isZero();

        // A sign-in code for the same number is not a follow-up code.
        mvc.perform(post("/resident/code").with(csrf()).param("phone", number).with(r -> {
            r.setRemoteAddr("10.8.0.1");
            return r;
        }));
        String signInCode = TestSms.lastCode(number);
        TestClock.advance(java.time.Duration.ofMinutes(2));
        assertThat(phone.post(link + "/code", "k", k).getRedirectedUrl()).isEqualTo(link + "?sent&k=" + k);
        String code = TestSms.lastCode(number);
        assertThat(TestSms.last(number)).contains("评价");
        if (!signInCode.equals(code)) {
            var wrongPurpose = phone.post(link + "/verify", "code", signInCode, "k", k);
            assertThat(wrongPurpose.getStatus()).isEqualTo(400);
        }
        String wrong = code.equals("000000") ? "111111" : "000000";
        var refused = phone.post(link + "/verify", "code", wrong, "k", k);
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("验证码不正确");

        var proven = phone.post(link + "/verify", "code", code, "k", k);
        assertThat(proven.getRedirectedUrl()).isEqualTo(link);
        var form = phone.send(get(link));
        assertThat(form.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("已更换路灯灯具")
                .contains("name=\"satisfaction\"");

        // Both answers are required: 400 beside the field, nothing written.
        var half = phone.post(link, "resolved", "true", "comment", "很快");
        assertThat(half.getStatus()).isEqualTo(400);
        assertThat(followUps(a.id())).isZero();

        var rated = phone.post(link, "resolved", "true", "satisfaction", "BASICALLY_SATISFIED", "comment", "路灯亮了");
        assertThat(rated.getRedirectedUrl()).isEqualTo(link + "/done");
        assertThat(state(a.id())).isEqualTo("FOLLOWED_UP");
        var row = jdbc.sql("select source, reached, resolved, satisfaction, comment, recorded_by from appeal.follow_up"
                        + " where appeal_id = cast(:id as uuid)")
                .param("id", a.id())
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry("source", "TRACKING_LINK")
                .containsEntry("reached", true)
                .containsEntry("resolved", true)
                .containsEntry("satisfaction", "BASICALLY_SATISFIED")
                .containsEntry("comment", "路灯亮了")
                .containsEntry("recorded_by", "reporter");

        // Sent again (back and resubmit): refused, and still one answer.
        var again = phone.post(link, "resolved", "false", "satisfaction", "DISSATISFIED");
        assertThat(again.getStatus()).isBetween(400, 499);
        // The used code does not prove the number again.
        var reused = phone.post(link + "/verify", "code", code, "k", k);
        assertThat(reused.getStatus()).isBetween(400, 499);
        assertThat(followUps(a.id())).isOne();
        assertThat(state(a.id())).isEqualTo("FOLLOWED_UP");
    }

    @Test
    void a_dissatisfied_answer_must_be_verified_on_site_before_the_appeal_closes() throws Exception {
        Answered a = answered(mobile());
        ok(calls.act(
                a.id(),
                "follow-up",
                dispatcher(),
                Map.of("reached", true, "resolved", false, "satisfaction", "DISSATISFIED", "comment", "灯还是不亮")));
        var close = calls.act(a.id(), "closure", dispatcher(), Map.of());
        assertThat(close.getStatus()).isEqualTo(422);
        assertThat(calls.read(close).path("code").asString()).isEqualTo("appeal.close.verification-required");
        assertThat(state(a.id())).isEqualTo("FOLLOWED_UP");
        ok(calls.act(a.id(), "verification", dispatcher(), Map.of("passed", true, "note", "现场核查灯已亮")));
        ok(calls.act(a.id(), "closure", dispatcher(), Map.of()));
        assertThat(jdbc.sql("select source from appeal.follow_up where appeal_id = cast(:id as uuid)")
                        .param("id", a.id())
                        .query(String.class)
                        .single())
                .isEqualTo("PHONE");
    }

    @Test
    void an_appeal_not_waiting_for_its_follow_up_has_nothing_to_rate() throws Exception {
        Phone phone = new Phone();
        assertThat(phone.send(get("/track/NOSUCHCODE1/follow-up")).getStatus()).isEqualTo(404);
        assertThat(phone.post("/track/NOSUCHCODE1/follow-up/code").getStatus()).isEqualTo(404);
        Map<String, Object> body = AppealApiIT.hotline(AppealApiIT.number(), "楼道灯坏了。");
        body.put("reporterPhone", mobile());
        var r = calls.send(post("/api/v1/appeals"), dispatcher(), body);
        String code = calls.read(r).path("appeal").path("trackingCode").asString();
        assertThat(phone.send(get("/track/" + code + "/follow-up")).getStatus()).isEqualTo(404);
        assertThat(phone.post("/track/" + code + "/follow-up/verify", "code", "123456")
                        .getStatus())
                .isEqualTo(404);
    }

    @Autowired
    FollowUps followUps;

    @Test
    void a_thousand_answers_each_sent_twice_at_once_are_recorded_exactly_once() throws Exception {
        int n = 1000;
        java.util.List<Answered> appeals = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var made = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < n; i++) {
                made.add(pool.submit(() -> {
                    appeals.add(answeredQuickly(mobile()));
                    return null;
                }));
            }
            for (var f : made) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        java.time.Instant now = java.time.Instant.now();
        // Each reporter's proof, as the session keeps it once the code was right; every answer goes twice.
        var results = Concurrently.run(16, i -> null, (thread, nothing) -> {
            int recorded = 0;
            int refused = 0;
            for (int k = thread; k < 2 * n; k += 16) {
                Answered a = appeals.get(k % n);
                try {
                    followUps.answer(
                            new FollowUps.Proof(java.util.UUID.fromString(a.id()), a.code(), 1, now),
                            new FollowUps.Answer(true, Satisfaction.SATISFIED, null));
                    recorded++;
                } catch (org.gongzhi.shared.DomainException e) {
                    assertThat(e.code()).isEqualTo("appeal.follow-up.recorded");
                    refused++;
                }
            }
            return new int[] {recorded, refused};
        });
        assertThat(results.stream().mapToInt(r -> r[0]).sum()).isEqualTo(n);
        assertThat(results.stream().mapToInt(r -> r[1]).sum()).isEqualTo(n);
        assertThat(jdbc.sql("select count(*) from appeal.follow_up where appeal_id = any(cast(:ids as uuid[]))")
                        .param("ids", appeals.stream().map(Answered::id).toArray(String[]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(n);
    }

    @Test
    void a_round_nobody_answers_in_time_is_recorded_as_not_answered() throws Exception {
        // Answered ten days ago: its three working days to answer are over in the timer table's time at once, but
        // not on the platform's clock while it stays ten days back — the timer waits for the platform's time.
        TestClock.freeze(java.time.Instant.now().minus(java.time.Duration.ofDays(10)));
        Answered a = answered(mobile());
        Thread.sleep(1500);
        assertThat(followUps(a.id()))
                .as("nothing recorded before the platform's time")
                .isZero();
        assertThat(state(a.id())).isEqualTo("ANSWERED");
        TestClock.reset();
        AppealCalls.await("the unanswered round is recorded", () -> followUps(a.id()) == 1);
        var row = jdbc.sql("select source, reached, resolved, recorded_by from appeal.follow_up"
                        + " where appeal_id = cast(:id as uuid)")
                .param("id", a.id())
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry("source", "NO_ANSWER")
                .containsEntry("reached", false)
                .containsEntry("recorded_by", "system");
        assertThat(row.get("resolved")).isNull();
        assertThat(state(a.id())).isEqualTo("FOLLOWED_UP");
        // The reporter's link has nothing to rate any more.
        assertThat(new Phone().send(get("/track/" + a.code() + "/follow-up")).getStatus())
                .isEqualTo(404);
    }

    @Test
    void a_resident_signed_in_with_the_appeals_own_account_rates_it_from_its_page() throws Exception {
        String number = mobile();
        Phone phone = new Phone();
        phone.post("/resident/code", "phone", number);
        assertThat(phone.post("/resident/login", "phone", number, "code", TestSms.lastCode(number))
                        .getRedirectedUrl())
                .isEqualTo("/resident");
        var sent = phone.send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/report")
                .param("type", "COMPLAINT")
                .param("content", "单元门禁坏了，外人随意进出。")
                .param("address", "学院路二里庄小区3号楼")
                .param("area", XUEYUANLU)
                .param("submission", java.util.UUID.randomUUID().toString())
                .with(csrf()));
        assertThat(sent.getRedirectedUrl()).isEqualTo("/report/done");
        var row = jdbc.sql("select id, tracking_code from appeal.appeal where resident_id is not null"
                        + " order by registered_at desc limit 1")
                .query()
                .singleRow();
        String id = row.get("id").toString();
        String code = (String) row.get("tracking_code");
        toAnswered(id);
        var page = phone.send(get("/resident/appeals/" + code));
        assertThat(page.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("/resident/appeals/" + code + "/follow-up");
        // Someone else's account may not rate it.
        String other = mobile();
        Phone stranger = new Phone();
        stranger.post("/resident/code", "phone", other);
        stranger.post("/resident/login", "phone", other, "code", TestSms.lastCode(other));
        var foreign = stranger.post(
                "/resident/appeals/" + code + "/follow-up", "resolved", "true", "satisfaction", "SATISFIED");
        assertThat(foreign.getStatus()).isEqualTo(404);
        assertThat(followUps(id)).isZero();

        var rated = phone.post(
                "/resident/appeals/" + code + "/follow-up", "resolved", "false", "satisfaction", "DISSATISFIED");
        assertThat(rated.getRedirectedUrl()).isEqualTo("/resident/appeals/" + code + "?rated");
        assertThat(jdbc.sql("select source from appeal.follow_up where appeal_id = cast(:id as uuid)")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("RESIDENT_ACCOUNT");
        var twice =
                phone.post("/resident/appeals/" + code + "/follow-up", "resolved", "true", "satisfaction", "SATISFIED");
        assertThat(twice.getStatus()).isEqualTo(409);
        assertThat(followUps(id)).isOne();
    }

    MockHttpServletResponse policy(String answerWithin, String whenUnresolved, String version) throws Exception {
        var request = post("/settings/follow-up").accept(MediaType.TEXT_HTML).with(dispatcher());
        request.param("answerWithin", answerWithin).param("whenUnresolved", whenUnresolved);
        if (version != null) {
            request.param("version", version);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    long policyVersion() {
        return jdbc.sql("select version from appeal.follow_up_policy")
                .query(Long.class)
                .single();
    }

    @Test
    void the_street_sets_how_follow_up_runs_and_rework_sends_an_unsolved_answer_straight_back() throws Exception {
        long v = policyVersion();
        assertThat(policy("3天", "REWORK", String.valueOf(v)).getStatus()).isEqualTo(400);
        assertThat(policy("31wd", "REWORK", String.valueOf(v)).getStatus()).isEqualTo(400);
        assertThat(policy("3wd", "ARCHIVE", String.valueOf(v)).getStatus()).isEqualTo(400);
        assertThat(policy("3wd", "REWORK", null).getStatus()).isEqualTo(428);
        assertThat(policy("3wd", "REWORK", String.valueOf(v + 5)).getStatus()).isEqualTo(409);
        assertThat(policyVersion()).isEqualTo(v);
        assertThat(policy("2wd", "REWORK", String.valueOf(v)).getRedirectedUrl())
                .isEqualTo("/settings/follow-up");
        try {
            Answered a = answered(mobile());
            ok(calls.act(
                    a.id(),
                    "follow-up",
                    dispatcher(),
                    Map.of("reached", true, "resolved", false, "satisfaction", "BASICALLY_SATISFIED")));
            assertThat(state(a.id())).isEqualTo("HANDLING");
            JsonNode timeline =
                    calls.read(calls.send(get("/api/v1/appeals/" + a.id() + "/timeline"), dispatcher(), null));
            JsonNode last = timeline.get(timeline.size() - 1);
            assertThat(last.path("action").asString()).isEqualTo("REWORK");
            assertThat(last.path("actor").asString()).isEqualTo("system");
            // Still one answer for that round; the next answer opens round two, due on the new two working days.
            assertThat(followUps(a.id())).isOne();
            ok(calls.act(a.id(), "answer", calls.staffOf(ENFORCEMENT), Map.of("result", "已重新更换灯具并检测线路")));
            assertThat(jdbc.sql("select answer_round from appeal.appeal where id = cast(:id as uuid)")
                            .param("id", a.id())
                            .query(Integer.class)
                            .single())
                    .isEqualTo(2);
        } finally {
            assertThat(policy("3wd", "VERIFY", String.valueOf(v + 1)).getRedirectedUrl())
                    .isEqualTo("/settings/follow-up");
        }
    }
}
