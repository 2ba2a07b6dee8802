package org.gongzhi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.RealHttp;
import org.gongzhi.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input of every kind reaches the real HTTP stack (Tomcat, the filters, security, MVC) and gets a 4xx in the one
 * error format — never a 500, never Tomcat's own page — and changes nothing.
 */
@PlatformTest
class BadInputIT {

    static final String ERLIZHUANG = "110108010005";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    JsonMapper json = JsonMapper.shared();

    JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return json.readTree(response.body());
    }

    long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void a_nul_character_in_a_query_parameter_is_a_field_level_400() {
        var http = RealHttp.anonymous(port);
        JsonNode p = problem(http.get("/api/v1/territory/units?parent=a%00b"), 400);
        assertThat(p.path("code").asString()).isEqualTo("request.control-character");
        assertThat(p.path("errors").get(0).path("location").asString()).isEqualTo("parent");
        problem(http.get("/api/v1/organizations?q=%01x"), 400);
        assertThat(http.hasSession()).as("refused before any session").isFalse();
    }

    @Test
    void an_id_of_blanks_page_overflow_and_odd_paths_are_4xx_problems() {
        var http = RealHttp.anonymous(port);
        JsonNode blankId = problem(http.get("/api/v1/organizations/%20"), 400);
        assertThat(blankId.path("errors").get(0).path("location").asString()).isEqualTo("id");
        var overflow = http.get("/api/v1/organizations?page=2147483647");
        assertThat(overflow.statusCode()).isEqualTo(200);
        assertThat(json.readTree(overflow.body()).path("items").size()).isZero();
        assertThat(http.get("/api/v1/organizations?page=-2147483648&size=2147483647")
                        .statusCode())
                .isEqualTo(200);
        for (String path : new String[] {"/api/v1/organizations/a%00b", "/api/v1/organizations/a%2Fb", "/x%00y"}) {
            JsonNode p = problem(http.get(path), 400);
            assertThat(p.path("code").asString()).as(path).isEqualTo("http.400");
        }
        var page = http.get("/territory/a%2Fb", "text/html");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("请求有误").doesNotContain("Apache Tomcat");
    }

    @Test
    void an_extreme_date_and_a_nul_in_a_json_body_name_their_field_and_write_nothing() {
        var http = RealHttp.signedIn(port, "xueyuanlu.street-admin");
        long councils = rows("organization.council");
        for (String date : new String[] {"-999999999-01-01", "9999-12-31", "+999999999-12-31"}) {
            JsonNode p = problem(
                    http.json(
                            "POST",
                            "/api/v1/councils",
                            "{\"name\":\"测试委员会\",\"level\":\"COMMUNITY\",\"unitCode\":\"110108010006\","
                                    + "\"foundedOn\":\"" + date + "\"}"),
                    400);
            assertThat(p.path("errors").get(0).path("location").asString())
                    .as(date)
                    .isEqualTo("foundedOn");
        }
        JsonNode nul = problem(
                http.json(
                        "POST",
                        "/api/v1/organizations",
                        "{\"name\":\"坏\\u0000名字\",\"kind\":\"SELF_MANAGEMENT_COMMITTEE\",\"unitCode\":\"" + ERLIZHUANG
                                + "\"}"),
                400);
        assertThat(nul.path("errors").get(0).path("location").asString()).isEqualTo("name");
        assertThat(nul.path("errors").get(0).path("code").asString()).isEqualTo("text.unsafe-character");
        assertThat(rows("organization.council")).isEqualTo(councils);
    }

    @Test
    void a_null_in_a_list_tabs_in_a_one_line_field_and_a_multipart_without_boundary_are_4xx() {
        var http = RealHttp.signedIn(port, "xueyuanlu.street-admin");
        long lists = rows("organization.responsibility_list");
        JsonNode nullParty = problem(
                http.json(
                        "POST",
                        "/api/v1/responsibility-lists",
                        "{\"title\":\"t\",\"unitCode\":\"110108010\",\"parties\":[null],\"duties\":[{\"number\":1,"
                                + "\"description\":\"d\",\"ownerKey\":\"a\",\"cadence\":\"MONTHLY\"}]}"),
                400);
        assertThat(nullParty.path("errors").get(0).path("location").asString()).startsWith("parties");
        JsonNode tabs = problem(
                http.json(
                        "POST",
                        "/api/v1/responsibility-lists",
                        "{\"title\":\"t\\t\\tx\",\"unitCode\":\"110108010\",\"parties\":[{\"key\":\"a\","
                                + "\"name\":\"甲\\n乙\"}],\"duties\":[{\"number\":1,\"description\":\"d\",\"ownerKey\":\"a\","
                                + "\"cadence\":\"MONTHLY\"}]}"),
                400);
        assertThat(tabs.path("errors").findValuesAsString("location")).contains("title", "parties[0].name");
        assertThat(rows("organization.responsibility_list")).isEqualTo(lists);
        var noBoundary = http.send(http.request("/api/v1/organizations/import")
                .header("Content-Type", "multipart/form-data")
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", http.csrf())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("garbage")));
        problem(noBoundary, 400);
        // The text fields of a multipart form are checked like any other parameter.
        String boundary = "----gongzhi-text";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nx\u202Ey\r\n--"
                + boundary + "--\r\n";
        var bidi = http.send(http.request("/api/v1/organizations/import")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", http.csrf())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertThat(problem(bidi, 400).path("code").asString()).isEqualTo("request.control-character");
    }

    @Test
    void json_is_read_strictly_and_invisible_or_non_text_names_are_refused() {
        var http = RealHttp.signedIn(port, "xueyuanlu.street-admin");
        long before = rows("organization.organisation");
        String[] bodies = {
            "{\"name\":\"a\\u2028b\",\"kind\":\"SELF_MANAGEMENT_COMMITTEE\",\"unitCode\":\"" + ERLIZHUANG + "\"}",
            "{\"name\":\"\\u3164\",\"kind\":\"SELF_MANAGEMENT_COMMITTEE\",\"unitCode\":\"" + ERLIZHUANG + "\"}",
            "{\"name\":\"a\\ud800b\",\"kind\":\"SELF_MANAGEMENT_COMMITTEE\",\"unitCode\":\"" + ERLIZHUANG + "\"}",
            "{\"name\":\"x\\ufffe\",\"kind\":\"SELF_MANAGEMENT_COMMITTEE\",\"unitCode\":\"" + ERLIZHUANG + "\"}",
            "{\"name\":12345,\"kind\":\"SELF_MANAGEMENT_COMMITTEE\",\"unitCode\":\"" + ERLIZHUANG + "\"}",
            "{\"name\":\"重复键\",\"name\":\"第二个\",\"kind\":\"SELF_MANAGEMENT_COMMITTEE\",\"unitCode\":\"" + ERLIZHUANG
                    + "\"}",
            "{\"name\":\"序数\",\"kind\":3,\"unitCode\":\"" + ERLIZHUANG + "\"}",
            "{\"name\":\"溢出\",\"kind\":\"SELF_MANAGEMENT_COMMITTEE\",\"unitCode\":\"" + ERLIZHUANG
                    + "\",\"latitude\":1e400,\"longitude\":116.35}"
        };
        for (String body : bodies) {
            var response = http.json("POST", "/api/v1/organizations", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            // Each refusal names the field at fault.
            assertThat(json.readTree(response.body())
                            .path("errors")
                            .path(0)
                            .path("location")
                            .asString())
                    .as(response.body())
                    .isNotBlank();
        }
        assertThat(rows("organization.organisation")).isEqualTo(before);
        var wildcard = http.send(http.request("/api/v1/organizations")
                .header("Content-Type", "*/*")
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", http.csrf())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(bodies[0])));
        problem(wildcard, 415);
        long lists = rows("organization.responsibility_list");
        for (String party : new String[] {
            "[{\"key\":\"A\",\"name\":\"甲\"},{\"key\":\"Ａ\",\"name\":\"乙\"}]", "[{\"key\":\"A\",\"name\":\"甲\"}]"
        }) {
            String duty = party.contains("乙")
                    ? "{\"number\":1,\"description\":\"d\",\"ownerKey\":\"A\",\"cadence\":\"MONTHLY\"}"
                    : "{\"number\":1.5,\"description\":\"d\",\"ownerKey\":\"A\",\"cadence\":2}";
            var response = http.json(
                    "POST",
                    "/api/v1/responsibility-lists",
                    "{\"title\":\"严格\",\"unitCode\":\"110108010\",\"parties\":" + party + ",\"duties\":[" + duty
                            + "]}");
            assertThat(response.statusCode()).as(party).isEqualTo(400);
        }
        assertThat(rows("organization.responsibility_list")).isEqualTo(lists);
        var hugeVersion = http.json(
                "PUT",
                "/api/v1/territory/units/" + ERLIZHUANG,
                "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"kind\":\"COMMUNITY\",\"code\":\""
                        + ERLIZHUANG + "\",\"name\":\"二里庄社区\",\"version\":18446744073709551616}}");
        assertThat(problem(hugeVersion, 400)
                        .path("errors")
                        .get(0)
                        .path("location")
                        .asString())
                .isEqualTo("properties.version");
    }

    @Test
    void if_match_follows_rfc_9110_strong_comparison_lists_and_the_wildcard() {
        var http = RealHttp.signedIn(port, "xueyuanlu.street-admin");
        String id = jdbc.sql("select id::text from organization.organisation where name = '二里庄社区营造工作坊'")
                .query(String.class)
                .single();
        var current = http.get("/api/v1/organizations/" + id);
        long version = Long.parseLong(
                current.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
        JsonNode body = json.readTree(current.body());
        String update =
                "{\"name\":\"二里庄社区营造工作坊\",\"kind\":\"" + body.path("kind").asString() + "\",\"creditCode\":"
                        + (body.path("creditCode").isNull()
                                ? "null"
                                : "\"" + body.path("creditCode").asString() + "\"")
                        + ",\"unitCode\":\"" + ERLIZHUANG + "\",\"description\":\"ETag 测试 %s\"}";
        var weak = put(http, id, "W/\"" + version + "\"", update.formatted("weak"));
        assertThat(weak.statusCode()).as(weak.body()).isEqualTo(412);
        var padded = put(http, id, "\"0" + version + "\"", update.formatted("padded"));
        assertThat(padded.statusCode()).isEqualTo(412);
        var list = put(http, id, "\"999\", \"" + version + "\"", update.formatted("list"));
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        var any = put(http, id, "*", update.formatted("any"));
        assertThat(any.statusCode()).as(any.body()).isEqualTo(200);
        var malformed = put(http, id, "version 3", update.formatted("malformed"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(RealHttp.anonymous(port)
                        .get("/api/v1/territory/units/" + ERLIZHUANG)
                        .headers()
                        .firstValue("ETag"))
                .isPresent();
    }

    static HttpResponse<String> put(RealHttp http, String id, String ifMatch, String body) {
        return http.send(http.request("/api/v1/organizations/" + id)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", http.csrf())
                .header("If-Match", ifMatch)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void the_page_forms_apply_the_same_rules_as_the_api() {
        var http = RealHttp.signedIn(port, "xueyuanlu.street-admin");
        long before = rows("organization.organisation");
        var latitude = http.postForm(
                "/organizations",
                Map.of(
                        "name", "纬度越界的组织",
                        "kind", "SELF_MANAGEMENT_COMMITTEE",
                        "unitCode", ERLIZHUANG,
                        "latitude", "91",
                        "longitude", "116.35"));
        assertThat(latitude.statusCode()).isEqualTo(400);
        assertThat(latitude.body()).contains("坐标须在 -90 到 90 度之间");
        var address = http.postForm(
                "/organizations",
                Map.of(
                        "name",
                        "地址过长的组织",
                        "kind",
                        "SELF_MANAGEMENT_COMMITTEE",
                        "unitCode",
                        ERLIZHUANG,
                        "address",
                        "长".repeat(201)));
        assertThat(address.statusCode()).isEqualTo(400);
        assertThat(address.body()).contains("长度不能超过 200 个字符");
        var typed = http.postForm(
                "/organizations",
                Map.of(
                        "name",
                        "坐标不是数字",
                        "kind",
                        "SELF_MANAGEMENT_COMMITTEE",
                        "unitCode",
                        ERLIZHUANG,
                        "latitude",
                        "北纬40"));
        assertThat(typed.statusCode()).isEqualTo(400);
        assertThat(rows("organization.organisation")).isEqualTo(before);
    }

    @Test
    void a_csrf_token_in_the_query_string_is_not_accepted() {
        var http = RealHttp.signedIn(port, "xueyuanlu.street-admin");
        String id = jdbc.sql("select id::text from organization.organisation where name = '二里庄社区营造工作坊'")
                .query(String.class)
                .single();
        var current = http.get("/api/v1/organizations/" + id);
        String etag = current.headers().firstValue("ETag").orElseThrow();
        JsonNode body = json.readTree(current.body());
        String update = "{\"name\":\"二里庄社区营造工作坊\",\"kind\":\""
                + body.path("kind").asString() + "\",\"unitCode\":\"" + ERLIZHUANG + "\",\"description\":\"由查询串令牌修改\"}";
        var viaQuery = http.send(http.request("/api/v1/organizations/" + id + "?_csrf=" + RealHttp.encode(http.csrf()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("If-Match", etag)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(update)));
        assertThat(viaQuery.statusCode()).isEqualTo(403);
        assertThat(json.readTree(http.get("/api/v1/organizations/" + id).body())
                        .path("description")
                        .asString())
                .doesNotContain("查询串令牌");
    }

    /**
     * The budget of refusal rows. (Whether a refused write opens a session is checked on the launched application in
     * {@link DefaultRunIT}: this shared test context's CSRF filter is altered by MockMvc's test support.)
     */
    @Test
    void a_flood_of_refused_anonymous_writes_is_recorded_within_a_budget() {
        // A clock of its own: the refusal budget counts per minute, and other tests' refusals must not share it.
        TestClock.advance(Duration.ofDays(3));
        try {
            long refusals = refusalRows();
            for (int i = 0; i < 30; i++) {
                var response = RealHttp.anonymous(port).json("POST", "/api/v1/organizations", "{\"name\":\"匿名\"}");
                assertThat(response.statusCode()).isEqualTo(403);
            }
            assertThat(refusalRows() - refusals)
                    .as("five rows a minute per client, not one per request")
                    .isEqualTo(5);
            TestClock.advance(Duration.ofMinutes(1));
            RealHttp.anonymous(port).json("POST", "/api/v1/organizations", "{}");
            assertThat(refusalRows() - refusals).isEqualTo(6);
            assertThat(jdbc.sql("select summary::jsonb->'after'->>'notRecordedBefore' from platform.audit_event"
                                    + " where action = 'security.csrf-refused' order by sequence desc limit 1")
                            .query(String.class)
                            .single())
                    .isEqualTo("25");
        } finally {
            TestClock.reset();
        }
    }

    long refusalRows() {
        return jdbc.sql("select count(*) from platform.audit_event where action = 'security.csrf-refused'")
                .query(Long.class)
                .single();
    }

    @Test
    void a_signed_out_visitor_gets_the_whole_responsibility_list_page_without_a_form() {
        String id = jdbc.sql("select id::text from organization.responsibility_list order by title limit 1")
                .query(String.class)
                .single();
        var page = RealHttp.anonymous(port).get("/responsibility-lists/" + id, "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().strip()).endsWith("</html>");
        assertThat(page.body()).doesNotContain("name=\"_csrf\"").doesNotContain("name=\"evidence\"");
    }

    @Test
    void pages_are_chinese_unless_english_is_preferred_whatever_the_machine_locale() {
        var http = RealHttp.anonymous(port);
        for (String header : new String[] {";", "en;q=0,zh;q=0", "*", "xx", "", "fr"}) {
            var page = http.send(http.request("/").header("Accept", "text/html").header("Accept-Language", header));
            assertThat(page.body()).as(header).containsPattern("<html[^>]* lang=\"zh-CN\"");
        }
        for (String header : new String[] {"en", "en-GB,zh;q=0.5", "fr, en;q=0.8"}) {
            var page = http.send(http.request("/").header("Accept", "text/html").header("Accept-Language", header));
            assertThat(page.body()).as(header).containsPattern("<html[^>]* lang=\"en\"");
        }
    }
}
