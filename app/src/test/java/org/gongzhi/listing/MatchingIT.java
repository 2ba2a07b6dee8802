package org.gongzhi.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.identity.Role;
import org.gongzhi.support.AppealCalls;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.gongzhi.territory.TerritoryQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Matching through the API on the demo 学院路: a need gets resources, units and experts with their reasons; a resource
 * offered afterwards is proposed at once; a resource gets the open needs it could serve; another 街道 sees nothing.
 */
@PlatformTest
class MatchingIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TerritoryQueries territory;

    AppealCalls calls;
    UUID xueyuanlu;
    UUID erlizhuang;
    RequestPostProcessor worker;

    @BeforeEach
    void setUp() {
        calls = new AppealCalls(mvc, jdbc, Staff.sysAdmin());
        xueyuanlu = territory.requireByCode("110108010").id().value();
        erlizhuang = territory.requireByCode("110108010005").id().value();
        worker = Staff.as("erlizhuang-matcher", Set.of(erlizhuang), Role.COMMUNITY_WORKER);
    }

    JsonNode ok(MockHttpServletResponse r, int status) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
        return calls.read(r);
    }

    String need(String title, String description, String category) throws Exception {
        Map<String, Object> m = new HashMap<>();
        m.put("title", title);
        m.put("description", description);
        m.put("categoryCode", category);
        m.put("source", "VISIT");
        m.put("requesterKind", "COMMUNITY");
        m.put("unitId", erlizhuang.toString());
        m.put("priority", "HIGH");
        return ok(calls.send(post("/api/v1/needs"), worker, m), 201).path("id").asString();
    }

    @Test
    void a_need_for_meals_of_the_elderly_is_matched_to_the_canteen_with_its_reasons() throws Exception {
        String id = need("独居老人中午吃饭难", "二里庄不少独居老人腿脚不便，中午做饭吃饭成了难题，希望附近单位的食堂能帮一把。", "ASSISTANCE");

        JsonNode m = ok(calls.send(get("/api/v1/needs/" + id + "/matches"), worker, null), 200);
        // The canteens that serve the elderly come first: the 老年餐桌 of 中国矿业大学 and the community's own.
        JsonNode first = m.path("resources").path(0);
        assertThat(first.path("name").asString()).containsAnyOf("老年餐桌", "老年食堂");
        // Other tests share the database (partners, more canteens): the university's 老年餐桌 is among the first five.
        StringBuilder firstFive = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            firstFive
                    .append(m.path("resources").path(i).path("name").asString())
                    .append(' ');
        }
        assertThat(firstFive.toString()).contains("教工食堂老年餐桌");
        assertThat(first.path("score").asInt()).isBetween(20, 100);
        String reasons = first.path("reasons").toString();
        assertThat(reasons)
                .contains("\"code\":\"words\"")
                .contains("\"code\":\"service\"")
                .contains("\"code\":\"walk\"")
                .contains("\"code\":\"hours\"");
        assertThat(m.path("units").toString()).contains("中国矿业大学（北京）");
        for (JsonNode r : m.path("resources")) {
            assertThat(r.path("score").asInt())
                    .isLessThanOrEqualTo(first.path("score").asInt());
        }
    }

    @Test
    void a_resource_offered_afterwards_is_proposed_at_once_and_the_reverse_finds_the_need() throws Exception {
        String id = need("孩子们想要个打篮球的地方", "社区里的中学生周末想组队打篮球，附近没有合适的球场，希望有单位能开放场地。", "CULTURE");
        JsonNode before = ok(calls.send(get("/api/v1/needs/" + id + "/matches"), worker, null), 200);
        assertThat(before.path("resources").toString()).doesNotContain("二里庄灯光篮球场");

        UUID ustb = calls.organisation("北京科技大学");
        Map<String, Object> court = new HashMap<>();
        court.put("providerId", ustb.toString());
        court.put("name", "二里庄灯光篮球场");
        court.put("kind", "SPORTS_CULTURE_BASE");
        court.put("openness", "OPEN");
        court.put("capacity", 40);
        court.put("latitude", 39.99731);
        court.put("longitude", 116.35521);
        court.put("bookable", true);
        court.put("opening", "6,7 08:00-20:00");
        court.put("description", "两片室外篮球场，周末向社区青少年开放。");
        court.put("services", java.util.List.of("SPORTS"));
        var liaison = Staff.ofOrganisation("ustb-court", ustb, Role.UNIT_LIAISON);
        String resource = ok(calls.send(post("/api/v1/resources"), liaison, court), 201)
                .path("id")
                .asString();

        JsonNode after = ok(calls.send(get("/api/v1/needs/" + id + "/matches"), worker, null), 200);
        JsonNode court2 = null;
        for (int i = 0; i < 3; i++) {
            if (after.path("resources").path(i).path("id").asString().equals(resource)) {
                court2 = after.path("resources").path(i);
            }
        }
        assertThat(court2)
                .as("among the first three: " + after.path("resources"))
                .isNotNull();
        assertThat(court2.path("reasons").toString())
                .contains("\"code\":\"service\"")
                .contains("\"code\":\"walk\"");

        JsonNode reverse = ok(calls.send(get("/api/v1/resources/" + resource + "/matches"), liaison, null), 200);
        assertThat(reverse.path("needs").toString()).contains(id);
        assertThat(reverse.path("needs").path(0).path("kind").asString()).isEqualTo("NEED");

        var outsider =
                Staff.streetAdmin(territory.requireByCode("110101008").id().value());
        assertThat(calls.send(get("/api/v1/needs/" + id + "/matches"), outsider, null)
                        .getStatus())
                .isEqualTo(404);
        assertThat(calls.send(get("/api/v1/resources/" + resource + "/matches"), outsider, null)
                        .getStatus())
                .isEqualTo(404);
    }
}
