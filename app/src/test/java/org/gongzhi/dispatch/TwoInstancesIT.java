package org.gongzhi.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gongzhi.GongzhiApplication;
import org.gongzhi.appeal.AppealId;
import org.gongzhi.appeal.AppealManagement;
import org.gongzhi.appeal.AppealType;
import org.gongzhi.appeal.Channel;
import org.gongzhi.appeal.RegisterAppeal;
import org.gongzhi.appeal.Urgency;
import org.gongzhi.support.AppealCalls;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.TestClock;
import org.gongzhi.support.TestSms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application instances on one database (this test's and a second one started beside it, each with its own timer
 * scheduler): a thousand passed deadlines give exactly a thousand 督办, each with its notices once.
 */
@PlatformTest
class TwoInstancesIT {

    static final int DEADLINES = 1_000;

    @Autowired
    AppealManagement appeals;

    @Autowired
    JdbcClient jdbc;

    ConfigurableApplicationContext second;

    @AfterEach
    void stop() {
        TestClock.reset();
        if (second != null) {
            second.close();
        }
    }

    @Test
    void a_thousand_deadlines_passing_under_two_instances_raise_a_thousand_supervisions() throws Exception {
        second = new SpringApplicationBuilder(
                        GongzhiApplication.class, TestClock.Configuration.class, TestSms.Configuration.class)
                .profiles("demo", "test")
                .properties("server.port=0", "gongzhi.timers.node-name=second-instance")
                .run();
        assertThat(second.getBean(org.gongzhi.platform.Timers.class)).isNotNull();

        // A thousand work orders dispatched by the directory to the traffic police, four at a time.
        String batch = "TWO-" + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<UUID>> made = new ArrayList<>();
        for (int i = 0; i < DEADLINES; i++) {
            int n = i;
            made.add(pool.submit(() -> {
                var registered = appeals.register(new RegisterAppeal(
                                Channel.WALK_IN,
                                AppealType.COMPLAINT,
                                "E0504",
                                Urgency.ORDINARY,
                                batch + " 二里庄小区门口车辆乱停放 " + n,
                                null,
                                null,
                                null,
                                "110108010005",
                                null,
                                null,
                                "13800000000",
                                false,
                                null,
                                null))
                        .appeal();
                AppealId id = registered.id();
                var accepted = appeals.accept(id, registered.version(), "E0504", Urgency.ORDINARY);
                appeals.dispatch(id, accepted.version(), null, List.of());
                return id.value();
            }));
        }
        List<UUID> ids = new ArrayList<>();
        for (Future<UUID> f : made) {
            ids.add(f.get());
        }
        pool.shutdown();
        UUID[] all = ids.toArray(UUID[]::new);

        // Three hours on, every 2-hour response limit has passed; both schedulers pick up the timers.
        TestClock.advance(Duration.ofHours(3));
        jdbc.sql("update platform.scheduled_tasks set execution_time = execution_time - interval '3 hours'"
                        + " where not picked")
                .update();
        // Watch who picks the timers while they run: both instances take a share.
        java.util.Set<String> pickers = new java.util.HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (supervisions(all) < DEADLINES && System.nanoTime() < deadline) {
            pickers.addAll(jdbc.sql("select distinct picked_by from platform.scheduled_tasks where picked")
                    .query(String.class)
                    .list());
            Thread.sleep(10);
        }
        assertThat(pickers).contains("second-instance").hasSizeGreaterThanOrEqualTo(2);
        Thread.sleep(2_000);
        assertThat(supervisions(all)).isEqualTo(DEADLINES);
        assertThat(jdbc.sql("select count(distinct appeal_id) from dispatch.supervision where kind = 'RESPONSE'"
                                + " and appeal_id = any(:ids)")
                        .param("ids", all)
                        .query(Long.class)
                        .single())
                .isEqualTo(DEADLINES);
        // Each escalation told its recipients once.
        AppealCalls.await(
                "escalation notices",
                () -> jdbc.sql("select count(distinct appeal_id) from notification.notice where kind = 'ESCALATION'"
                                        + " and appeal_id = any(:ids)")
                                .param("ids", all)
                                .query(Long.class)
                                .single()
                        == DEADLINES);
        assertThat(jdbc.sql("select count(*) from (select appeal_id, organisation_id, unit_id, count(*)"
                                + " from notification.notice where kind = 'ESCALATION' and appeal_id = any(:ids)"
                                + " group by 1, 2, 3 having count(*) > 1) d")
                        .param("ids", all)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    long supervisions(UUID[] ids) {
        return jdbc.sql("select count(*) from dispatch.supervision where kind = 'RESPONSE' and appeal_id = any(:ids)")
                .param("ids", ids)
                .query(Long.class)
                .single();
    }
}
