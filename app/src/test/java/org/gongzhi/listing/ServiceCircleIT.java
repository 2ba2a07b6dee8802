package org.gongzhi.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.UUID;
import org.gongzhi.support.AppealCalls;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.gongzhi.territory.TerritoryQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The 一刻钟社区服务圈 of the demo 学院路 through the API: every 社区 measured against every service, the services its
 * own resources provide reached, gaps listed, a longer walk reaching at least as much; bad walks and other 街道
 * refused.
 */
@PlatformTest
class ServiceCircleIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TerritoryQueries territory;

    AppealCalls calls;
    UUID xueyuanlu;

    @BeforeEach
    void setUp() {
        calls = new AppealCalls(mvc, jdbc, Staff.sysAdmin());
        xueyuanlu = territory.requireByCode("110108010").id().value();
    }

    JsonNode circle(String query) throws Exception {
        var r = calls.send(get("/api/v1/service-circle/110108010" + query), Staff.streetAdmin(xueyuanlu), null);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return calls.read(r);
    }

    static JsonNode community(JsonNode circle, String name) {
        for (JsonNode c : circle.path("communities")) {
            if (c.path("name").asString().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no " + name);
    }

    static int percent(JsonNode community, String service) {
        for (JsonNode s : community.path("services")) {
            if (s.path("service").asString().equals(service)) {
                return s.path("percent").asInt();
            }
        }
        throw new AssertionError("no " + service);
    }

    @Test
    void every_community_is_measured_against_every_service_and_its_gaps_are_listed() throws Exception {
        long started = System.nanoTime();
        JsonNode c = circle("");
        System.out.printf("service circle of 学院路 (29 社区): %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(c.path("walkMinutes").asInt()).isEqualTo(15);
        assertThat(c.path("walkingMetres").asLong()).isEqualTo(1125);
        assertThat(c.path("communities")).hasSizeGreaterThanOrEqualTo(29);
        for (JsonNode community : c.path("communities")) {
            assertThat(community.path("services")).hasSize(ServiceCategory.values().length);
            assertThat(community.path("points").asInt()).isPositive();
            int gaps = 0;
            for (JsonNode s : community.path("services")) {
                if (s.path("percent").asInt() < 50) {
                    gaps++;
                }
            }
            assertThat(community.path("gaps"))
                    .as(community.path("name").asString())
                    .hasSize(gaps);
        }
        // 二里庄's own health station serves most of it.
        JsonNode erlizhuang = community(c, "二里庄社区");
        assertThat(percent(erlizhuang, "HEALTH")).isGreaterThanOrEqualTo(50);
        assertThat(erlizhuang.path("gaps").toString()).doesNotContain("HEALTH");

        // A longer walk reaches at least as much everywhere; a shorter one no more.
        JsonNode longer = circle("?minutes=30");
        JsonNode shorter = circle("?minutes=5");
        for (JsonNode community : c.path("communities")) {
            String name = community.path("name").asString();
            for (ServiceCategory s : ServiceCategory.values()) {
                assertThat(percent(community(longer, name), s.name()))
                        .isGreaterThanOrEqualTo(percent(community, s.name()));
                assertThat(percent(community(shorter, name), s.name()))
                        .isLessThanOrEqualTo(percent(community, s.name()));
            }
        }
    }

    @Test
    void a_walk_outside_five_to_thirty_minutes_and_another_subdistrict_are_refused() throws Exception {
        var admin = Staff.streetAdmin(xueyuanlu);
        var r = calls.send(get("/api/v1/service-circle/110108010?minutes=4"), admin, null);
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString()).contains("minutes");
        assertThat(calls.send(get("/api/v1/service-circle/110108010?minutes=31"), admin, null)
                        .getStatus())
                .isEqualTo(400);
        var outsider =
                Staff.streetAdmin(territory.requireByCode("110101008").id().value());
        var hidden = calls.send(get("/api/v1/service-circle/110108010"), outsider, null);
        assertThat(hidden.getStatus()).isEqualTo(404);
        assertThat(hidden.getContentAsString()).doesNotContain("二里庄");
        assertThat(calls.send(get("/api/v1/service-circle/999999999"), admin, null)
                        .getStatus())
                .isEqualTo(404);
    }
}
