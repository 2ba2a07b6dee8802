package org.gongzhi.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.identity.Role;
import org.gongzhi.support.AppealCalls;
import org.gongzhi.support.Concurrently;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.gongzhi.support.TestClock;
import org.gongzhi.territory.TerritoryQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Bookings: a slot is held once — also by 100 requests at the same moment — approval, decline, cancellation up to two
 * hours before the start (one minute inside and outside), use with feedback after the end, and usage per resource and
 * unit. The platform clock stands on Monday 1 March 2027, 10:00 in Beijing.
 */
@PlatformTest
class BookingIT {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TerritoryQueries territory;

    AppealCalls calls;
    UUID ustb;
    UUID xueyuanlu;
    UUID erlizhuang;
    RequestPostProcessor liaison;
    RequestPostProcessor community;

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(BEIJING).toInstant();
    }

    @BeforeEach
    void setUp() {
        TestClock.freeze(at("2027-03-01T10:00"));
        calls = new AppealCalls(mvc, jdbc, Staff.sysAdmin());
        ustb = calls.organisation("北京科技大学");
        xueyuanlu = territory.requireByCode("110108010").id().value();
        erlizhuang = territory.requireByCode("110108010005").id().value();
        liaison = Staff.ofOrganisation("ustb-liaison", ustb, Role.UNIT_LIAISON);
        community = Staff.as("erlizhuang-worker", Set.of(erlizhuang), Role.COMMUNITY_WORKER);
    }

    @AfterEach
    void tearDown() {
        TestClock.reset();
    }

    String hall(boolean bookable) throws Exception {
        Map<String, Object> m = ResourceIT.hall(ustb);
        m.put("bookable", bookable);
        m.put("capacity", 50);
        var r = calls.send(post("/api/v1/resources"), liaison, m);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return calls.read(r).path("id").asString();
    }

    static Map<String, Object> slot(String from, String to) {
        Map<String, Object> m = new HashMap<>();
        m.put("start", at(from).toString());
        m.put("end", at(to).toString());
        m.put("purpose", "社区老年合唱团排练");
        m.put("attendees", 30);
        return m;
    }

    MockHttpServletResponse book(String resource, RequestPostProcessor who, Map<String, Object> slot) throws Exception {
        return calls.send(post("/api/v1/resources/" + resource + "/bookings"), who, slot);
    }

    JsonNode ok(MockHttpServletResponse r, int status) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
        return calls.read(r);
    }

    String code(MockHttpServletResponse r) throws Exception {
        return calls.read(r).path("code").asString();
    }

    @Test
    void a_slot_is_held_once_adjacent_slots_are_free_and_the_provider_approves_or_declines() throws Exception {
        String hall = hall(true);
        JsonNode first = ok(book(hall, community, slot("2027-03-02T09:00", "2027-03-02T11:00")), 201);
        assertThat(first.path("status").asString()).isEqualTo("REQUESTED");
        assertThat(first.path("forUnitName").asString()).isNotBlank();
        var overlapping = book(hall, liaison, slot("2027-03-02T10:59", "2027-03-02T12:00"));
        assertThat(overlapping.getStatus()).isEqualTo(409);
        assertThat(code(overlapping)).isEqualTo("listing.booking.slot-taken");
        assertThat(overlapping.getContentAsString())
                .as("the field at fault is named")
                .contains("\"start\"");
        // Ranges are half-open: a slot starting when the other ends is free.
        JsonNode next = ok(book(hall, liaison, slot("2027-03-02T11:00", "2027-03-02T12:00")), 201);

        String id = first.path("id").asString();
        // Only the resource's managers answer: the requester cannot approve its own booking.
        assertThat(calls.send(post("/api/v1/bookings/" + id + "/approval"), community, null)
                        .getStatus())
                .isEqualTo(403);
        JsonNode approved = ok(calls.send(post("/api/v1/bookings/" + id + "/approval"), liaison, null), 200);
        assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
        assertThat(calls.send(post("/api/v1/bookings/" + id + "/approval"), liaison, null)
                        .getStatus())
                .isEqualTo(409);
        String other = next.path("id").asString();
        assertThat(calls.send(post("/api/v1/bookings/" + other + "/declination"), liaison, Map.of())
                        .getStatus())
                .isEqualTo(400);
        ok(calls.send(post("/api/v1/bookings/" + other + "/declination"), liaison, Map.of("note", "当天校内活动")), 200);
        // Declined, its slot is free again.
        String again = ok(book(hall, community, slot("2027-03-02T11:00", "2027-03-02T12:00")), 201)
                .path("id")
                .asString();
        // A withdrawn resource's pending bookings can no longer be approved; slots beyond a year are refused.
        var far = book(hall, community, slot("2028-03-02T11:00", "2028-03-02T12:00"));
        assertThat(far.getStatus()).isEqualTo(422);
        assertThat(code(far)).isEqualTo("listing.booking.too-far");
        long version = calls.read(calls.send(get("/api/v1/resources/" + hall), liaison, null))
                .path("version")
                .asLong();
        ok(
                calls.send(
                        post("/api/v1/resources/" + hall + "/withdrawal").header("If-Match", "\"" + version + "\""),
                        liaison,
                        null),
                200);
        var late = calls.send(post("/api/v1/bookings/" + again + "/approval"), liaison, null);
        assertThat(late.getStatus()).isEqualTo(409);
        assertThat(code(late)).isEqualTo("listing.resource.not-offered");
    }

    @Test
    void a_hundred_requests_for_one_slot_at_the_same_moment_make_exactly_one_booking() throws Exception {
        String hall = hall(true);
        List<Integer> statuses = Concurrently.run(
                100,
                i -> Staff.as("worker-" + i, Set.of(erlizhuang), Role.COMMUNITY_WORKER),
                (i, who) -> book(hall, who, slot("2027-03-03T14:00", "2027-03-03T16:00"))
                        .getStatus());
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(99);
        assertThat(jdbc.sql("select count(*) from listing.booking where resource_id = cast(? as uuid)")
                        .param(hall)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void slots_in_the_past_outside_the_opening_hours_or_over_capacity_are_refused_and_nothing_is_written()
            throws Exception {
        String hall = hall(true);
        var past = book(hall, community, slot("2027-03-01T08:00", "2027-03-01T09:00"));
        assertThat(past.getStatus()).isEqualTo(422);
        assertThat(code(past)).isEqualTo("listing.booking.past");
        // Saturday opens 09:00–17:00: 08:59 is outside, 09:00 inside; weekdays close at 21:00.
        var early = book(hall, community, slot("2027-03-06T08:59", "2027-03-06T10:00"));
        assertThat(early.getStatus()).isEqualTo(422);
        assertThat(code(early)).isEqualTo("listing.booking.outside-opening");
        var late = book(hall, community, slot("2027-03-02T20:00", "2027-03-02T21:01"));
        assertThat(late.getStatus()).isEqualTo(422);
        Map<String, Object> crowd = slot("2027-03-02T19:00", "2027-03-02T21:00");
        crowd.put("attendees", 51);
        JsonNode e = ok(book(hall, community, crowd), 400);
        assertThat(e.path("errors").toString()).contains("attendees");
        Map<String, Object> backwards = slot("2027-03-02T19:00", "2027-03-02T18:00");
        assertThat(book(hall, community, backwards).getStatus()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from listing.booking where resource_id = cast(? as uuid)")
                        .param(hall)
                        .query(Long.class)
                        .single())
                .isZero();
        ok(book(hall, community, slot("2027-03-06T09:00", "2027-03-06T10:00")), 201);
        ok(book(hall, community, slot("2027-03-02T20:00", "2027-03-02T21:00")), 201);

        String plain = hall(false);
        var notBookable = book(plain, community, slot("2027-03-02T09:00", "2027-03-02T10:00"));
        assertThat(notBookable.getStatus()).isEqualTo(422);
        assertThat(code(notBookable)).isEqualTo("listing.booking.not-bookable");
    }

    @Test
    void the_requester_cancels_until_two_hours_before_the_start_and_the_provider_until_the_start() throws Exception {
        String hall = hall(true);
        String a = ok(book(hall, community, slot("2027-03-01T14:00", "2027-03-01T15:00")), 201)
                .path("id")
                .asString();
        String b = ok(book(hall, community, slot("2027-03-01T15:00", "2027-03-01T16:00")), 201)
                .path("id")
                .asString();
        // 12:00 is exactly two hours before a: still allowed. 13:01 is within two hours of b's 15:00? No: 1 h 59 min.
        TestClock.freeze(at("2027-03-01T12:00"));
        ok(calls.send(post("/api/v1/bookings/" + a + "/cancellation"), community, Map.of()), 200);
        TestClock.freeze(at("2027-03-01T13:01"));
        var tooLate = calls.send(post("/api/v1/bookings/" + b + "/cancellation"), community, Map.of());
        assertThat(tooLate.getStatus()).isEqualTo(409);
        assertThat(code(tooLate)).isEqualTo("listing.booking.cancel-too-late");
        // Someone else may not cancel it at all; the provider may, until it starts.
        var stranger = Staff.as("someone-else", Set.of(erlizhuang), Role.COMMUNITY_WORKER);
        assertThat(calls.send(post("/api/v1/bookings/" + b + "/cancellation"), stranger, Map.of())
                        .getStatus())
                .isEqualTo(403);
        ok(calls.send(post("/api/v1/bookings/" + b + "/cancellation"), liaison, Map.of("reason", "设备检修")), 200);
    }

    @Test
    void use_is_recorded_after_the_end_with_a_rating_and_counted_per_resource_and_unit() throws Exception {
        String hall = hall(true);
        String id = ok(book(hall, community, slot("2027-03-01T14:00", "2027-03-01T16:30")), 201)
                .path("id")
                .asString();
        ok(calls.send(post("/api/v1/bookings/" + id + "/approval"), liaison, null), 200);
        var early = calls.send(post("/api/v1/bookings/" + id + "/feedback"), community, Map.of("rating", 5));
        assertThat(early.getStatus()).isEqualTo(409);
        assertThat(code(early)).isEqualTo("listing.booking.not-yet-over");
        TestClock.freeze(at("2027-03-01T16:30"));
        assertThat(calls.send(post("/api/v1/bookings/" + id + "/feedback"), community, Map.of("rating", 6))
                        .getStatus())
                .isEqualTo(400);
        JsonNode used = ok(
                calls.send(
                        post("/api/v1/bookings/" + id + "/feedback"),
                        community,
                        Map.of("rating", 5, "attended", 28, "comment", "场地很好")),
                200);
        assertThat(used.path("status").asString()).isEqualTo("USED");

        JsonNode usage = ok(
                calls.send(
                        get("/api/v1/bookings/usage?from=" + at("2027-03-01T00:00") + "&to=" + at("2027-03-02T00:00")),
                        Staff.streetAdmin(xueyuanlu),
                        null),
                200);
        JsonNode line = null;
        for (JsonNode l : usage.path("byResource")) {
            if (l.path("id").asString().equals(hall)) {
                line = l;
            }
        }
        assertThat(line).isNotNull();
        assertThat(line.path("bookings").asLong()).isEqualTo(1);
        assertThat(line.path("used").asLong()).isEqualTo(1);
        assertThat(line.path("hours").asDouble()).isEqualTo(2.5);
        assertThat(line.path("attended").asLong()).isEqualTo(28);
        assertThat(usage.path("byUnit").toString()).contains(erlizhuang.toString());
        assertThat(Duration.between(at("2027-03-01T14:00"), at("2027-03-01T16:30"))
                        .toMinutes())
                .isEqualTo(150);
    }
}
