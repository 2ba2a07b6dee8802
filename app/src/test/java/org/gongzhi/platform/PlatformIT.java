package org.gongzhi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.gongzhi.identity.Role;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PlatformTest
class PlatformIT {

    @Autowired
    MockMvc mvc;

    JsonMapper json = JsonMapper.shared();

    JsonNode body(String url, String language) throws Exception {
        var request = get(url).accept(MediaType.APPLICATION_JSON);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return json.readTree(mvc.perform(request).andReturn().getResponse().getContentAsString());
    }

    @Test
    void health_is_up_and_metrics_are_exposed_for_prometheus() throws Exception {
        assertThat(body("/actuator/health", null).path("status").asString()).isEqualTo("UP");
        assertThat(mvc.perform(get("/actuator/prometheus"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
        var metrics = mvc.perform(get("/actuator/prometheus").with(Staff.as("sysadmin", Role.SYS_ADMIN)))
                .andReturn()
                .getResponse();
        assertThat(metrics.getStatus()).isEqualTo(200);
        assertThat(metrics.getContentAsString()).contains("jvm_memory_used_bytes");
    }

    @Test
    void the_openapi_document_describes_the_api() throws Exception {
        JsonNode doc = body("/v3/api-docs", null);
        assertThat(doc.path("info").path("title").asString()).isEqualTo("共治 Gongzhi API");
        assertThat(doc.path("paths").has("/api/v1/territory/locate")).isTrue();
        assertThat(doc.path("paths").has("/api/v1/organizations/import")).isTrue();
        assertThat(mvc.perform(get("/swagger-ui/index.html"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void every_api_operation_has_a_summary_and_one_declared_tag_for_its_resource() throws Exception {
        JsonNode doc = body("/v3/api-docs", null);
        java.util.Map<String, String> declared = new java.util.HashMap<>();
        doc.path("tags")
                .forEach(t -> declared.put(
                        t.path("name").asString(), t.path("description").asString()));
        assertThat(declared).containsKeys("territory", "organizations", "councils", "responsibility-lists");
        assertThat(declared.values()).allSatisfy(d -> assertThat(d).isNotBlank());
        java.util.List<String> operations = new java.util.ArrayList<>();
        doc.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    String name = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                    operations.add(name);
                    JsonNode operation = op.getValue();
                    assertThat(operation.path("summary").asString()).as(name).isNotBlank();
                    assertThat(operation.path("tags")).as(name).hasSize(1);
                    String tag = operation.path("tags").get(0).asString();
                    assertThat(declared).as(name).containsKey(tag);
                    // The tag names the resource the path is about: /api/v1/councils/... under "councils".
                    String resource =
                            path.getKey().replaceFirst("^/api/v1/", "").replaceFirst("/.*$", "");
                    assertThat(tag).as(name).isEqualTo(resource);
                }));
        assertThat(operations)
                .contains("DELETE /api/v1/councils/{id}/members/{organisation}", "GET /api/v1/territory/locate");
    }

    @Test
    void the_openapi_document_describes_geojson_bodies_errors_and_real_media_types() throws Exception {
        JsonNode doc = body("/v3/api-docs", null);
        JsonNode schemas = doc.path("components").path("schemas");
        assertThat(schemas.has("Problem")).isTrue();
        assertThat(schemas.has("GeoJsonFeature")).isTrue();
        assertThat(schemas.propertyNames()).noneMatch(name -> name.startsWith("JsonNode"));
        assertThat(doc.path("paths")
                        .path("/api/v1/territory/units")
                        .path("post")
                        .path("requestBody")
                        .path("content")
                        .path("application/geo+json")
                        .path("schema")
                        .path("$ref")
                        .asString())
                .isEqualTo("#/components/schemas/GeoJsonFeature");
        assertThat(doc.path("paths")
                        .path("/api/v1/organizations/export")
                        .path("get")
                        .path("responses")
                        .path("200")
                        .path("content")
                        .has("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .isTrue();
        assertThat(doc.toString()).doesNotContain("\"*/*\"");
        int operations = 0;
        for (var path : doc.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                operations++;
                JsonNode responses = operation.getValue().path("responses");
                assertThat(responses.path("400").path("content").has("application/problem+json"))
                        .as(operation.getKey() + " " + path.getKey())
                        .isTrue();
                if (!operation.getKey().equals("get")) {
                    assertThat(responses.has("403"))
                            .as(operation.getKey() + " " + path.getKey())
                            .isTrue();
                    assertThat(responses.has("422"))
                            .as(operation.getKey() + " " + path.getKey())
                            .isTrue();
                }
            }
        }
        assertThat(operations).isGreaterThan(15);
        assertThat(doc.path("paths")
                        .path("/api/v1/organizations/{id}")
                        .path("put")
                        .path("responses")
                        .has("412"))
                .isTrue();
    }

    @LocalServerPort
    int port;

    HttpResponse<String> http(String path, String accept, String language) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_unknown_api_path_is_a_problem_in_chinese_by_default_and_in_english_on_request() throws Exception {
        var response = http("/api/v1/nowhere", "application/json", null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode zh = json.readTree(response.body());
        assertThat(zh.path("code").asString()).isEqualTo("http.404");
        assertThat(zh.path("detail").asString()).isEqualTo("页面或资源不存在。");
        assertThat(zh.path("instance").asString()).isEqualTo("/api/v1/nowhere");
        JsonNode en =
                json.readTree(http("/api/v1/nowhere", "*/*", "en-US,en;q=0.9").body());
        assertThat(en.path("detail").asString()).isEqualTo("There is no such page or resource.");
        var page = http("/territory/nowhere/at/all", "text/html", null);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("页面或资源不存在");
    }

    @Test
    void an_unknown_page_is_a_readable_page() throws Exception {
        var response = mvc.perform(get("/territory/units/000000").accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).contains("没有编码为 000000 的治理单元");
    }
}
