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
        // Older appeals closed, recent ones still open, and the detours a real month has.
        // (Which detours a run takes depends on the hour it starts: the same seed, other office hours.)
        assertThat(written.byState().keySet()).contains(AppealState.CLOSED).hasSizeGreaterThanOrEqualTo(7);
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
        long early = jdbc.sql("select count(*) from appeal.appeal where synthetic and registered_at < :from")
                .param("from", Timestamp.from(from))
                .query(Long.class)
                .single();
        assertThat(early).isZero();

        // Every step is later than the one before it, none is after the end, and each is signed as synthetic.
        List<Map<String, Object>> steps = jdbc.sql("select s.appeal_id, s.at, s.actor from appeal.step s"
                        + " join appeal.appeal a on a.id = s.appeal_id where a.synthetic order by s.appeal_id, s.id")
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
    }
}
