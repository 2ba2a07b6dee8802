package org.gongzhi.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.gongzhi.shared.CreditCode;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.RealHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Values that cannot be true are refused with a field-level message, and nothing is written. */
@PlatformTest
class ImpossibleValuesIT {

    static final String ERLIZHUANG = "110108010005";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    JsonMapper json = JsonMapper.shared();

    long organisations() {
        return jdbc.sql("select count(*) from organization.organisation")
                .query(Long.class)
                .single();
    }

    String idOf(String name) {
        return jdbc.sql("select id::text from organization.organisation where name = ?")
                .param(name)
                .query(String.class)
                .single();
    }

    static String org(String name, String extra) {
        return "{\"name\":\"" + name + "\",\"kind\":\"SELF_MANAGEMENT_COMMITTEE\",\"unitCode\":\"" + ERLIZHUANG + "\""
                + extra + "}";
    }

    /** The response is {@code status} problem+json whose first error sits at {@code location} with {@code code}. */
    JsonNode refused(HttpResponse<String> response, int status, String location, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode p = json.readTree(response.body());
        assertThat(p.path("errors").get(0).path("location").asString())
                .as(response.body())
                .isEqualTo(location);
        assertThat(p.path("errors").get(0).path("code").asString())
                .as(response.body())
                .isEqualTo(code);
        return p;
    }

    @Test
    void coordinates_must_lie_in_the_unit_they_come_with() {
        RealHttp http = RealHttp.signedIn(port, "xueyuanlu.street-admin");
        long before = organisations();
        // 上海杨浦 and the null island, both given as a place in 二里庄社区.
        for (String point : new String[] {"31.30,121.51", "0,0"}) {
            String[] ll = point.split(",");
            refused(
                    http.json(
                            "POST",
                            "/api/v1/organizations",
                            org("坐标不符的组织", ",\"latitude\":" + ll[0] + ",\"longitude\":" + ll[1])),
                    400,
                    "latitude",
                    "organization.location.mismatch");
        }
        refused(
                http.json(
                        "POST", "/api/v1/organizations", org("过细的坐标", ",\"latitude\":89.9999999,\"longitude\":116.35")),
                400,
                "latitude",
                "organization.coordinates.scale");
        assertThat(organisations()).isEqualTo(before);
    }

    @Test
    void control_and_direction_characters_in_names_are_refused() {
        RealHttp http = RealHttp.signedIn(port, "xueyuanlu.street-admin");
        long before = organisations();
        for (String name : new String[] {"北京\\u202E学大技科", "名字\\u0007响铃", "隐形\\u2066方向\\u2069"}) {
            var response = http.json("POST", "/api/v1/organizations", org(name, ""));
            assertThat(response.statusCode()).as(name).isEqualTo(400);
            assertThat(json.readTree(response.body())
                            .path("errors")
                            .get(0)
                            .path("code")
                            .asString())
                    .isEqualTo("text.unsafe-character");
        }
        assertThat(organisations()).isEqualTo(before);
    }

    @Test
    void credit_codes_that_pass_only_the_check_character_are_refused() {
        RealHttp http = RealHttp.signedIn(port, "xueyuanlu.street-admin");
        long before = organisations();
        refused(
                http.json("POST", "/api/v1/organizations", org("零代码", ",\"creditCode\":\"000000000000000000\"")),
                400,
                "creditCode",
                "credit-code.authority");
        refused(
                http.json("POST", "/api/v1/organizations", org("一代码", ",\"creditCode\":\"111111111111111115\"")),
                400,
                "creditCode",
                "credit-code.region");
        assertThat(organisations()).isEqualTo(before);
    }

    @Test
    void blanks_of_every_kind_are_removed_before_checks_and_names_match_in_nfkc() {
        RealHttp http = RealHttp.signedIn(port, "xueyuanlu.street-admin");
        String code = "52110108MJ" + "1234567";
        code = code + CreditCode.checkCharacter(code).orElseThrow();
        var created = http.json(
                "POST",
                "/api/v1/organizations",
                "{\"name\":\"\\u3000空白测试社会组织\\u00A0\",\"kind\":\"SELF_MANAGEMENT_COMMITTEE\",\"creditCode\":\"" + code
                        + " \\u00A0\\u200B\",\"unitCode\":\"\\uFEFF" + ERLIZHUANG + "\\u00A0\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode o = json.readTree(created.body());
        assertThat(o.path("name").asString()).isEqualTo("空白测试社会组织");
        assertThat(o.path("creditCode").asString()).isEqualTo(code);
        var found = json.readTree(http.get("/api/v1/organizations?q=" + RealHttp.encode("中国地质大学(北京)"))
                .body());
        assertThat(found.path("items").get(0).path("name").asString()).isEqualTo("中国地质大学（北京）");
    }

    @Test
    void links_to_organisations_outside_the_actors_scope_are_refused() {
        RealHttp http = RealHttp.signedIn(port, "xueyuanlu.street-admin");
        String dongzhimenOffice = idOf("东直门街道办事处");
        long before = organisations();
        refused(
                http.json(
                        "POST", "/api/v1/organizations", org("借用东直门上级", ",\"parentId\":\"" + dongzhimenOffice + "\"")),
                422,
                "parentId",
                "organization.link.outside");
        assertThat(organisations()).isEqualTo(before);

        String council = jdbc.sql("select id::text from organization.council where name = '学院路街道党建工作协调委员会'")
                .query(String.class)
                .single();
        long seats = jdbc.sql("select count(*) from organization.council_member")
                .query(Long.class)
                .single();
        refused(
                http.json(
                        "POST",
                        "/api/v1/councils/" + council + "/members",
                        "{\"organisationId\":\"" + dongzhimenOffice + "\",\"liaisonName\":\"越界\"}"),
                422,
                "organisationId",
                "organization.link.outside");
        assertThat(jdbc.sql("select count(*) from organization.council_member")
                        .query(Long.class)
                        .single())
                .isEqualTo(seats);

        refused(
                http.json(
                        "POST",
                        "/api/v1/responsibility-lists",
                        "{\"title\":\"越界清单\",\"unitCode\":\"" + ERLIZHUANG + "\",\"parties\":[{\"key\":\"A\","
                                + "\"name\":\"东直门办事处\",\"organisationId\":\"" + dongzhimenOffice + "\"}],"
                                + "\"duties\":[{\"number\":1,\"description\":\"巡查\",\"ownerKey\":\"A\",\"cadence\":\"WEEKLY\"}]}"),
                422,
                "parties[0].organisationId",
                "organization.link.outside");
        // A unit of the same 街道 serves the place, inside or outside the 社区: 北京科技大学 on 二里庄's council.
        String ustb = idOf("北京科技大学");
        var ownStreet = http.json("POST", "/api/v1/organizations", org("北科大下属测试机构", ",\"parentId\":\"" + ustb + "\""));
        assertThat(ownStreet.statusCode()).as(ownStreet.body()).isEqualTo(201);
    }
}
