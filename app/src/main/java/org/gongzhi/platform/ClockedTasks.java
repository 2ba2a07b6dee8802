package org.gongzhi.platform;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * One-time timer tasks that keep the platform's time. The timer table runs on each node's system clock (ADR 0018),
 * while every deadline is computed on the injected {@link Clock}; when the two disagree — a test holding the platform
 * clock at a past instant, a node whose clock lags the one that set the timer — a timer reached on the system clock
 * but not yet on the platform's does nothing and looks again a little later (at most {@link #RECHECK}), instead of
 * escalating or closing a round before its time.
 */
public final class ClockedTasks {

    /** The longest wait before a timer that fired early looks at the platform clock again. */
    public static final Duration RECHECK = Duration.ofSeconds(5);

    private ClockedTasks() {}

    /**
     * A task named {@code name} (unique across the installation) whose {@code action} receives the instance id once
     * {@code clock} has reached the timer's time; an action that throws is tried again five minutes later, and a timer
     * left by a node that died is revived, as for db-scheduler's own one-time tasks.
     */
    public static Task<Void> oneTime(String name, Clock clock, Consumer<String> action) {
        return Tasks.custom(name, Void.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Tasks.DEFAULT_RETRY_INTERVAL))
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> {
                    Instant due = context.getExecution().executionTime;
                    Instant now = clock.instant();
                    if (now.isBefore(due)) {
                        Duration wait = Duration.between(now, due);
                        Instant again = Instant.now().plus(wait.compareTo(RECHECK) < 0 ? wait : RECHECK);
                        return (CompletionHandler<Void>)
                                (complete, operations) -> operations.reschedule(complete, again);
                    }
                    action.accept(instance.getId());
                    return (complete, operations) -> operations.remove();
                });
    }
}
