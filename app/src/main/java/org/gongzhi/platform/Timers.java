package org.gongzhi.platform;

import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Instant;

/**
 * Persistent one-time timers (db-scheduler, table {@code platform.scheduled_tasks}): a module declares its task as a
 * bean ({@code Tasks.oneTime("dispatch-resolution-due").execute(…)}) and schedules instances of it here. Scheduling
 * joins the caller's transaction, so a timer exists exactly when the change that set it committed. Each instance fires
 * once, on one node, also across restarts; an instance id already scheduled is left as it is, so scheduling is
 * idempotent.
 */
public interface Timers {

    /**
     * Sets a timer for {@code task} named {@code instance} (unique within the task) to fire at {@code at}; returns
     * false when that instance was already set.
     */
    boolean schedule(Task<Void> task, String instance, Instant at);
}
