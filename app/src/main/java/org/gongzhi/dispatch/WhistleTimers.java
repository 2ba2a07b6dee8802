package org.gongzhi.dispatch;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.UUID;
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

        final OneTimeTask<Void> task;

        Task(ObjectProvider<Whistles> whistles, TransactionTemplate transaction) {
            this.task = Tasks.oneTime(TASK)
                    .execute((instance, context) -> transaction.executeWithoutResult(
                            status -> whistles.getObject().escalate(new WhistleId(UUID.fromString(instance.getId())))));
        }
    }

    @Bean
    Task whistleReportByTask(ObjectProvider<Whistles> whistles, TransactionTemplate transaction) {
        return new Task(whistles, transaction);
    }

    @Bean
    com.github.kagkarlsson.scheduler.task.Task<Void> whistleReportBy(Task task) {
        return task.task;
    }
}
