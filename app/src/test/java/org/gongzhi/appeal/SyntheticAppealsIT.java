package org.gongzhi.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.TestSms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The synthetic history the demo runs on: a month of appeals taken through the real lifecycle at past instants, in
 * many states, each step after the one before and none in the future, all flagged synthetic and nobody texted.
 */
@PlatformTest
class SyntheticAppealsIT {

    /** 五角场: no other test counts its appeals. */
    static final String WUJIAOCHANG = "310110012";

    @Autowired
    SyntheticAppeals synthetic;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.gongzhi.appeal.domain.AppealStore store;

    /**
     * A period that starts at 21:00 Beijing time: a time drawn that first evening moves into office hours the next
     * morning or, near the end, stays where it was — never before the start (CI once found 199 of 200 inside).
     */
    @Test
    void a_period_starting_in_the_evening_keeps_every_registration_inside_it() {
        Instant from = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                .minusDays(60)
                .atTime(21, 0)
                .atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toInstant();
        Instant to = from.plus(Duration.ofHours(14));
        synthetic.write(new SyntheticAppeals.Plan(List.of(WUJIAOCHANG), from, to, 40, 11L));

        var outside = jdbc.sql(
                        "select count(*) filter (where registered_at < :from),"
                                + " count(*) filter (where registered_at > :to), count(*) from appeal.appeal"
                                + " where synthetic and registered_at between cast(:from as timestamptz) - interval '7 days' and cast(:to as timestamptz) + interval '7 days'")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
        assertThat(outside[0]).as("before the start").isZero();
        assertThat(outside[1]).as("after the end").isZero();
        assertThat(outside[2]).isEqualTo(40);
    }

    @Test
    void a_month_of_appeals_goes_through_the_real_lifecycle_in_the_past() throws Exception {
        Instant started = Instant.now();
        Instant to = started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant from = to.minus(Duration.ofDays(30));
        var written = synthetic.write(new SyntheticAppeals.Plan(List.of(WUJIAOCHANG), from, to, 200, 7L));

        assertThat(written.count()).isEqualTo(200);
        assertThat(written.byState().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(200);
        // Older appeals closed, recent ones still open, the detours a real month has, and every state shown
        // whatever the hour the month was written at.
        assertThat(written.byState().keySet()).containsExactlyInAnyOrder(AppealState.values());
        int open = written.byState().entrySet().stream()
                .filter(e -> e.getKey() != AppealState.CLOSED && e.getKey() != AppealState.VOIDED)
                .mapToInt(Map.Entry::getValue)
                .sum();
        assertThat(open).as("still open at the end").isBetween(20, 180);

        List<UUID> ids = jdbc.sql("select id from appeal.appeal where synthetic and registered_at >= :from")
                .param("from", Timestamp.from(from))
                .query(UUID.class)
                .list();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(200);
        long early = jdbc.sql("select count(*) from appeal.appeal where synthetic and registered_at < :from"
                        + " and registered_at >= cast(:from as timestamptz) - interval '7 days'")
                .param("from", Timestamp.from(from))
                .query(Long.class)
                .single();
        assertThat(early).isZero();

        // Every step is later than the one before it, none is after the end, and each is signed as synthetic.
        List<Map<String, Object>> steps = jdbc.sql("select s.appeal_id, s.at, s.actor from appeal.step s"
                        + " join appeal.appeal a on a.id = s.appeal_id where a.synthetic and a.registered_at >= :from"
                        + " order by s.appeal_id, s.id")
                .param("from", Timestamp.from(from))
                .query()
                .listOfRows();
        Object previousAppeal = null;
        Instant previous = null;
        for (Map<String, Object> step : steps) {
            Instant at = ((Timestamp) step.get("at")).toInstant();
            assertThat(at).isBeforeOrEqualTo(to).isAfterOrEqualTo(from);
            if (step.get("appeal_id").equals(previousAppeal)) {
                assertThat(at).isAfterOrEqualTo(previous);
            }
            assertThat((String) step.get("actor")).startsWith("synthetic-");
            previousAppeal = step.get("appeal_id");
            previous = at;
        }
        assertThat(steps.stream().map(s -> s.get("actor")).distinct())
                .contains(SyntheticAppeals.OPERATOR, SyntheticAppeals.DISPATCHER, SyntheticAppeals.HANDLER);

        // Deadlines came from the work calendar at the time of dispatch, not from now.
        long dispatchedInThePast = jdbc.sql(
                        "select count(*) from appeal.appeal where synthetic and dispatched_at < :from")
                .param("from", Timestamp.from(to.minus(Duration.ofDays(7))))
                .query(Long.class)
                .single();
        assertThat(dispatchedInThePast).isPositive();

        // Deadlines came from the work calendar at each dispatch: those dispatched three weeks before the end were due
        // (7 working days, 5 more at most when extended) before it.
        long dueAfterTheEnd = jdbc.sql("select count(*) from appeal.appeal where synthetic and dispatched_at < :early"
                        + " and resolution_due >= :to")
                .param("early", Timestamp.from(to.minus(Duration.ofDays(21))))
                .param("to", Timestamp.from(to))
                .query(Long.class)
                .single();
        assertThat(dueAfterTheEnd).isZero();

        // No number is kept, so nobody can be texted, called or shown this history.
        long withNumbers = jdbc.sql("select count(*) from appeal.appeal where synthetic and (reporter_phone is not null"
                        + " or phone_lookup is not null or reporter_name is not null)")
                .query(Long.class)
                .single();
        assertThat(withNumbers).isZero();
        // And once every event is handled, no text was sent.
        org.gongzhi.support.AppealCalls.await(
                "events handled",
                () -> jdbc.sql("select count(*) from event_publication where completion_date is null"
                                        + " and listener_id like '%ReporterTexts%' and publication_date >= :started")
                                .param("started", Timestamp.from(started))
                                .query(Long.class)
                                .single()
                        == 0);
        for (int n = 0; n < 200; n++) {
            assertThat(TestSms.sentTo(String.format("1390000%04d", n)))
                    .as("texts to appeal %d", n)
                    .isZero();
        }
        long texts = jdbc.sql("select count(*) from notification.text_sent where appeal_id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(Long.class)
                .single();
        assertThat(texts).isZero();

        theListFiltersByLightAsEachAppealShowsIt(ids, to);
    }

    /**
     * The list's light filter reads stored moments (yellow_from, red_after); on a month of real lifecycles it must
     * pick exactly the appeals whose own light is that colour, at any time, and switch at the exact microsecond.
     */
    private void theListFiltersByLightAsEachAppealShowsIt(List<UUID> ids, Instant to) {
        var appeals = ids.stream().map(id -> store.find(id).orElseThrow()).toList();
        // From the end of the month on (the list always reads now, later than every stored step).
        for (Instant at :
                List.of(to, to.plus(Duration.ofDays(3)), to.plus(Duration.ofDays(15)), to.plus(Duration.ofDays(400)))) {
            for (TrafficLight light : TrafficLight.values()) {
                var listed = new java.util.HashSet<>(store.list(query(light, at)).stream()
                        .map(org.gongzhi.appeal.domain.Appeal::id)
                        .toList());
                var expected = appeals.stream()
                        .filter(a -> a.light(at) == light)
                        .map(org.gongzhi.appeal.domain.Appeal::id)
                        .toList();
                assertThat(listed).as("%s at %s", light, at).containsAll(expected);
                assertThat(appeals.stream()
                                .filter(a -> listed.contains(a.id()))
                                .map(org.gongzhi.appeal.domain.Appeal::id))
                        .as("%s at %s", light, at)
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
        }
        // At the exact boundaries of a running clock: the microsecond before yellow, yellow, the deadline, after it.
        var running = appeals.stream()
                .filter(a -> a.redAfter() != null && a.answeredAt() == null && a.suspendedAt() == null)
                .findFirst()
                .orElseThrow();
        Instant yellow = running.yellowFrom();
        Instant due = running.redAfter();
        assertThat(lightListed(running.id(), yellow.minusNanos(1_000))).isEqualTo(TrafficLight.GREEN);
        assertThat(lightListed(running.id(), yellow)).isEqualTo(TrafficLight.YELLOW);
        assertThat(lightListed(running.id(), due)).isEqualTo(TrafficLight.YELLOW);
        assertThat(lightListed(running.id(), due.plusNanos(1_000))).isEqualTo(TrafficLight.RED);
        // A clock stopped green stays green long after its deadline.
        appeals.stream()
                .filter(a -> a.answeredAt() != null && a.light(to) == TrafficLight.GREEN)
                .findFirst()
                .ifPresent(a -> assertThat(lightListed(a.id(), to.plus(Duration.ofDays(400))))
                        .isEqualTo(TrafficLight.GREEN));
    }

    private TrafficLight lightListed(UUID id, Instant at) {
        TrafficLight found = null;
        for (TrafficLight light : TrafficLight.values()) {
            if (store.list(query(light, at)).stream().anyMatch(a -> a.id().equals(id))) {
                assertThat(found).as("one light at a time").isNull();
                found = light;
            }
        }
        return found;
    }

    private static org.gongzhi.appeal.domain.AppealStore.ListQuery query(TrafficLight light, Instant at) {
        return new org.gongzhi.appeal.domain.AppealStore.ListQuery(
                true, List.of(), List.of(), false, null, null, null, null, light, null, null, at, null, null, 100_000);
    }
}
