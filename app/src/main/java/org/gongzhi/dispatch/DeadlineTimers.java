package org.gongzhi.dispatch;

import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.appeal.AppealClock;
import org.gongzhi.appeal.AppealEvent;
import org.gongzhi.appeal.AppealId;
import org.gongzhi.appeal.AppealQueries;
import org.gongzhi.appeal.AppealState;
import org.gongzhi.dispatch.domain.SupervisionStore;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganisationView;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.platform.ClockedTasks;
import org.gongzhi.platform.Timers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clocks of dispatched appeals (DOMAIN.md §4, Clocks; ADR 0018). When an appeal is dispatched, resumed or given an
 * extension, timers are set — in the same transaction — for the response deadline, the resolution deadline and the
 * moment 80 % of the resolution limit is used. A timer that fires checks the appeal as it is then: a deadline still
 * running and passed raises one 督办 ({@link SupervisionRaised}, recorded once per appeal, kind and deadline); a
 * deadline that moved, or was met, or is suspended, is left alone (the moved one has its own timer).
 */
@Component
class DeadlineTimers {

    static final String RESPONSE = "dispatch-response-due";
    static final String RESOLUTION = "dispatch-resolution-due";
    static final String WARNING = "dispatch-resolution-warning";

    private static final Set<AppealState> AWAITING_RESPONSE = EnumSet.of(AppealState.DISPATCHED, AppealState.SIGNED);
    private static final Set<AppealState> AWAITING_ANSWER =
            EnumSet.of(AppealState.DISPATCHED, AppealState.SIGNED, AppealState.HANDLING);

    private final Timers timers;
    private final DeadlineTasks tasks;

    DeadlineTimers(Timers timers, DeadlineTasks tasks) {
        this.timers = timers;
        this.tasks = tasks;
    }

    @EventListener
    void on(AppealEvent.Dispatched e) {
        timers.schedule(tasks.response, instance(e.appeal(), e.responseDue()), e.responseDue());
        scheduleResolution(e.appeal(), e.at(), e.resolutionDue());
    }

    @EventListener
    void on(AppealEvent.Resumed e) {
        if (e.resolutionDue() != null) {
            timers.schedule(tasks.resolution, instance(e.appeal(), e.resolutionDue()), e.resolutionDue());
        }
    }

    @EventListener
    void on(AppealEvent.ExtensionDecided e) {
        if (e.approved()) {
            timers.schedule(tasks.resolution, instance(e.appeal(), e.resolutionDue()), e.resolutionDue());
        }
    }

    private void scheduleResolution(AppealId appeal, Instant start, Instant due) {
        timers.schedule(tasks.resolution, instance(appeal, due), due);
        Duration limit = Duration.between(start, due);
        Instant warning = start.plus(limit.multipliedBy(4).dividedBy(5));
        timers.schedule(tasks.warning, instance(appeal, due), warning);
    }

    /** {@code <appeal>|<deadline in epoch seconds>}: a moved deadline is a new timer; the same one is set once. */
    static String instance(AppealId appeal, Instant due) {
        return appeal.value() + "|" + due.getEpochSecond();
    }

    /** The task beans and what they do when a timer fires. */
    @Configuration(proxyBeanMethods = false)
    static class DeadlineTasks {

        final Task<Void> response;
        final Task<Void> resolution;
        final Task<Void> warning;

        DeadlineTasks(Firing firing, Clock clock) {
            this.response =
                    ClockedTasks.oneTime(RESPONSE, clock, instance -> firing.fire(SupervisionKind.RESPONSE, instance));
            this.resolution = ClockedTasks.oneTime(
                    RESOLUTION, clock, instance -> firing.fire(SupervisionKind.RESOLUTION, instance));
            this.warning = ClockedTasks.oneTime(WARNING, clock, firing::warn);
        }

        @Bean
        Task<Void> responseDueTask() {
            return response;
        }

        @Bean
        Task<Void> resolutionDueTask() {
            return resolution;
        }

        @Bean
        Task<Void> resolutionWarningTask() {
            return warning;
        }
    }

    /** What a fired timer does, in its own transaction. */
    @Component
    static class Firing {

        private final AppealQueries appeals;
        private final OrganizationQueries organisations;
        private final SupervisionStore supervisions;
        private final AuditTrail audit;
        private final ApplicationEventPublisher events;
        private final TransactionTemplate transaction;
        private final Clock clock;

        Firing(
                AppealQueries appeals,
                OrganizationQueries organisations,
                SupervisionStore supervisions,
                AuditTrail audit,
                ApplicationEventPublisher events,
                TransactionTemplate transaction,
                Clock clock) {
            this.appeals = appeals;
            this.organisations = organisations;
            this.supervisions = supervisions;
            this.audit = audit;
            this.events = events;
            this.transaction = transaction;
            this.clock = clock;
        }

        void fire(SupervisionKind kind, String instance) {
            String[] parts = instance.split("\\|");
            AppealId id = new AppealId(UUID.fromString(parts[0]));
            Instant due = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            transaction.executeWithoutResult(status -> {
                AppealClock c = appeals.clock(id);
                if (!stillRunning(kind, c, due)) {
                    return;
                }
                Instant now = Instant.now(clock);
                supervisions
                        .raise(id.value(), c.trackingCode(), kind, due, now, c.handlerId(), c.subdistrictId())
                        .ifPresent(supervision -> {
                            audit.record(AuditRecord.created(
                                    "dispatch.supervision.raised",
                                    "appeal",
                                    id.toString(),
                                    Map.of("kind", kind.name(), "due", due.toString())));
                            events.publishEvent(new SupervisionRaised(
                                    supervision,
                                    id,
                                    kind,
                                    due,
                                    now,
                                    c.handlerId(),
                                    supervisor(c.handlerId()),
                                    c.subdistrictId()));
                        });
            });
        }

        void warn(String instance) {
            String[] parts = instance.split("\\|");
            AppealId id = new AppealId(UUID.fromString(parts[0]));
            Instant due = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            transaction.executeWithoutResult(status -> {
                AppealClock c = appeals.clock(id);
                // A warning that fires late (the platform was down over the 80 % mark) says nothing once the deadline
                // itself has passed: the overdue notice is the one that counts then.
                if (Instant.now(clock).isBefore(due) && stillRunning(SupervisionKind.RESOLUTION, c, due)) {
                    events.publishEvent(new DeadlineApproaching(id, due, c.handlerId()));
                }
            });
        }

        /** Whether the deadline {@code due} of this kind is still the appeal's and still unmet. */
        static boolean stillRunning(SupervisionKind kind, AppealClock c, Instant due) {
            return switch (kind) {
                case RESPONSE ->
                    AWAITING_RESPONSE.contains(c.state())
                            && c.respondedAt() == null
                            && c.responseDue() != null
                            && c.responseDue().getEpochSecond() == due.getEpochSecond();
                case RESOLUTION ->
                    AWAITING_ANSWER.contains(c.state())
                            && c.resolutionDue() != null
                            && c.resolutionDue().getEpochSecond() == due.getEpochSecond();
            };
        }

        private UUID supervisor(UUID handler) {
            return handler == null
                    ? null
                    : organisations
                            .organisation(new OrganisationId(handler))
                            .map(OrganisationView::parentId)
                            .map(OrganisationId::value)
                            .orElse(null);
        }
    }
}
