package org.gongzhi.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.identity.Role;
import org.gongzhi.platform.AccessScope;
import org.gongzhi.platform.WorkbenchAction;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.gongzhi.territory.TerritoryQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What pages offer is what their forms accept: pickers and workbench actions narrowed to what can be done. */
@PlatformTest
class ChoicesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TerritoryQueries territory;

    @Autowired
    OrganizationWorkbench workbench;

    List<String> candidates(String council, String q, RequestPostProcessor who) throws Exception {
        String body = mvc.perform(get("/api/v1/councils/" + council + "/candidates")
                        .param("q", q)
                        .accept(MediaType.APPLICATION_JSON)
                        .with(who))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode items = JsonMapper.shared().readTree(body).path("items");
        return items.valueStream().map(i -> i.path("name").asString()).toList();
    }

    @Test
    void a_council_s_picker_offers_neither_its_members_nor_units_the_viewer_may_not_seat() throws Exception {
        String council = jdbc.sql("select id from organization.council where name like '学院路街道%'")
                .query(String.class)
                .single();
        UUID xueyuanlu = territory.requireByCode("110108010").id().value();
        RequestPostProcessor admin = Staff.as("xyl", Set.of(xueyuanlu), Role.STREET_ADMIN);
        String free = jdbc.sql("select o.name from organization.organisation o where o.unit_id = cast(? as uuid)"
                        + " and o.id not in (select organisation_id from organization.council_member"
                        + " where council_id = cast(? as uuid)) order by o.name limit 1")
                .params(xueyuanlu, council)
                .query(String.class)
                .single();
        // 北京科技大学 sits on the council already; the other is placed in 学院路 and not seated.
        assertThat(candidates(council, "北京科技大学", admin)).doesNotContain("北京科技大学");
        assertThat(candidates(council, free, admin)).contains(free);
        // A 东直门 organisation neither lies in the admin's scope nor serves 学院路; an admin of both 街道 may seat it.
        assertThat(candidates(council, "东直门地区商会", admin)).isEmpty();
        UUID dongzhimen = territory.requireByCode("110101008").id().value();
        assertThat(candidates(council, "东直门地区商会", Staff.as("both", Set.of(xueyuanlu, dongzhimen), Role.STREET_ADMIN)))
                .containsExactly("东直门地区商会");
        // Someone who may not seat members here is offered nobody.
        assertThat(candidates(council, "", Staff.as("grid", Set.of(xueyuanlu), Role.GRID_WORKER)))
                .isEmpty();
        assertThat(mvc.perform(get("/api/v1/councils/" + UUID.randomUUID() + "/candidates"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    List<String> names(String url, RequestPostProcessor who) throws Exception {
        JsonNode body = JsonMapper.shared()
                .readTree(mvc.perform(get(java.net.URI.create(url))
                                .accept(MediaType.APPLICATION_JSON)
                                .with(who))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        JsonNode items = body.isArray() ? body : body.path("items");
        assertThat(items.isArray()).as(url + " answered " + body).isTrue();
        return items.valueStream().map(i -> i.path("name").asString()).toList();
    }

    @Test
    void a_parent_or_party_picker_offers_only_organisations_the_viewer_may_link_to_that_place() throws Exception {
        UUID xueyuanlu = territory.requireByCode("110108010").id().value();
        RequestPostProcessor admin = Staff.as("xyl", Set.of(xueyuanlu), Role.STREET_ADMIN);
        String q = "/api/v1/organizations/linkable?q="
                + java.net.URLEncoder.encode("东直门", java.nio.charset.StandardCharsets.UTF_8);
        assertThat(names(q, admin)).isEmpty();
        assertThat(names(q + "&to=110108010005", admin)).isEmpty();
        // For something placed in 东直门, its own organisations serve the place.
        assertThat(names(q + "&to=110101008", admin)).contains("东直门地区商会");
        assertThat(names(
                        "/api/v1/organizations/linkable?q="
                                + java.net.URLEncoder.encode("北京科技大学", java.nio.charset.StandardCharsets.UTF_8),
                        admin))
                .contains("北京科技大学");
    }

    @Test
    void the_founding_picker_offers_only_units_without_a_council() throws Exception {
        UUID xueyuanlu = territory.requireByCode("110108010").id().value();
        RequestPostProcessor admin = Staff.as("xyl", Set.of(xueyuanlu), Role.STREET_ADMIN);
        String withCouncil = jdbc.sql(
                        "select u.name from organization.council c join territory.unit u on u.id = c.unit_id"
                                + " where c.level = 'COMMUNITY' and u.code like '110108010%' limit 1")
                .query(String.class)
                .single();
        List<String> communities = names("/api/v1/councils/vacancies?level=COMMUNITY&limit=50", admin);
        assertThat(communities).isNotEmpty().doesNotContain(withCouncil).allMatch(n -> n.endsWith("社区"));
        assertThat(names("/api/v1/councils/vacancies?level=SUBDISTRICT", admin)).doesNotContain("学院路街道");
        assertThat(names(
                        "/api/v1/councils/vacancies?level=COMMUNITY&q="
                                + java.net.URLEncoder.encode(withCouncil, java.nio.charset.StandardCharsets.UTF_8),
                        admin))
                .isEmpty();
    }

    @Test
    void founding_a_council_is_offered_only_where_a_unit_still_lacks_one() {
        UUID withCouncil = jdbc.sql("select unit_id from organization.council where level = 'COMMUNITY' limit 1")
                .query(UUID.class)
                .single();
        UUID subdistrict = territory.requireByCode("110108010").id().value();
        assertThat(labels(new AccessScope(false, Set.of("COMMUNITY_WORKER"), Set.of(withCouncil), Set.of(), false)))
                .doesNotContain("council.found")
                .contains("list.draw");
        assertThat(labels(new AccessScope(false, Set.of("STREET_ADMIN"), Set.of(subdistrict), Set.of(), false)))
                .contains("council.found");
    }

    private List<String> labels(AccessScope scope) {
        return workbench.actions(scope).stream().map(WorkbenchAction::labelKey).toList();
    }
}
