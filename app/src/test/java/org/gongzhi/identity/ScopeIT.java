package org.gongzhi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.Set;
import java.util.UUID;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.gongzhi.territory.TerritoryQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/** A staff member of one 街道 changes nothing in another, learns nothing from the refusal, and writes in their own. */
@PlatformTest
class ScopeIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TerritoryQueries territory;

    @Autowired
    JdbcClient jdbc;

    JsonMapper json = JsonMapper.shared();

    RequestPostProcessor dongzhimenAdmin() {
        UUID dongzhimen = territory.requireByCode("110101008").id().value();
        return Staff.as("dongzhimen.street-admin", Set.of(dongzhimen), Role.STREET_ADMIN);
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    void assertRefusedWithoutNames(MockHttpServletResponse r) throws Exception {
        assertThat(r.getStatus()).isEqualTo(403);
        var problem = json.readTree(r.getContentAsString());
        assertThat(problem.path("code").asString()).isEqualTo("scope.outside");
        assertThat(r.getContentAsString())
                .doesNotContain("学院路")
                .doesNotContain("北京科技大学")
                .doesNotContain("二里庄");
    }

    @Test
    void an_organisation_in_another_subdistrict_can_be_neither_registered_nor_revised() throws Exception {
        long before = count("organization.organisation");
        assertRefusedWithoutNames(mvc.perform(post("/api/v1/organizations")
                        .with(dongzhimenAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"越界登记\",\"kind\":\"OWNERS_COMMITTEE\",\"unitCode\":\"110108010005\"}"))
                .andReturn()
                .getResponse());
        assertThat(count("organization.organisation")).isEqualTo(before);

        var university = json.readTree(mvc.perform(get("/api/v1/organizations?q=北京科技大学"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .path("items")
                .get(0);
        assertRefusedWithoutNames(mvc.perform(put("/api/v1/organizations/"
                                + university.path("id").asString())
                        .with(dongzhimenAdmin())
                        .header("If-Match", "\"" + university.path("version").asLong() + "\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"改名\",\"kind\":\"UNIVERSITY\",\"creditCode\":\""
                                + university.path("creditCode").asString() + "\",\"unitCode\":\"110101008001\"}"))
                .andReturn()
                .getResponse());

        var own = mvc.perform(post("/api/v1/organizations")
                        .with(dongzhimenAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"香北业委会\",\"kind\":\"OWNERS_COMMITTEE\",\"unitCode\":\"110101008001\"}"))
                .andReturn()
                .getResponse();
        assertThat(own.getStatus()).isEqualTo(201);
    }

    @Test
    void territory_outside_the_scope_cannot_be_imported_into() throws Exception {
        long units = count("territory.unit");
        String grid = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":null,"
                + "\"properties\":{\"kind\":\"GRID\",\"code\":\"110108010005077\",\"name\":\"越界网格\","
                + "\"parentCode\":\"110108010005\"}}]}";
        assertRefusedWithoutNames(mvc.perform(post("/api/v1/territory/import")
                        .with(dongzhimenAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(grid))
                .andReturn()
                .getResponse());
        String district = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":null,"
                + "\"properties\":{\"kind\":\"DISTRICT\",\"code\":\"110107\",\"name\":\"石景山区\"}}]}";
        assertRefusedWithoutNames(mvc.perform(post("/api/v1/territory/import")
                        .with(dongzhimenAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(district))
                .andReturn()
                .getResponse());
        assertThat(count("territory.unit")).isEqualTo(units);
    }

    @Test
    void a_forged_csrf_token_is_refused_changes_nothing_and_is_audited() throws Exception {
        UUID xueyuanlu = territory.requireByCode("110108010").id().value();
        var principal = new StaffPrincipal(
                UUID.randomUUID(), "forger", "forger", Set.of(Role.STREET_ADMIN), Set.of(xueyuanlu), Set.of(), false);
        var auth = org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                principal,
                null,
                java.util.List.of(
                        new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_STREET_ADMIN")));
        long organisations = count("organization.organisation");
        long refused = jdbc.sql("select count(*) from platform.audit_event where action = 'security.csrf-refused'")
                .query(Long.class)
                .single();
        var r = mvc.perform(post("/api/v1/organizations")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(auth))
                        .with(
                                org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()
                                        .useInvalidToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"伪造请求\",\"kind\":\"OWNERS_COMMITTEE\",\"unitCode\":\"110108010005\"}"))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(count("organization.organisation")).isEqualTo(organisations);
        assertThat(jdbc.sql("select count(*) from platform.audit_event where action = 'security.csrf-refused'")
                        .query(Long.class)
                        .single())
                .isEqualTo(refused + 1);
    }

    @Test
    void a_tampered_session_cookie_carries_no_one_and_its_write_is_refused_and_audited() throws Exception {
        var login = mvc.perform(get("/login")).andReturn().getResponse();
        var matcher = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(login.getContentAsString());
        assertThat(matcher.find()).isTrue();
        String token = matcher.group(1);
        long refused = jdbc.sql("select count(*) from platform.audit_event where action = 'security.csrf-refused'")
                .query(Long.class)
                .single();
        long organisations = count("organization.organisation");
        var r = mvc.perform(post("/api/v1/organizations")
                        .cookie(new jakarta.servlet.http.Cookie(
                                "SESSION", java.util.Base64.getEncoder().encodeToString("tampered-session".getBytes())))
                        .header("X-CSRF-TOKEN", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"篡改会话\",\"kind\":\"OWNERS_COMMITTEE\",\"unitCode\":\"110108010005\"}"))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(count("organization.organisation")).isEqualTo(organisations);
        assertThat(jdbc.sql("select count(*) from platform.audit_event where action = 'security.csrf-refused'")
                        .query(Long.class)
                        .single())
                .isEqualTo(refused + 1);
    }

    @Test
    void oversized_credentials_are_refused_like_any_wrong_ones() throws Exception {
        var r = mvc.perform(
                        post("/login")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("username", "x".repeat(5000))
                                .param("password", "y".repeat(100_000))
                                .param("code", "z".repeat(1000)))
                .andReturn()
                .getResponse();
        assertThat(r.getRedirectedUrl()).isEqualTo("/login?error");
    }

    @Test
    void roles_without_write_rights_are_refused_whatever_their_scope() throws Exception {
        UUID xueyuanlu = territory.requireByCode("110108010").id().value();
        for (Role role : new Role[] {Role.GRID_WORKER, Role.UNIT_LIAISON, Role.VOLUNTEER, Role.EXPERT, Role.AUDITOR}) {
            var r = mvc.perform(post("/api/v1/organizations")
                            .with(Staff.as("someone", Set.of(xueyuanlu), role))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\":\"无权登记\",\"kind\":\"OWNERS_COMMITTEE\",\"unitCode\":\"110108010005\"}"))
                    .andReturn()
                    .getResponse();
            assertThat(r.getStatus()).as(role.name()).isEqualTo(403);
            assertThat(json.readTree(r.getContentAsString()).path("code").asString())
                    .isEqualTo("identity.forbidden");
        }
        var anonymous = mvc.perform(
                        post("/api/v1/organizations")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{}"))
                .andReturn()
                .getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(json.readTree(anonymous.getContentAsString()).path("code").asString())
                .isEqualTo("identity.sign-in.needed");
    }
}
