package org.gongzhi.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.identity.Role;
import org.gongzhi.support.AppealCalls;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.gongzhi.territory.TerritoryQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * The 资源清单 through the API: a unit's 联络员 offers and revises its own resources only, street staff see those of
 * their 街道, a point outside the territory or an unknown provider is refused with nothing written, the contact stays
 * masked until someone allowed opens it with a reason (audited), and edits name the version they read.
 */
@PlatformTest
class ResourceIT {

    /** A point in 学院路 (二里庄 area). */
    static final double LAT = 39.99731;

    static final double LNG = 116.35521;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TerritoryQueries territory;

    AppealCalls calls;
    UUID ustb;
    UUID blcu;
    UUID xueyuanlu;

    @BeforeEach
    void setUp() {
        calls = new AppealCalls(mvc, jdbc, Staff.sysAdmin());
        ustb = calls.organisation("北京科技大学");
        blcu = calls.organisation("北京语言大学");
        xueyuanlu = territory.requireByCode("110108010").id().value();
    }

    RequestPostProcessor liaisonOf(UUID organisation) {
        return Staff.ofOrganisation("liaison-" + organisation, organisation, Role.UNIT_LIAISON);
    }

    static Map<String, Object> hall(UUID provider) {
        Map<String, Object> m = new HashMap<>();
        m.put("providerId", provider.toString());
        m.put("name", "逸夫楼报告厅");
        m.put("kind", "VENUE");
        m.put("openness", "OPEN");
        m.put("capacity", 300);
        m.put("latitude", LAT);
        m.put("longitude", LNG);
        m.put("address", "学院路 30 号");
        m.put("conditions", "公益活动免费，须提前三天预约");
        m.put("bookable", true);
        m.put("opening", "1-5 08:00-21:00; 6,7 09:00-17:00");
        m.put("contactName", "王海");
        m.put("contactPhone", "138 0013 8000");
        return m;
    }

    long resources() {
        return jdbc.sql("select count(*) from listing.resource")
                .query(Long.class)
                .single();
    }

    JsonNode ok(MockHttpServletResponse r, int status) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
        return calls.read(r);
    }

    @Test
    void a_liaison_offers_a_resource_of_its_unit_and_the_contact_is_stored_encrypted_and_shown_masked()
            throws Exception {
        JsonNode r = ok(calls.send(post("/api/v1/resources"), liaisonOf(ustb), hall(ustb)), 201);
        String id = r.path("id").asString();
        assertThat(r.path("contactName").asString()).isEqualTo("王**");
        assertThat(r.path("contactPhone").asString()).isEqualTo("138****8000");
        assertThat(r.path("providerName").asString()).isEqualTo("北京科技大学");
        assertThat(r.path("placeName").asString()).isNotBlank();
        assertThat(r.path("opening").asString()).isEqualTo("1-5 08:00-21:00; 6,7 09:00-17:00");
        var stored = jdbc.sql("select contact_name, contact_phone from listing.resource where id = cast(? as uuid)")
                .param(id)
                .query()
                .singleRow();
        assertThat(stored.values().toString()).doesNotContain("王海").doesNotContain("13800138000");

        // The street's staff see it; another 街道's do not even learn it exists.
        ok(calls.send(get("/api/v1/resources/" + id), Staff.streetAdmin(xueyuanlu), null), 200);
        UUID dongzhimen = territory.requireByCode("110101008").id().value();
        var outsider = calls.send(get("/api/v1/resources/" + id), Staff.streetAdmin(dongzhimen), null);
        assertThat(outsider.getStatus()).isEqualTo(404);
        assertThat(outsider.getContentAsString()).doesNotContain("逸夫楼");
        // Another unit of the same 街道 sees it in the list (units share within their 街道) …
        JsonNode list = ok(calls.send(get("/api/v1/resources?q=逸夫楼"), liaisonOf(blcu), null), 200);
        assertThat(list.path("items").findValuesAsString("id")).contains(id);
        // … but a list read from another 街道 does not hold it.
        JsonNode far = ok(calls.send(get("/api/v1/resources?q=逸夫楼"), Staff.streetAdmin(dongzhimen), null), 200);
        assertThat(far.path("items").findValuesAsString("id")).doesNotContain(id);
    }

    @Test
    void a_liaison_cannot_offer_or_edit_for_another_unit_and_nothing_is_written() throws Exception {
        long before = resources();
        var r = calls.send(post("/api/v1/resources"), liaisonOf(blcu), hall(ustb));
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(403);
        assertThat(resources()).isEqualTo(before);

        String id = ok(calls.send(post("/api/v1/resources"), liaisonOf(ustb), hall(ustb)), 201)
                .path("id")
                .asString();
        Map<String, Object> changed = hall(ustb);
        changed.put("name", "被别的单位改掉的名字");
        var edit = calls.send(put("/api/v1/resources/" + id).header("If-Match", "\"0\""), liaisonOf(blcu), changed);
        assertThat(edit.getStatus()).as(edit.getContentAsString()).isEqualTo(403);
        var withdraw = calls.send(
                post("/api/v1/resources/" + id + "/withdrawal").header("If-Match", "\"0\""), liaisonOf(blcu), null);
        assertThat(withdraw.getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("select name || '/' || version || '/' || (withdrawn_at is null) from listing.resource"
                                + " where id = cast(? as uuid)")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("逸夫楼报告厅/0/true");
    }

    @Test
    void a_point_outside_the_territory_an_unknown_provider_and_bad_fields_are_refused_beside_the_field()
            throws Exception {
        long before = resources();
        Map<String, Object> outside = hall(ustb);
        outside.put("latitude", 31.0);
        outside.put("longitude", 100.0);
        JsonNode e = ok(calls.send(post("/api/v1/resources"), liaisonOf(ustb), outside), 400);
        assertThat(e.path("errors").toString()).contains("latitude").contains("listing.resource.outside-territory");

        Map<String, Object> unknown = hall(UUID.randomUUID());
        e = ok(calls.send(post("/api/v1/resources"), Staff.streetAdmin(xueyuanlu), unknown), 400);
        assertThat(e.path("errors").toString()).contains("providerId").contains("listing.provider.unknown");

        Map<String, Object> bad = hall(ustb);
        bad.put("capacity", 0);
        bad.put("opening", "周一到周五");
        bad.put("contactPhone", "12345");
        bad.put("name", " ");
        e = ok(calls.send(post("/api/v1/resources"), liaisonOf(ustb), bad), 400);
        assertThat(e.path("errors").toString())
                .contains("capacity")
                .contains("opening")
                .contains("contactPhone")
                .contains("\"name\"");
        assertThat(resources()).isEqualTo(before);
    }

    @Test
    void edits_name_the_version_read_and_a_contact_sent_back_masked_keeps_the_stored_one() throws Exception {
        JsonNode r = ok(calls.send(post("/api/v1/resources"), liaisonOf(ustb), hall(ustb)), 201);
        String id = r.path("id").asString();
        Map<String, Object> edit = hall(ustb);
        edit.put("capacity", 280);
        edit.put("contactName", r.path("contactName").asString());
        edit.put("contactPhone", r.path("contactPhone").asString());
        assertThat(calls.send(put("/api/v1/resources/" + id), liaisonOf(ustb), edit)
                        .getStatus())
                .isEqualTo(428);
        JsonNode saved =
                ok(calls.send(put("/api/v1/resources/" + id).header("If-Match", "\"0\""), liaisonOf(ustb), edit), 200);
        assertThat(saved.path("version").asLong()).isEqualTo(1);
        assertThat(saved.path("capacity").asInt()).isEqualTo(280);
        var stale = calls.send(put("/api/v1/resources/" + id).header("If-Match", "\"0\""), liaisonOf(ustb), edit);
        assertThat(stale.getStatus()).isEqualTo(412);

        // Opening the contact: refused without the permission, given with a reason to someone allowed, audited.
        var refused = calls.send(
                post("/api/v1/resources/" + id + "/contact"), Staff.streetAdmin(xueyuanlu), Map.of("reason", "联系借用"));
        assertThat(refused.getStatus()).isEqualTo(403);
        var privacy = Staff.as("privacy-officer", Set.of(xueyuanlu), true, Role.STREET_ADMIN);
        assertThat(calls.send(post("/api/v1/resources/" + id + "/contact"), privacy, Map.of("reason", "短"))
                        .getStatus())
                .isEqualTo(400);
        var opened = calls.send(post("/api/v1/resources/" + id + "/contact"), privacy, Map.of("reason", "联系借用报告厅"));
        JsonNode contact = ok(opened, 200);
        assertThat(opened.getHeader("Cache-Control")).contains("no-store");
        assertThat(contact.path("name").asString()).isEqualTo("王海");
        assertThat(contact.path("phone").asString()).isEqualTo("13800138000");
        assertThat(jdbc.sql("select count(*) from platform.audit_event where action = 'personal-data.unmasked' and"
                                + " object_type = 'resource' and object_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // Withdrawn, it can no longer be edited.
        ok(
                calls.send(
                        post("/api/v1/resources/" + id + "/withdrawal").header("If-Match", "\"1\""),
                        liaisonOf(ustb),
                        null),
                200);
        var late = calls.send(put("/api/v1/resources/" + id).header("If-Match", "\"2\""), liaisonOf(ustb), edit);
        assertThat(late.getStatus()).isEqualTo(409);
    }
}
