package org.gongzhi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Opening masked personal data needs the permission, the object in scope and a reason, and is always audited. */
@PlatformTest
class PersonalDataIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TerritoryQueries territory;

    @Autowired
    JdbcClient jdbc;

    JsonMapper json = JsonMapper.shared();

    JsonNode xueyuanluCouncil() throws Exception {
        for (JsonNode c : json.readTree(
                mvc.perform(get("/api/v1/councils")).andReturn().getResponse().getContentAsString())) {
            if (c.path("name").asString().equals("学院路街道党建工作协调委员会")) {
                return c;
            }
        }
        throw new AssertionError("no 学院路 council");
    }

    UUID unit(String code) {
        return territory.requireByCode(code).id().value();
    }

    MockHttpServletResponse unmask(RequestPostProcessor who, String reason) throws Exception {
        JsonNode council = xueyuanluCouncil();
        String member = council.path("members").get(0).path("organisation").asString();
        return mvc.perform(post("/api/v1/councils/" + council.path("id").asString() + "/members/" + member + "/unmask")
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(reason == null ? "{}" : "{\"reason\":\"" + reason + "\"}"))
                .andReturn()
                .getResponse();
    }

    long audited() {
        return jdbc.sql("select count(*) from platform.audit_event where action = 'personal-data.unmasked'")
                .query(Long.class)
                .single();
    }

    @Test
    void an_officer_with_the_permission_sees_the_name_and_the_reason_is_audited() throws Exception {
        long before = audited();
        var r = unmask(Staff.as("officer", Set.of(unit("110108010")), true, Role.STREET_ADMIN), "联系联络员商议共建项目");
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        String name = json.readTree(r.getContentAsString()).path("liaisonName").asString();
        assertThat(name).isNotBlank().doesNotContain("*");
        assertThat(audited()).isEqualTo(before + 1);
        String summary = jdbc.sql("select summary from platform.audit_event where action = 'personal-data.unmasked'"
                        + " order by sequence desc limit 1")
                .query(String.class)
                .single();
        assertThat(summary).contains("联系联络员商议共建项目").doesNotContain(name);
    }

    @Test
    void without_the_permission_out_of_scope_or_without_a_reason_nothing_is_shown() throws Exception {
        long before = audited();
        var noPermission = unmask(Staff.as("admin", Set.of(unit("110108010")), false, Role.STREET_ADMIN), "想看看");
        assertThat(noPermission.getStatus()).isEqualTo(403);
        assertThat(json.readTree(noPermission.getContentAsString()).path("code").asString())
                .isEqualTo("personal-data.unmask.permission");
        var otherScope = unmask(Staff.as("officer", Set.of(unit("110101008")), true, Role.STREET_ADMIN), "联系联络员");
        assertThat(otherScope.getStatus()).isEqualTo(403);
        assertThat(json.readTree(otherScope.getContentAsString()).path("code").asString())
                .isEqualTo("scope.outside");
        var noReason = unmask(Staff.as("officer", Set.of(unit("110108010")), true, Role.STREET_ADMIN), null);
        assertThat(noReason.getStatus()).isEqualTo(400);
        assertThat(json.readTree(noReason.getContentAsString())
                        .path("errors")
                        .get(0)
                        .path("location")
                        .asString())
                .isEqualTo("reason");
        var shortReason = unmask(Staff.as("officer", Set.of(unit("110108010")), true, Role.STREET_ADMIN), "看");
        assertThat(shortReason.getStatus()).isEqualTo(400);
        for (var r : new MockHttpServletResponse[] {noPermission, otherScope, noReason, shortReason}) {
            assertThat(r.getContentAsString()).doesNotContain("liaisonName");
        }
        assertThat(audited()).isEqualTo(before);
    }

    @Test
    void only_the_auditor_reads_and_exports_the_audit_log_and_the_export_carries_a_watermark() throws Exception {
        assertThat(mvc.perform(get("/audit").with(Staff.as("auditor", Role.AUDITOR)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        for (Role role : new Role[] {Role.STREET_ADMIN, Role.SYS_ADMIN, Role.SEC_ADMIN, Role.COMMUNITY_WORKER}) {
            assertThat(mvc.perform(get("/audit").with(Staff.as("x", role)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(role.name())
                    .isEqualTo(403);
        }
        long exports = jdbc.sql("select count(*) from platform.audit_event where action = 'audit.exported'")
                .query(Long.class)
                .single();
        var csv = mvc.perform(
                        get("/audit/export.csv?action=identity.signed-in").with(Staff.as("auditor", Role.AUDITOR)))
                .andReturn()
                .getResponse();
        assertThat(csv.getStatus()).isEqualTo(200);
        String body = csv.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body.lines().reduce((first, last) -> last).orElseThrow())
                .contains("audit export by auditor (AUDITOR)");
        assertThat(jdbc.sql("select count(*) from platform.audit_event where action = 'audit.exported'")
                        .query(Long.class)
                        .single())
                .isEqualTo(exports + 1);
        // Verifying answers with a redirect; the result is shown once on the page it leads to.
        var verified = mvc.perform(post("/audit/verify").with(Staff.as("auditor", Role.AUDITOR)))
                .andReturn();
        assertThat(verified.getResponse().getRedirectedUrl()).isEqualTo("/audit");
        // The result travels in the (JDBC-stored) session to the next page only.
        var session = verified.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        var shown = mvc.perform(get("/audit").cookie(session).with(Staff.as("auditor", Role.AUDITOR)))
                .andReturn()
                .getResponse();
        assertThat(shown.getContentAsString()).contains("哈希链完整");
    }
}
