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

    @Autowired
    Whistles whistles;

    @Autowired
    org.gongzhi.territory.TerritoryQueries territory;

    @Test
    void each_department_not_on_site_is_escalated_once_under_two_instances() throws Exception {
        second = new SpringApplicationBuilder(
                        GongzhiApplication.class, TestClock.Configuration.class, TestSms.Configuration.class)
                .profiles("demo", "test")
                .properties("server.port=0", "gongzhi.timers.node-name=second-instance")
                .run();
        UUID street = territory.requireByCode("110108010").id().value();
        List<UUID> departments = jdbc.sql("select id from organization.organisation where name in"
                        + " ('海淀区城市管理综合行政执法局学院路执法队', '海淀区市场监督管理局学院路所') order by name")
                .query(UUID.class)
                .list();
        int count = 200;
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(whistles.blow(new BlowWhistle(
                            street,
                            null,
                            "背街小巷联合整治 " + i,
                            null,
                            WhistleCase.JOINT_ENFORCEMENT,
                            java.time.Instant.now().plus(Duration.ofHours(1)),
                            departments))
                    .id()
                    .value());
        }
        UUID[] all = ids.toArray(UUID[]::new);
        // The report-by times pass: both schedulers pick up the timers.
        jdbc.sql("update platform.scheduled_tasks set execution_time = execution_time - interval '2 hours'"
                        + " where task_name = 'dispatch-whistle-report-by' and not picked")
                .update();
        AppealCalls.await("every absent department escalated", () -> escalated(all) == 2L * count);
        Thread.sleep(2_000);
        assertThat(escalated(all)).isEqualTo(2L * count);
        assertThat(jdbc.sql("select count(*) from platform.audit_event where action = 'dispatch.whistle.report-overdue'"
                                + " and object_id = any(:ids)")
                        .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(2L * count);
        AppealCalls.await(
                "overdue notices to each department once",
                () -> jdbc.sql("select count(*) from notification.notice where kind = 'REPORT_OVERDUE'"
                                        + " and whistle_id = any(:ids) and organisation_id is not null")
                                .param("ids", all)
                                .query(Long.class)
                                .single()
                        >= 2L * count);
        assertThat(jdbc.sql("select count(*) from (select whistle_id, organisation_id, unit_id, ref, count(*)"
                                + " from notification.notice where kind = 'REPORT_OVERDUE' and whistle_id = any(:ids)"
                                + " group by 1, 2, 3, 4 having count(*) > 1) d")
                        .param("ids", all)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    long escalated(UUID[] whistleIds) {
        return jdbc.sql(
                        "select count(*) from dispatch.summons where escalated_at is not null and whistle_id = any(:ids)")
                .param("ids", whistleIds)
                .query(Long.class)
                .single();
    }
}
