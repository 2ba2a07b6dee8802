package org.gongzhi.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 as a standard client uses it: every response validates against the published schemas, in JSON
 * and XML; keys are issued, used and revoked; bad calls get the Open311 error form and write nothing.
 */
@PlatformTest
class Open311IT {

    static final Pattern ISO_SECONDS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
    static final JsonMapper JSON = JsonMapper.shared();
    static SchemaRegistry schemas;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @BeforeAll
    static void schemas() {
        schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    }

    static void valid(String schema, String body) {
        Schema s = schemas.getSchema(SchemaLocation.of("classpath:open311/georeport-v2/" + schema));
        assertThat(s.validate(body, InputFormat.JSON)).as(schema + ": " + body).isEmpty();
    }

    MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    String body(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    static Document xml(String body) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** A key issued on the settings page by the system administrator, read from the page that answered. */
    String issueKey(String name) throws Exception {
        var page = call(post("/settings/open311")
                .with(Staff.sysAdmin())
                .param("name", name)
                .accept(MediaType.TEXT_HTML));
        assertThat(page.getStatus()).isEqualTo(200);
        Matcher m = Pattern.compile("<code class=\"key\">([A-Za-z0-9_-]{43})</code>")
                .matcher(body(page));
        assertThat(m.find()).as("the key is shown once").isTrue();
        return m.group(1);
    }

    /** A filing with the usual fields, {@code changes} (name, value pairs) replacing or adding some. */
    MockHttpServletRequestBuilder filing(String format, String key, String... changes) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("jurisdiction_id", "110108010");
        fields.put("service_code", "E0504");
        fields.put("address_string", "学院路二里庄小区北门");
        fields.put("description", "小区北门外共享单车乱停放，堵住了人行道。");
        fields.put("media_url", "https://example.org/photos/bikes.jpg");
        fields.put("attribute[appeal_type]", "COMPLAINT");
        if (key != null) {
            fields.put("api_key", key);
        }
        for (int i = 0; i < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        var request = post("/open311/v2/requests." + format).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        fields.forEach(request::param);
        return request;
    }

    long appeals() {
        return jdbc.sql("select count(*) from appeal.appeal").query(Long.class).single();
    }

    @Test
    void a_standard_client_discovers_lists_files_and_follows_a_request_in_json_and_xml() throws Exception {
        var discovery = call(get("/open311/v2/discovery.json"));
        assertThat(discovery.getStatus()).isEqualTo(200);
        assertThat(JSON.readTree(body(discovery))
                        .path("endpoints")
                        .get(0)
                        .path("specification")
                        .asString())
                .isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(xml(body(call(get("/open311/v2/discovery.xml"))))
                        .getDocumentElement()
                        .getTagName())
                .isEqualTo("discovery");

        // The schemas are not vacuous: a request with an invented status fails them.
        assertThat(schemas.getSchema(SchemaLocation.of("classpath:open311/georeport-v2/requests.json"))
                        .validate("[{\"service_request_id\":\"1\",\"status\":\"pending\"}]", InputFormat.JSON))
                .isNotEmpty();
        String services = body(call(get("/open311/v2/services.json")));
        valid("services.json", services);
        JsonNode list = JSON.readTree(services);
        assertThat(list.size()).isGreaterThan(10);
        Document servicesXml = xml(body(call(get("/open311/v2/services.xml").param("jurisdiction_id", "110108010"))));
        assertThat(servicesXml.getDocumentElement().getTagName()).isEqualTo("services");
        assertThat(servicesXml.getElementsByTagName("service").getLength()).isEqualTo(list.size());

        String definition = body(call(get("/open311/v2/services/E0504.json")));
        valid("service-definition.json", definition);
        assertThat(JSON.readTree(definition)
                        .path("attributes")
                        .get(0)
                        .path("values")
                        .size())
                .isEqualTo(5);
        assertThat(xml(body(call(get("/open311/v2/services/E0504.xml"))))
                        .getElementsByTagName("attribute")
                        .getLength())
                .isEqualTo(2);

        // Filing: no session, no CSRF token — the api_key.
        String key = issueKey("城市服务 App");
        var filed = call(filing("json", key));
        assertThat(filed.getStatus()).as(body(filed)).isEqualTo(201);
        JsonNode created = JSON.readTree(body(filed)).get(0);
        String id = created.path("service_request_id").asString();
        String token = created.path("token").asString();
        assertThat(id).matches("[0-9A-Z]{12}");
        assertThat(jdbc.sql("select channel from appeal.appeal where tracking_code = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("OPEN311");

        String one = body(call(get("/open311/v2/requests/" + id + ".json")));
        valid("requests.json", one);
        JsonNode request = JSON.readTree(one).get(0);
        assertThat(request.path("status").asString()).isEqualTo("open");
        assertThat(request.path("service_code").asString()).isEqualTo("E0504");
        assertThat(request.path("media_url").asString()).isEqualTo("https://example.org/photos/bikes.jpg");
        assertThat(request.path("requested_datetime").asString()).matches(ISO_SECONDS);
        assertThat(request.path("status_notes").asString()).contains("受理");

        String all = body(call(get("/open311/v2/requests.json").param("service_code", "E0504")));
        valid("requests.json", all);
        assertThat(all).contains(id);
        String open = body(call(get("/open311/v2/requests.json").param("status", "closed")));
        valid("requests.json", open);
        assertThat(open).doesNotContain(id);

        Document requestXml = xml(body(call(get("/open311/v2/requests/" + id + ".xml"))));
        assertThat(requestXml.getDocumentElement().getTagName()).isEqualTo("service_requests");
        assertThat(requestXml.getElementsByTagName("service_request_id").item(0).getTextContent())
                .isEqualTo(id);

        JsonNode byToken = JSON.readTree(body(call(get("/open311/v2/tokens/" + token + ".json"))))
                .get(0);
        assertThat(byToken.path("service_request_id").asString()).isEqualTo(id);

        // Answered: the answer goes on the open record masked, as descriptions are.
        String appeal = jdbc.sql("select id from appeal.appeal where tracking_code = ?")
                .param(id)
                .query(String.class)
                .single();
        var dispatcher = Staff.as(
                "xueyuanlu.open311",
                java.util.Set.of(jdbc.sql("select id from territory.unit where code = '110108010'")
                        .query(java.util.UUID.class)
                        .single()),
                org.gongzhi.identity.Role.STREET_ADMIN);
        var calls = new org.gongzhi.support.AppealCalls(mvc, jdbc, dispatcher);
        var police = calls.staffOf("海淀分局学院路派出所");
        calls.act(appeal, "accept", dispatcher, java.util.Map.of());
        calls.act(appeal, "dispatch", dispatcher, java.util.Map.of("handlerId", calls.organisation("海淀分局学院路派出所")));
        calls.act(appeal, "sign", police, null);
        calls.act(appeal, "response", police, java.util.Map.of("note", "已电话联系"));
        assertThat(calls.act(appeal, "answer", police, java.util.Map.of("result", "已联系车主（电话13912349876）挪车"))
                        .getStatus())
                .isEqualTo(200);
        String answered = body(call(get("/open311/v2/requests/" + id + ".json")));
        valid("requests.json", answered);
        assertThat(answered).contains("139****9876").doesNotContain("13912349876");

        var filedXml = call(filing("xml", key));
        assertThat(filedXml.getStatus()).isEqualTo(201);
        assertThat(xml(body(filedXml))
                        .getElementsByTagName("service_request_id")
                        .getLength())
                .isOne();
    }

    @Test
    void bad_calls_get_the_open311_error_form_with_the_right_status_and_write_nothing() throws Exception {
        String key = issueKey("错误测试客户端");
        long before = appeals();
        assertError(call(filing("json", null)), 403);
        assertError(call(filing("json", "not-a-key")), 403);
        assertError(call(filing("json", key, "service_code", "Z9999")), 404);
        assertError(call(filing("json", key, "jurisdiction_id", "999999999")), 404);
        assertError(call(filing("json", key, "lat", "91", "long", "116.35")), 400);
        assertError(call(filing("json", key, "lat", "39.99", "long", "east")), 400);
        assertError(call(filing("json", key, "description", "长".repeat(2001))), 400);
        assertError(call(filing("json", key, "media_url", "file:///etc/passwd")), 400);
        assertError(call(filing("json", key, "attribute[colour]", "red")), 400);
        // An address alone needs the jurisdiction, or the appeal would reach no street.
        var nowhere = post("/open311/v2/requests.json")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("api_key", key)
                .param("service_code", "E0504")
                .param("address_string", "学院路二里庄")
                .param("description", "没有街道的诉求");
        assertError(call(nowhere), 400);
        // A point must lie in a street we serve, and in the jurisdiction named.
        assertError(call(filing("json", key, "lat", "0", "long", "0")), 400);
        assertError(call(filing("json", key, "lat", "31.30", "long", "121.51")), 400);
        assertError(call(get("/open311/v2/services/Z9999.json")), 404);
        assertError(call(get("/open311/v2/requests/NOSUCHREQ001.json")), 404);
        assertError(call(get("/open311/v2/tokens/nosuchtoken.json")), 404);
        assertError(
                call(get("/open311/v2/requests.json")
                        .param("start_date", "2026-11-30")
                        .param("end_date", "2026-11-01")),
                400);
        assertError(
                call(get("/open311/v2/requests.json")
                        .param("start_date", "2026-01-01")
                        .param("end_date", "2026-11-01")),
                400);
        assertError(call(get("/open311/v2/requests.json").param("start_date", "yesterday")), 400);
        assertError(call(get("/open311/v2/requests.json").param("status", "pending")), 400);
        assertError(call(get("/open311/v2/services.json").param("jurisdiction_id", "110108999")), 404);
        // The XML form of an error.
        var xmlError = call(filing("xml", null));
        assertThat(xmlError.getStatus()).isEqualTo(403);
        Document errors = xml(body(xmlError));
        assertThat(errors.getDocumentElement().getTagName()).isEqualTo("errors");
        assertThat(errors.getElementsByTagName("code").item(0).getTextContent()).isEqualTo("403");
        assertThat(appeals()).isEqualTo(before);

        // A revoked key is refused at once.
        UsedKey revoked = new UsedKey(
                key,
                jdbc.sql("select id from open311.client where name = '错误测试客户端'")
                        .query(java.util.UUID.class)
                        .single());
        var page =
                call(post("/settings/open311/" + revoked.id() + "/revocation").with(Staff.sysAdmin()));
        assertThat(page.getStatus()).isEqualTo(302);
        assertError(call(filing("json", key)), 403);
        assertThat(appeals()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from platform.audit_event where action in ('open311.client.issued',"
                                + " 'open311.client.revoked') and object_id = :id")
                        .param("id", revoked.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        // Only the system administrator manages keys.
        assertThat(call(post("/settings/open311")
                                .with(Staff.as("xueyuanlu.street", org.gongzhi.identity.Role.STREET_ADMIN))
                                .param("name", "越权"))
                        .getStatus())
                .isEqualTo(403);
    }

    record UsedKey(String key, java.util.UUID id) {}

    @Test
    void a_client_over_its_rate_gets_429_with_retry_after() throws Exception {
        String key = issueKey("限流测试客户端");
        MockHttpServletResponse last = null;
        for (int i = 0; i <= 60; i++) {
            // Refused for an unknown service after the key and the rate are checked: nothing is filed.
            last = call(filing("json", key, "service_code", "Z9999"));
        }
        assertError(last, 429);
        assertThat(last.getHeader("Retry-After")).matches("[1-9][0-9]*");
    }

    static void assertError(MockHttpServletResponse r, int status) throws Exception {
        assertThat(r.getStatus())
                .as(r.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(status);
        JsonNode e = JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8));
        assertThat(e.isArray()).isTrue();
        assertThat(e.get(0).path("code").asInt()).isEqualTo(status);
        assertThat(e.get(0).path("description").asString()).isNotBlank();
    }

    @Test
    void the_service_and_request_lists_validate_on_the_running_platform() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : java.util.List.of("services.json", "requests.json")) {
            var r = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/open311/v2/" + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            valid(path, r.body());
        }
    }
}
