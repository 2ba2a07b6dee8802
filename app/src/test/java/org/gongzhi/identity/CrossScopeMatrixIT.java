package org.gongzhi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.gongzhi.territory.TerritoryQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint and page that takes an object id, enumerated from the application itself. Each is either public
 * reading (declared below) or must refuse staff of another 街道 with 403/404 and name nothing of the object. A new
 * endpoint with an id that is in neither list fails this test until someone decides which it is.
 */
@PlatformTest
class CrossScopeMatrixIT {

    /** Public content: the territory, the organisation register, councils and lists (masked) are open to read. */
    static final Set<String> PUBLIC_READS = Set.of(
            "GET /api/v1/territory/units/{code}",
            "GET /api/v1/organizations/{id}",
            "GET /api/v1/councils/{id}",
            "GET /api/v1/responsibility-lists/{id}",
            "GET /territory/units/{code}",
            "GET /territory/export/{code}.geojson",
            "GET /organizations/{id}",
            "GET /councils/{id}",
            "GET /responsibility-lists/{id}",
            // The organisation register is public; the choices are narrowed to the caller's scope, never widened.
            "GET /api/v1/councils/{id}/candidates",
            "GET /territory/overlays/{code}",
            // The appeal categories are public, like the 12345 catalogue they mirror.
            "GET /api/v1/appeal-categories/{code}",
            "GET /api/v1/appeal-categories/{code}/versions",
            // The knowledge base answers the same questions wherever they are asked; any staff member reads it.
            "GET /api/v1/knowledge-articles/{id}",
            // Open311 GeoReport v2 is an open standard's public reads: services, and the open record of requests
            // residents sent themselves, descriptions masked (ADR 0025).
            "GET /open311/v2/services/{code}.{format}",
            "GET /open311/v2/requests/{id}.{format}",
            "GET /open311/v2/request/{id}.{format}",
            "GET /open311/v2/tokens/{token}.{format}",
            "GET /open311/v2/discovery.{format}",
            "GET /open311/v2/services.{format}",
            "GET /open311/v2/requests.{format}",
            // 项目清单 公开展示: approved and completed projects are public (a proposed one is 404 to anyone outside).
            "GET /public/projects/{id}",
            // Filing proves itself with the client's api_key, not a scope.
            "POST /open311/v2/requests.{format}");

    /**
     * The reporter's 回访 through the tracking link: reached with the tracking code alone, they show nothing but the
     * masked number and take nothing until the reporter proves the number with a code sent to it (FollowUpIT).
     */
    static final Set<String> REPORTER_PROVEN = Set.of(
            "GET /track/{code}/follow-up",
            "GET /track/{code}/follow-up/done",
            "POST /track/{code}/follow-up",
            "POST /track/{code}/follow-up/code",
            "POST /track/{code}/follow-up/verify");

    /**
     * Settings of the whole installation, not of a place: any street administrator edits them (the issue says so), so
     * there is no other scope to refuse.
     */
    static final Set<String> INSTALLATION_WIDE = Set.of(
            "PUT /api/v1/appeal-categories/{code}",
            "PUT /api/v1/knowledge-articles/{id}",
            "PUT /api/v1/knowledge-articles/{id}/active",
            // Open311 clients are the installation's, managed by the system administrator.
            "POST /settings/open311/{id}/revocation");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    TerritoryQueries territory;

    @Autowired
    JdbcClient jdbc;

    /** 学院路 objects, and for each scoped endpoint a request that would succeed for 学院路's own staff. */
    Map<String, Attempt> scoped() throws Exception {
        UUID university = jdbc.sql("select id from organization.organisation where name = '北京科技大学'")
                .query(UUID.class)
                .single();
        long version = jdbc.sql("select version from organization.organisation where id = ?")
                .param(university)
                .query(Long.class)
                .single();
        String credit = jdbc.sql("select credit_code from organization.organisation where id = ?")
                .param(university)
                .query(String.class)
                .single();
        UUID council = jdbc.sql("select id from organization.council where name = '学院路街道党建工作协调委员会'")
                .query(UUID.class)
                .single();
        UUID member = jdbc.sql("select organisation_id from organization.council_member where council_id = ? limit 1")
                .param(council)
                .query(UUID.class)
                .single();
        UUID other = jdbc.sql("select id from organization.organisation where name = '北京语言大学'")
                .query(UUID.class)
                .single();
        UUID list = jdbc.sql("select id from organization.responsibility_list limit 1")
                .query(UUID.class)
                .single();
        String org = "{\"name\":\"北京科技大学\",\"kind\":\"UNIVERSITY\",\"creditCode\":\"" + credit
                + "\",\"unitCode\":\"110108010011\"}";
        Map<String, Attempt> attempts = new LinkedHashMap<>();
        attempts.put(
                "PUT /api/v1/organizations/{id}",
                new Attempt("/api/v1/organizations/" + university, org, "\"" + version + "\""));
        attempts.put(
                "POST /api/v1/councils/{id}/members",
                new Attempt(
                        "/api/v1/councils/" + council + "/members",
                        "{\"organisationId\":\"" + other + "\",\"liaisonName\":\"李四\"}",
                        null));
        attempts.put(
                "DELETE /api/v1/councils/{id}/members/{organisation}",
                new Attempt("/api/v1/councils/" + council + "/members/" + member, null, null));
        attempts.put(
                "PUT /api/v1/councils/{id}/members/{organisation}/liaison",
                new Attempt(
                        "/api/v1/councils/" + council + "/members/" + member + "/liaison",
                        "{\"liaisonName\":\"李四\"}",
                        null));
        attempts.put(
                "POST /councils/{id}/members",
                new Attempt("/councils/" + council + "/members", "organisationId=" + other + "&liaisonName=李四", null));
        attempts.put(
                "POST /councils/{id}/members/{organisation}/liaison",
                new Attempt("/councils/" + council + "/members/" + member + "/liaison", "liaisonName=李四", null));
        attempts.put(
                "POST /councils/{id}/members/{organisation}/remove",
                new Attempt("/councils/" + council + "/members/" + member + "/remove", null, null));
        attempts.put(
                "POST /api/v1/councils/{id}/members/{organisation}/unmask",
                new Attempt(
                        "/api/v1/councils/" + council + "/members/" + member + "/unmask",
                        "{\"reason\":\"越界查看测试\"}",
                        null));
        attempts.put(
                "POST /api/v1/responsibility-lists/{id}/duties/{number}/records",
                new Attempt(
                        "/api/v1/responsibility-lists/" + list + "/duties/1/records",
                        "{\"doneOn\":\"2026-11-01\",\"evidence\":\"纪要\"}",
                        null));
        attempts.put(
                "PUT /api/v1/territory/units/{code}",
                new Attempt(
                        "/api/v1/territory/units/110108010005",
                        "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"kind\":\"COMMUNITY\","
                                + "\"code\":\"110108010005\",\"name\":\"改名\",\"parentCode\":\"110108010B02\"}}",
                        "\"0\""));
        attempts.put("GET /organizations/{id}/edit", new Attempt("/organizations/" + university + "/edit", null, null));
        UUID account = jdbc.sql("select id from identity.account where username = 'xueyuanlu.community'")
                .query(UUID.class)
                .single();
        attempts.put("GET /admin/accounts/{id}", new Attempt("/admin/accounts/" + account, null, null));
        for (String action : List.of("enabled", "password", "second-factor", "unlock")) {
            attempts.put(
                    "POST /admin/accounts/{id}/" + action,
                    new Attempt("/admin/accounts/" + account + "/" + action, "enabled=false", null));
        }
        attempts.put(
                "POST /admin/accounts/{id}",
                new Attempt("/admin/accounts/" + account, "version=0&roles=STREET_ADMIN&unitCodes=110108010", null));
        attempts.put(
                "POST /organizations/{id}",
                new Attempt(
                        "/organizations/" + university,
                        "name=改名&kind=UNIVERSITY&creditCode=" + credit + "&unitCode=110108010011&version=" + version,
                        null));
        attempts.put(
                "POST /councils/{id}/members/{organisation}/unmask",
                new Attempt("/councils/" + council + "/members/" + member + "/unmask", "reason=越界查看测试", null));
        attempts.put(
                "POST /responsibility-lists/{id}/records",
                new Attempt(
                        "/responsibility-lists/" + list + "/records", "duty=1&doneOn=2026-11-01&evidence=纪要", null));
        UUID rule = jdbc.sql("select id from dispatch.rule where active and unit_id = ? limit 1")
                .param(territory.requireByCode("110108010").id().value())
                .query(UUID.class)
                .single();
        attempts.put("DELETE /api/v1/dispatch-rules/{id}", new Attempt("/api/v1/dispatch-rules/" + rule, null, null));
        long notice = jdbc.sql("insert into notification.notice (kind, appeal_id, tracking_code, unit_id, ref,"
                        + " created_at) values ('OBJECTION', gen_random_uuid(), '000000MATRIX', ?,"
                        + " gen_random_uuid()::text, now()) returning id")
                .param(territory.requireByCode("110108010").id().value())
                .query(Long.class)
                .single();
        attempts.put("POST /api/v1/inbox/{id}/read", new Attempt("/api/v1/inbox/" + notice + "/read", null, null));
        String whistle = whistleInXueyuanlu();
        for (String step : List.of("acknowledgement", "arrival", "action")) {
            attempts.put(
                    "POST /api/v1/whistles/{id}/" + step,
                    new Attempt("/api/v1/whistles/" + whistle + "/" + step, "{\"action\":\"越界\"}", null));
            attempts.put(
                    "POST /whistles/{id}/" + step, new Attempt("/whistles/" + whistle + "/" + step, "action=越界", null));
        }
        attempts.put("GET /api/v1/whistles/{id}", new Attempt("/api/v1/whistles/" + whistle, null, null));
        attempts.put("GET /whistles/{id}", new Attempt("/whistles/" + whistle, null, null));
        attempts.put(
                "POST /api/v1/whistles/{id}/closure",
                new Attempt("/api/v1/whistles/" + whistle + "/closure", "{\"outcome\":\"RESOLVED\"}", "\"0\""));
        attempts.put(
                "POST /whistles/{id}/closure",
                new Attempt("/whistles/" + whistle + "/closure", "outcome=RESOLVED&version=0", null));
        attempts.put("POST /inbox/{id}/open", new Attempt("/inbox/" + notice + "/open", "", null));
        // A resource 北京科技大学 offers in 学院路, and a booking of it: 学院路's resources are not another 街道's.
        String[] listed = resourceInXueyuanlu(university);
        String resource = listed[0];
        String booking = listed[1];
        attempts.put("GET /api/v1/resources/{id}", new Attempt("/api/v1/resources/" + resource, null, null));
        attempts.put(
                "PUT /api/v1/resources/{id}",
                new Attempt("/api/v1/resources/" + resource, resourceBody(university), "\"0\""));
        attempts.put(
                "POST /api/v1/resources/{id}/withdrawal",
                new Attempt("/api/v1/resources/" + resource + "/withdrawal", "{}", "\"0\""));
        attempts.put(
                "POST /api/v1/resources/{id}/contact",
                new Attempt("/api/v1/resources/" + resource + "/contact", "{\"reason\":\"越界查看\"}", null));
        attempts.put(
                "GET /api/v1/resources/{id}/bookings",
                new Attempt(
                        "/api/v1/resources/" + resource + "/bookings?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z",
                        null,
                        null));
        attempts.put(
                "POST /api/v1/resources/{id}/bookings",
                new Attempt("/api/v1/resources/" + resource + "/bookings", bookingBody(5), null));
        attempts.put("GET /api/v1/bookings/{id}", new Attempt("/api/v1/bookings/" + booking, null, null));
        for (String step : List.of("approval", "declination", "cancellation", "feedback")) {
            attempts.put(
                    "POST /api/v1/bookings/{id}/" + step,
                    new Attempt("/api/v1/bookings/" + booking + "/" + step, "{\"note\":\"越界\",\"rating\":5}", null));
        }
        attempts.put("GET /resources/{id}", new Attempt("/resources/" + resource, null, null));
        attempts.put("GET /resources/{id}/edit", new Attempt("/resources/" + resource + "/edit", null, null));
        attempts.put(
                "POST /resources/{id}",
                new Attempt("/resources/" + resource, "name=越界&kind=VENUE&openness=OPEN&version=0", null));
        attempts.put(
                "POST /resources/{id}/withdrawal",
                new Attempt("/resources/" + resource + "/withdrawal", "version=0", null));
        attempts.put(
                "POST /resources/{id}/bookings",
                new Attempt(
                        "/resources/" + resource + "/bookings", "day=2030-01-07&from=09:00&to=10:00&purpose=越界", null));
        attempts.put("POST /bookings/{id}/{step}", new Attempt("/bookings/" + booking + "/approval", "note=越界", null));
        // A resident's own appeal is theirs alone: staff of any place get nothing.
        attempts.put("GET /resident/appeals/{code}", new Attempt("/resident/appeals/261130ABCDEF", null, null));
        attempts.put(
                "POST /resident/appeals/{code}/follow-up",
                new Attempt("/resident/appeals/261130ABCDEF/follow-up", "resolved=true&satisfaction=SATISFIED", null));
        // An appeal in 学院路 (二里庄): every endpoint on it refuses another 街道's staff without naming anything.
        String appeal = appealInXueyuanlu();
        // A need of 二里庄 (学院路), and the conversion of 学院路's appeal: not another 街道's to read or make.
        String need = needInXueyuanlu();
        String code = jdbc.sql("select tracking_code from appeal.appeal where id = cast(? as uuid)")
                .param(appeal)
                .query(String.class)
                .single();
        attempts.put("GET /api/v1/needs/{id}", new Attempt("/api/v1/needs/" + need, null, null));
        attempts.put("PUT /api/v1/needs/{id}", new Attempt("/api/v1/needs/" + need, needBody(), "\"0\""));
        attempts.put(
                "POST /api/v1/needs/{id}/status",
                new Attempt("/api/v1/needs/" + need + "/status", "{\"status\":\"MATCHED\"}", "\"0\""));
        attempts.put(
                "POST /api/v1/needs/from-appeal/{trackingCode}",
                new Attempt("/api/v1/needs/from-appeal/" + code, "{\"categoryCode\":\"CULTURE\"}", null));
        // A project of 二里庄 funded by 北京科技大学 and the street.
        String project = projectInXueyuanlu(university);
        attempts.put("GET /api/v1/projects/{id}", new Attempt("/api/v1/projects/" + project, null, null));
        for (String step : List.of("approval", "completion", "cancellation")) {
            attempts.put(
                    "POST /api/v1/projects/{id}/" + step,
                    new Attempt(
                            "/api/v1/projects/" + project + "/" + step,
                            "{\"note\":\"越界\",\"outcome\":\"越界\",\"reason\":\"越界\"}",
                            "\"0\""));
        }
        attempts.put(
                "POST /api/v1/projects/{id}/payments",
                new Attempt(
                        "/api/v1/projects/" + project + "/payments",
                        "{\"organisationId\":\"" + university + "\",\"amountFen\":100}",
                        null));
        attempts.put(
                "POST /api/v1/projects/{id}/expenses",
                new Attempt("/api/v1/projects/" + project + "/expenses", "{\"amountFen\":100,\"item\":\"越界\"}", null));
        attempts.put(
                "POST /api/v1/projects/{id}/milestones",
                new Attempt("/api/v1/projects/" + project + "/milestones", "{\"title\":\"越界\"}", null));
        attempts.put(
                "POST /api/v1/projects/{id}/milestones/{position}/progress",
                new Attempt("/api/v1/projects/" + project + "/milestones/1/progress", "{\"progress\":50}", null));
        // Its ledger and the 冲正 of an entry: the project is out of reach before any entry is looked for.
        attempts.put(
                "GET /api/v1/projects/{id}/ledger", new Attempt("/api/v1/projects/" + project + "/ledger", null, null));
        for (String kind : List.of("payments", "expenses")) {
            attempts.put(
                    "POST /api/v1/projects/{id}/" + kind + "/{entryId}/reversal",
                    new Attempt(
                            "/api/v1/projects/" + project + "/" + kind + "/" + UUID.randomUUID() + "/reversal",
                            "{\"reason\":\"越界\"}",
                            null));
        }
        attempts.put(
                "POST /api/v1/projects/{id}/evaluations",
                new Attempt("/api/v1/projects/" + project + "/evaluations", "{\"score\":1}", null));
        attempts.put("GET /needs/{id}", new Attempt("/needs/" + need, null, null));
        attempts.put("GET /needs/{id}/edit", new Attempt("/needs/" + need + "/edit", null, null));
        attempts.put(
                "POST /needs/{id}",
                new Attempt("/needs/" + need, "title=越界&categoryCode=CULTURE&requesterKind=COMMUNITY&version=0", null));
        attempts.put(
                "POST /needs/{id}/status", new Attempt("/needs/" + need + "/status", "status=MATCHED&version=0", null));
        // The project's pages: nothing of a proposed 学院路 project for another 街道, not even on the public side.
        attempts.put("GET /projects/{id}", new Attempt("/projects/" + project, null, null));
        attempts.put(
                "POST /projects/{id}/{step}",
                new Attempt("/projects/" + project + "/approval", "version=0&text=越界", null));
        attempts.put(
                "POST /projects/{id}/payments",
                new Attempt("/projects/" + project + "/payments", "organisationId=" + university + "&amount=1", null));
        attempts.put(
                "POST /projects/{id}/expenses",
                new Attempt("/projects/" + project + "/expenses", "amount=1&item=越界", null));
        attempts.put(
                "POST /projects/{id}/milestones",
                new Attempt("/projects/" + project + "/milestones", "title=越界", null));
        attempts.put(
                "POST /projects/{id}/milestones/{position}/progress",
                new Attempt("/projects/" + project + "/milestones/1/progress", "progress=50", null));
        attempts.put(
                "POST /projects/{id}/{kind}/{entryId}/reversal",
                new Attempt(
                        "/projects/" + project + "/payments/" + UUID.randomUUID() + "/reversal", "reason=越界", null));
        attempts.put(
                "POST /projects/{id}/experts",
                new Attempt("/projects/" + project + "/experts", "expertId=" + UUID.randomUUID(), null));
        attempts.put(
                "POST /projects/{id}/experts/{expertId}/removal",
                new Attempt("/projects/" + project + "/experts/" + UUID.randomUUID() + "/removal", "", null));
        attempts.put(
                "POST /public/projects/{id}/evaluations",
                new Attempt("/public/projects/" + project + "/evaluations", "score=1", null));
        // An expert of 学院路's think tank, and matching: nothing of it for another 街道.
        String expert = expertInXueyuanlu();
        String ask = "{\"expertId\":\"" + expert + "\"}";
        attempts.put("GET /api/v1/experts/{id}", new Attempt("/api/v1/experts/" + expert, null, null));
        attempts.put(
                "PUT /api/v1/experts/{id}",
                new Attempt(
                        "/api/v1/experts/" + expert,
                        "{\"name\":\"越界\",\"role\":\"SCHOLAR\",\"consent\":true}",
                        "\"0\""));
        attempts.put(
                "POST /api/v1/experts/{id}/withdrawal",
                new Attempt("/api/v1/experts/" + expert + "/withdrawal", "{}", "\"0\""));
        for (var subject : Map.of("needs", need, "projects", project).entrySet()) {
            String base = "/api/v1/" + subject.getKey() + "/";
            attempts.put(
                    "GET " + base + "{id}/experts", new Attempt(base + subject.getValue() + "/experts", null, null));
            attempts.put(
                    "POST " + base + "{id}/experts", new Attempt(base + subject.getValue() + "/experts", ask, null));
            attempts.put(
                    "DELETE " + base + "{id}/experts/{expertId}",
                    new Attempt(base + subject.getValue() + "/experts/" + expert, null, null));
        }
        attempts.put("GET /api/v1/service-circle/{code}", new Attempt("/api/v1/service-circle/110108010", null, null));
        attempts.put("GET /api/v1/needs/{id}/matches", new Attempt("/api/v1/needs/" + need + "/matches", null, null));
        attempts.put(
                "GET /api/v1/resources/{id}/matches",
                new Attempt("/api/v1/resources/" + resource + "/matches", null, null));
        attempts.put(
                "POST /needs/{id}/experts",
                new Attempt("/needs/" + need + "/experts", "expertId=" + expert + "&note=越界", null));
        attempts.put(
                "POST /needs/{id}/experts/{expertId}/removal",
                new Attempt("/needs/" + need + "/experts/" + expert + "/removal", "", null));
        attempts.put(
                "POST /experts/{id}/withdrawal", new Attempt("/experts/" + expert + "/withdrawal", "version=0", null));
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/appeals/{id}") && !pattern.startsWith("/appeals/{id}")) {
                    continue;
                }
                for (var m : info.getMethodsCondition().getMethods()) {
                    attempts.put(
                            m.name() + " " + pattern,
                            new Attempt(
                                    pattern.replace("{id}", appeal).replace("{n}", "0"),
                                    m.name().equals("GET")
                                            ? null
                                            : pattern.startsWith("/api/")
                                                    ? "{\"reason\":\"越界\",\"text\":\"越界\"}"
                                                    : "action=ACCEPT&version=0",
                                    "\"0\""));
                }
            }
        });
        return attempts;
    }

    /** A whistle blown by 学院路 summoning its police station. */
    String whistleInXueyuanlu() throws Exception {
        UUID xueyuanlu = territory.requireByCode("110108010").id().value();
        UUID police = jdbc.sql("select id from organization.organisation where name = '海淀分局学院路派出所'")
                .query(UUID.class)
                .single();
        var r = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/whistles")
                        .with(Staff.streetAdmin(xueyuanlu))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":\"" + xueyuanlu + "\",\"matter\":\"越界测试吹哨\","
                                + "\"whistleCase\":\"JOINT_ENFORCEMENT\",\"reportBy\":\""
                                + java.time.Instant.now().plusSeconds(7200) + "\",\"departmentIds\":[\"" + police
                                + "\"]}"))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return tools.jackson.databind.json.JsonMapper.shared()
                .readTree(r.getContentAsString())
                .path("id")
                .asString();
    }

    static String resourceBody(UUID provider) {
        return "{\"providerId\":\"" + provider + "\",\"name\":\"二里庄活动室\",\"kind\":\"VENUE\",\"openness\":"
                + "\"SHARED\",\"latitude\":39.99731,\"longitude\":116.35521,\"bookable\":true,"
                + "\"contactName\":\"王海\",\"contactPhone\":\"13800138000\"}";
    }

    /** A slot {@code days} from now at 10:00–11:00 in Beijing. */
    static String bookingBody(int days) {
        var start = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                .plusDays(days)
                .atTime(10, 0)
                .atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toInstant();
        return "{\"start\":\"" + start + "\",\"end\":\"" + start.plusSeconds(3600) + "\",\"purpose\":\"越界测试\"}";
    }

    /** A resource 北京科技大学's 联络员 offers in 学院路, and a booking 学院路's street staff made of it. */
    String[] resourceInXueyuanlu(UUID university) throws Exception {
        var liaison = Staff.ofOrganisation("matrix-liaison", university, Role.UNIT_LIAISON);
        String resource = created("/api/v1/resources", liaison, resourceBody(university));
        UUID xueyuanlu = territory.requireByCode("110108010").id().value();
        String booking =
                created("/api/v1/resources/" + resource + "/bookings", Staff.streetAdmin(xueyuanlu), bookingBody(3));
        return new String[] {resource, booking};
    }

    /** Posts {@code body} as {@code who}, expects 201 and answers the created object's id. */
    String created(String path, RequestPostProcessor who, String body) throws Exception {
        var r = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return tools.jackson.databind.json.JsonMapper.shared()
                .readTree(r.getContentAsString())
                .path("id")
                .asString();
    }

    /** A project of 二里庄 that 北京科技大学 and the street fund, proposed by 学院路's street staff. */
    String projectInXueyuanlu(UUID university) throws Exception {
        UUID erlizhuang = territory.requireByCode("110108010005").id().value();
        UUID xueyuanlu = territory.requireByCode("110108010").id().value();
        String body = "{\"title\":\"二里庄楼道改造\",\"unitId\":\"" + erlizhuang + "\",\"budgetFen\":1000,"
                + "\"parties\":[{\"organisationId\":\"" + university + "\",\"lead\":true,\"pledgedFen\":1000}]}";
        return created("/api/v1/projects", Staff.streetAdmin(xueyuanlu), body);
    }

    static String needBody() {
        return "{\"title\":\"二里庄加装电梯\",\"categoryCode\":\"ASSISTANCE\",\"source\":\"VISIT\","
                + "\"requesterKind\":\"COMMUNITY\",\"unitCode\":\"110108010005\"}";
    }

    /** A need 二里庄's community worker recorded. */
    String expertInXueyuanlu() throws Exception {
        UUID xueyuanlu = territory.requireByCode("110108010").id().value();
        return created(
                "/api/v1/experts",
                Staff.streetAdmin(xueyuanlu),
                "{\"subdistrictId\":\"" + xueyuanlu + "\",\"name\":\"矩阵专家\",\"role\":\"SCHOLAR\",\"consent\":true}");
    }

    String needInXueyuanlu() throws Exception {
        UUID erlizhuang = territory.requireByCode("110108010005").id().value();
        String body = needBody().replace("\"unitCode\":\"110108010005\"", "\"unitId\":\"" + erlizhuang + "\"");
        return created("/api/v1/needs", Staff.as("matrix-community", Set.of(erlizhuang), Role.COMMUNITY_WORKER), body);
    }

    String appealInXueyuanlu() throws Exception {
        UUID xueyuanlu = territory.requireByCode("110108010").id().value();
        var r = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/appeals")
                        .with(Staff.streetAdmin(xueyuanlu))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"HOTLINE\",\"type\":\"COMPLAINT\",\"categoryCode\":\"E0102\","
                                + "\"content\":\"二里庄小区门口垃圾\",\"unitCode\":\"110108010005\","
                                + "\"reporterPhone\":\"13800138000\",\"workOrderNumber\":\"MATRIX-"
                                + UUID.randomUUID().toString().substring(0, 8) + "\"}"))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return tools.jackson.databind.json.JsonMapper.shared()
                .readTree(r.getContentAsString())
                .path("appeal")
                .path("id")
                .asString();
    }

    /** A request to a scoped endpoint: its address, body and, for edits, the version read. */
    record Attempt(String path, String body, String ifMatch) {}

    @Test
    void every_endpoint_with_an_id_is_public_reading_or_refuses_other_scopes_without_naming_anything()
            throws Exception {
        Map<String, Attempt> scoped = scoped();
        Set<String> withIds = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.contains("{")) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                for (var m : methods.isEmpty()
                        ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET)
                        : methods) {
                    withIds.add(m.name() + " " + pattern);
                }
            }
        });
        List<String> unclassified = new ArrayList<>();
        for (String endpoint : withIds) {
            if (!PUBLIC_READS.contains(endpoint)
                    && !REPORTER_PROVEN.contains(endpoint)
                    && !INSTALLATION_WIDE.contains(endpoint)
                    && !scoped.containsKey(endpoint)) {
                unclassified.add(endpoint);
            }
        }
        assertThat(unclassified)
                .as("endpoints with an id that nobody classified")
                .isEmpty();

        UUID xueyuanlu = territory.requireByCode("110108010").id().value();
        UUID dongzhimen = territory.requireByCode("110101008").id().value();
        for (var e : scoped.entrySet()) {
            // The demo responsibility list belongs to 五角场; everything else to 学院路. Try from another 街道.
            UUID outsider = e.getKey().contains("responsibility-lists") ? xueyuanlu : dongzhimen;
            for (Role role : new Role[] {Role.STREET_ADMIN, Role.COMMUNITY_WORKER}) {
                RequestPostProcessor who = Staff.as("outsider", Set.of(outsider), true, role);
                var r = send(e.getKey(), e.getValue(), who);
                assertThat(r.getStatus()).as(e.getKey() + " as " + role).isIn(403, 404);
                String body = r.getContentAsString();
                assertThat(body)
                        .as(e.getKey() + " tells nothing")
                        .doesNotContain("北京科技大学")
                        .doesNotContain("二里庄")
                        .doesNotContain("国定一")
                        .doesNotContain("liaisonName");
            }
        }
    }

    org.springframework.mock.web.MockHttpServletResponse send(String endpoint, Attempt a, RequestPostProcessor who)
            throws Exception {
        HttpMethod method = HttpMethod.valueOf(endpoint.substring(0, endpoint.indexOf(' ')));
        var request = request(method, a.path()).with(who);
        if (a.ifMatch() != null) {
            request.header("If-Match", a.ifMatch());
        }
        if (a.body() != null) {
            if (a.path().startsWith("/api/")) {
                request.contentType(MediaType.APPLICATION_JSON).content(a.body());
            } else {
                request.contentType(MediaType.APPLICATION_FORM_URLENCODED).content(a.body());
            }
        }
        return mvc.perform(request).andReturn().getResponse();
    }
}
