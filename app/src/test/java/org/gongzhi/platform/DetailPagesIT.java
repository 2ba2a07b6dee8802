package org.gongzhi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.gongzhi.support.DemoUnits;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.gongzhi.territory.TerritoryQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Detail pages link to each other, and streets and zones have pages of their own (issue 7, item 9). */
@PlatformTest
class DetailPagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TerritoryQueries territory;

    MockHttpServletResponse page(String path) throws Exception {
        return mvc.perform(get(path).accept(MediaType.TEXT_HTML).header("Accept-Language", "zh-CN"))
                .andReturn()
                .getResponse();
    }

    String html(String path) throws Exception {
        MockHttpServletResponse r = page(path);
        assertThat(r.getStatus()).as(path).isEqualTo(200);
        return r.getContentAsString();
    }

    @Test
    void a_street_has_a_page_with_its_length_its_subdistrict_and_the_communities_it_runs_through() throws Exception {
        String street = html("/territory/overlays/110108010S003");
        assertThat(street).contains("二里庄胡同", "胡同/小巷", "href=\"/territory/units/110108010\"");
        assertThat(street).containsPattern("<dd>[0-9,.]+ (m|km)</dd>");
        assertThat(street).containsPattern("href=\"/territory/units/110108010\\d{3}\"");
        assertThat(street).contains("data-focus=\"110108010S003\"");
        String zone = html("/territory/overlays/310110012Z02");
        assertThat(zone).contains("大创智创新发展示范区", "园区").containsPattern("<dd>[0-9,.]+ (m²|km²)</dd>");
        assertThat(page("/territory/overlays/NO-SUCH").getStatus()).isEqualTo(404);
    }

    @Test
    void a_subdistrict_lists_its_streets_and_zones_and_figures_read_for_the_locale() throws Exception {
        String subdistrict = html("/territory/units/110108010");
        assertThat(subdistrict)
                .contains("href=\"/territory/overlays/110108010S001\"", "href=\"/territory/overlays/110108010Z01\"")
                .contains("href=\"/organizations?unit=110108010\"")
                .doesNotContain("— –", "null");
        // 23 万 residents of seed 000 read with their grouping, not as 230000.
        assertThat(subdistrict).containsPattern("<dd>\\d{1,3}(,\\d{3})+</dd>");
        assertThat(subdistrict)
                .containsPattern("<dd>(\\d{4}-\\d{2}-\\d{2} 起|长期有效|至 \\d{4}-\\d{2}-\\d{2}|.* 至 .*)</dd>");
    }

    @Test
    void an_organisation_links_to_its_councils_and_lists_and_they_link_back() throws Exception {
        String council = jdbc.sql("select c.id from organization.council c join organization.council_member m"
                        + " on m.council_id = c.id join organization.organisation o on o.id = m.organisation_id"
                        + " where o.name = '北京科技大学' order by c.level limit 1")
                .query(String.class)
                .single();
        String university = jdbc.sql("select id from organization.organisation where name = '北京科技大学'")
                .query(String.class)
                .single();
        assertThat(html("/organizations/" + university)).contains("href=\"/councils/" + council + "\"");
        assertThat(html("/councils/" + council)).contains("href=\"/organizations/" + university + "\"");

        var party = jdbc.sql(
                        "select l.id as list, p.organisation_id as org, p.name from organization.responsibility_party p"
                                + " join organization.responsibility_list l on l.id = p.list_id"
                                + " where p.organisation_id is not null and l.title like '国定一%' order by p.position limit 1")
                .query()
                .singleRow();
        String list = party.get("list").toString();
        String org = party.get("org").toString();
        assertThat(html("/organizations/" + org))
                .contains("href=\"/responsibility-lists/" + list + "\"")
                .contains("（" + party.get("name") + "）");
        assertThat(html("/responsibility-lists/" + list)).contains("href=\"/organizations/" + org + "\"");
    }

    @Test
    void a_council_and_the_lists_of_its_unit_link_to_each_other() throws Exception {
        var council = jdbc.sql("select c.id, c.unit_id from organization.council c where c.name like '学院路街道%'")
                .query()
                .singleRow();
        String unitCode = jdbc.sql("select code from territory.unit where id = ?")
                .param(council.get("unit_id"))
                .query(String.class)
                .single();
        var drawn = mvc.perform(post("/api/v1/responsibility-lists")
                        .with(Staff.streetAdmin(DemoUnits.subdistricts(territory)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"学院路街道会商清单\",\"unitCode\":\"" + unitCode + "\","
                                + "\"parties\":[{\"key\":\"office\",\"name\":\"街道办事处\"}],"
                                + "\"duties\":[{\"number\":1,\"description\":\"召集会商\",\"ownerKey\":\"office\","
                                + "\"cadence\":\"MONTHLY\"}]}"))
                .andReturn()
                .getResponse();
        assertThat(drawn.getStatus()).as(drawn.getContentAsString()).isEqualTo(201);
        String list = drawn.getHeader("Location").replaceFirst(".*/", "");
        String id = council.get("id").toString();
        assertThat(html("/councils/" + id)).contains("href=\"/responsibility-lists/" + list + "\"");
        assertThat(html("/responsibility-lists/" + list)).contains("href=\"/councils/" + id + "\"");
    }
}
