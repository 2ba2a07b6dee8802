package org.gongzhi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.gongzhi.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The anonymous portal's rate limits: an address gets its allowance and then 429 with Retry-After (RFC 6585 §4) — a
 * page for a browser, problem+json for a client — with nothing written; other addresses are not held back.
 */
@PlatformTest
class RateLimitIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Value("${gongzhi.rate-limits.tracking.capacity}")
    int tracking;

    @Value("${gongzhi.rate-limits.portal-submit.capacity}")
    int submissions;

    /** The request as it arrives from {@code address}. */
    static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    MockHttpServletResponse track(String address) throws Exception {
        return mvc.perform(post("/api/v1/appeals/track")
                        .with(csrf())
                        .with(from(address))
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .content("{\"trackingCode\":\"261130ABCDEF\",\"token\":\"GUESS\"}"))
                .andReturn()
                .getResponse();
    }

    @Test
    void guessing_tracking_tokens_is_held_to_the_allowance_of_one_address() throws Exception {
        for (int i = 0; i < tracking; i++) {
            assertThat(track("198.51.100.7").getStatus())
                    .as("attempt %d", i + 1)
                    .isEqualTo(404);
        }
        MockHttpServletResponse refused = track("198.51.100.7");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isPositive();
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("request.rate-limited");
        // Spelled differently, the same address is the same limit.
        MockHttpServletResponse encoded = mvc.perform(post(java.net.URI.create("/api/v1/appeals/trac%6B"))
                        .with(csrf())
                        .with(from("198.51.100.7"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .content("{\"trackingCode\":\"261130ABCDEF\",\"token\":\"GUESS\"}"))
                .andReturn()
                .getResponse();
        assertThat(encoded.getStatus()).isEqualTo(429);
        // Another address is not held back.
        assertThat(track("198.51.100.8").getStatus()).isEqualTo(404);
    }

    @Test
    void a_flood_of_portal_submissions_from_one_address_stops_at_its_allowance() throws Exception {
        long before =
                jdbc.sql("select count(*) from appeal.appeal").query(Long.class).single();
        int accepted = 0;
        MockHttpServletResponse last = null;
        for (int i = 0; i <= submissions; i++) {
            last = mvc.perform(multipart("/report")
                            .param("type", "COMPLAINT")
                            .param("content", "楼下夜间施工噪声扰民，第 " + i + " 次反映。")
                            .param("address", "学院路二里庄小区北门")
                            .param("submission", java.util.UUID.randomUUID().toString())
                            .param("area", "110108010")
                            .with(csrf())
                            .with(from("203.0.113.9"))
                            .accept(MediaType.TEXT_HTML))
                    .andReturn()
                    .getResponse();
            if (last.getStatus() == 302) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(submissions);
        assertThat(last.getStatus()).isEqualTo(429);
        assertThat(last.getHeader("Retry-After")).isNotBlank();
        assertThat(last.getContentType()).startsWith("text/html");
        // The page says how long to wait, in minutes rounded up from the header's seconds.
        long minutes = (Long.parseLong(last.getHeader("Retry-After")) + 59) / 60;
        assertThat(last.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("请求过于频繁，请在 " + minutes + " 分钟后再试");
        long after =
                jdbc.sql("select count(*) from appeal.appeal").query(Long.class).single();
        assertThat(after - before).isEqualTo(submissions);
    }
}
