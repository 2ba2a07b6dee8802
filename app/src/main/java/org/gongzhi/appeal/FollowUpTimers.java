package org.gongzhi.appeal;

import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import java.util.UUID;
import org.gongzhi.platform.ClockedTasks;
import org.gongzhi.platform.Timers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The end of each 回访 round (ADR 0023): when an appeal is answered, a timer is set — in the same transaction — for the
 * moment its 回访 is due; when it fires on one node, a round still unanswered is recorded as {@link
 * FollowUpSource#NO_ANSWER}. A round answered meanwhile, or an appeal that moved on, is left alone.
 */
@Component
class FollowUpTimers {

    static final String TASK = "appeal-follow-up-due";

    private final Timers timers;
    private final FollowUpTask task;

    FollowUpTimers(Timers timers, FollowUpTask task) {
        this.timers = timers;
        this.task = task;
    }

    @EventListener
    void on(AppealEvent.Answered e) {
        if (e.followUpDue() != null) {
            timers.schedule(task.task, e.appeal().value() + "|" + e.round(), e.followUpDue());
        }
    }

    /** The task bean, and what it does when a timer fires. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(FollowUpSettings.class)
    static class FollowUpTask {

        final Task<Void> task;

        FollowUpTask(FollowUps followUps, Clock clock) {
            this.task = ClockedTasks.oneTime(TASK, clock, instance -> {
                String[] parts = instance.split("\\|");
                followUps.expire(new AppealId(UUID.fromString(parts[0])), Integer.parseInt(parts[1]));
            });
        }

        @Bean
        Task<Void> followUpDueTask() {
            return task;
        }
    }
}
