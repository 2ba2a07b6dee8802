package org.gongzhi.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.gongzhi.support.Concurrently;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.RealHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adding a child row never contends on its parent: fifty people recording duties on one list, or seating fifty units
 * on one council, at the same moment all succeed; only a real clash (the same unit twice, a second council for one
 * 社区) is refused, once per extra request, with 409.
 */
@PlatformTest
class ConcurrentAppendIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    JsonMapper json = JsonMapper.shared();

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    static long statuses(List<HttpResponse<String>> responses, int status) {
        return responses.stream().filter(r -> r.statusCode() == status).count();
    }

    @Test
    void fifty_simultaneous_duty_records_on_one_list_are_all_kept() {
        RealHttp http = RealHttp.signedIn(port, "xueyuanlu.street-admin");
        var drawn = http.json(
                "POST",
                "/api/v1/responsibility-lists",
                "{\"title\":\"并发记录测试清单\",\"unitCode\":\"110108010005\",\"parties\":[{\"key\":\"A\",\"name\":\"居委会\"}],"
                        + "\"duties\":[{\"number\":1,\"description\":\"每周巡查\",\"ownerKey\":\"A\",\"cadence\":\"WEEKLY\"}]}");
        assertThat(drawn.statusCode()).as(drawn.body()).isEqualTo(201);
        String id = json.readTree(drawn.body()).path("id").asString();
        List<HttpResponse<String>> responses = Concurrently.run(
                50,
                i -> http,
                (i, client) -> client.json(
                        "POST",
                        "/api/v1/responsibility-lists/" + id + "/duties/1/records",
                        "{\"doneOn\":\"2026-11-20\",\"evidence\":\"巡查记录第" + i + "号\"}"));
        assertThat(statuses(responses, 200)).as(responses.get(0).body()).isEqualTo(50);
        assertThat(count("select count(*) from organization.responsibility_record where list_id = ?::uuid", id))
                .isEqualTo(50);
        assertThat(json.readTree(http.get("/api/v1/responsibility-lists/" + id).body())
                        .path("records")
                        .size())
                .isEqualTo(50);
    }

    @Test
    void fifty_units_admitted_at_once_all_get_a_seat_and_one_unit_gets_one() {
        RealHttp http = RealHttp.signedIn(port, "xueyuanlu.street-admin");
        var council = http.json(
                "POST",
                "/api/v1/councils",
                "{\"name\":\"并发测试社区党建协调委员会\",\"level\":\"COMMUNITY\",\"unitCode\":\"110108010007\","
                        + "\"foundedOn\":\"2020-01-01\"}");
        assertThat(council.statusCode()).as(council.body()).isEqualTo(201);
        String councilId = json.readTree(council.body()).path("id").asString();
        List<String> units = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            var o = http.json(
                    "POST",
                    "/api/v1/organizations",
                    "{\"name\":\"并发成员单位" + i
                            + "\",\"kind\":\"SELF_MANAGEMENT_COMMITTEE\",\"unitCode\":\"110108010007\"}");
            assertThat(o.statusCode()).as(o.body()).isEqualTo(201);
            units.add(json.readTree(o.body()).path("id").asString());
        }
        List<HttpResponse<String>> responses = Concurrently.run(
                50,
                i -> http,
                (i, client) -> client.json(
                        "POST",
                        "/api/v1/councils/" + councilId + "/members",
                        "{\"organisationId\":\"" + units.get(i) + "\",\"liaisonName\":\"联络员" + i + "\"}"));
        assertThat(statuses(responses, 200)).as(responses.get(0).body()).isEqualTo(50);
        assertThat(count("select count(*) from organization.council_member where council_id = ?::uuid", councilId))
                .isEqualTo(50);

        var other = http.json(
                "POST",
                "/api/v1/councils",
                "{\"name\":\"另一社区党建协调委员会\",\"level\":\"COMMUNITY\",\"unitCode\":\"110108010008\","
                        + "\"foundedOn\":\"2020-01-01\"}");
        String otherId = json.readTree(other.body()).path("id").asString();
        List<HttpResponse<String>> same = Concurrently.run(
                10,
                i -> http,
                (i, client) -> client.json(
                        "POST",
                        "/api/v1/councils/" + otherId + "/members",
                        "{\"organisationId\":\"" + units.get(0) + "\",\"liaisonName\":\"同一单位\"}"));
        assertThat(statuses(same, 200)).isEqualTo(1);
        assertThat(statuses(same, 409)).isEqualTo(9);
        assertThat(count("select count(*) from organization.council_member where council_id = ?::uuid", otherId))
                .isEqualTo(1);
    }

    @Test
    void one_council_per_community_even_when_founded_twice_at_once() {
        RealHttp http = RealHttp.signedIn(port, "xueyuanlu.street-admin");
        List<HttpResponse<String>> responses = Concurrently.run(
                5,
                i -> http,
                (i, client) -> client.json(
                        "POST",
                        "/api/v1/councils",
                        "{\"name\":\"重复委员会" + i + "\",\"level\":\"COMMUNITY\",\"unitCode\":\"110108010009\","
                                + "\"foundedOn\":\"2021-01-01\"}"));
        assertThat(statuses(responses, 201)).isEqualTo(1);
        assertThat(statuses(responses, 409)).isEqualTo(4);
        var again = http.json(
                "POST",
                "/api/v1/councils",
                "{\"name\":\"第二个委员会\",\"level\":\"COMMUNITY\",\"unitCode\":\"110108010009\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(again.body()).path("code").asString()).isEqualTo("organization.council.exists");
    }

    @Test
    void one_credit_code_registered_at_once_by_several_gives_one_organisation_and_named_refusals() {
        RealHttp http = RealHttp.signedIn(port, "xueyuanlu.street-admin");
        String first17 = "52110108MJ" + String.format("%07d", new java.util.Random().nextInt(10_000_000));
        String code =
                first17 + org.gongzhi.shared.CreditCode.checkCharacter(first17).orElseThrow();
        List<HttpResponse<String>> responses = Concurrently.run(
                6,
                i -> http,
                (i, client) -> client.json(
                        "POST",
                        "/api/v1/organizations",
                        "{\"name\":\"同码社会组织" + i + "\",\"kind\":\"SOCIAL_ORGANIZATION\",\"creditCode\":\"" + code
                                + "\",\"unitCode\":\"110108010005\"}"));
        assertThat(statuses(responses, 201)).isEqualTo(1);
        assertThat(responses.stream().filter(r -> r.statusCode() != 201)).allSatisfy(r -> {
            assertThat(r.statusCode()).isIn(400, 409);
            assertThat(json.readTree(r.body())
                            .path("errors")
                            .path(0)
                            .path("location")
                            .asString())
                    .as(r.body())
                    .isEqualTo("creditCode");
        });
        assertThat(count("select count(*) from organization.organisation where credit_code = ?", code))
                .isEqualTo(1);
    }
}
