package org.gongzhi.dispatch;

import java.time.Clock;
import java.util.UUID;
import org.gongzhi.platform.ClockedTasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The report-by time of each whistle (ADR 0024): a timer set when the whistle is blown fires once, on one node, and
 * escalates every summoned department not yet on site — each once, by a conditional update, however often the timer
 * fires.
 */
@Configuration(proxyBeanMethods = false)
class WhistleTimers {

    static final String TASK = "dispatch-whistle-report-by";

    /** The task, built before the façade that schedules it. */
    static class Task {

        final com.github.kagkarlsson.scheduler.task.Task<Void> task;

        Task(ObjectProvider<Whistles> whistles, TransactionTemplate transaction, Clock clock) {
            this.task = ClockedTasks.oneTime(
                    TASK,
                    clock,
                    instance -> transaction.executeWithoutResult(
                            status -> whistles.getObject().escalate(new WhistleId(UUID.fromString(instance)))));
        }
    }

    @Bean
    Task whistleReportByTask(ObjectProvider<Whistles> whistles, TransactionTemplate transaction, Clock clock) {
        return new Task(whistles, transaction, clock);
    }

    @Bean
    com.github.kagkarlsson.scheduler.task.Task<Void> whistleReportBy(Task task) {
        return task.task;
    }
}
