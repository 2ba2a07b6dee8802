package org.gongzhi.platform;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Wires db-scheduler (ADR 0018): one scheduler per node over the shared database, with every {@link Task} bean of the
 * modules, started once the application is ready (after migrations and demo data) and stopped before the database
 * goes. It keeps the system clock: its waits between polls are measured on the clock it is given, and a clock moved
 * back (as tests do) would stall them; tests move a timer's time in its table instead. Tasks built with {@link
 * ClockedTasks} act only once the platform's own clock has reached their time.
 */
@Configuration(proxyBeanMethods = false)
class TimerConfiguration {

    static final String TABLE = "platform.scheduled_tasks";

    @Bean
    Timers timers(DataSource dataSource, ObjectProvider<Task<?>> tasks) {
        // Through the transaction-aware proxy, scheduling uses the caller's connection and commits with it.
        SchedulerClient client = SchedulerClient.Builder.create(
                        new TransactionAwareDataSourceProxy(dataSource),
                        List.copyOf(tasks.orderedStream().toList()))
                .tableName(TABLE)
                .build();
        return (task, instance, at) -> client.scheduleIfNotExists(task.instance(instance), at);
    }

    @Bean
    TimerRunner timerRunner(
            DataSource dataSource,
            ObjectProvider<Task<?>> tasks,
            @Value("${gongzhi.timers.enabled:true}") boolean enabled,
            @Value("${gongzhi.timers.polling-interval:PT10S}") Duration polling,
            @Value("${gongzhi.timers.threads:4}") int threads,
            @Value("${gongzhi.timers.node-name:}") String nodeName) {
        return new TimerRunner(
                dataSource, List.copyOf(tasks.orderedStream().toList()), enabled, polling, threads, nodeName);
    }

    /** Runs the scheduler between the application being ready and its shutdown. */
    static final class TimerRunner implements SmartLifecycle {

        private final boolean enabled;
        private final Scheduler scheduler;
        private volatile boolean running;

        TimerRunner(
                DataSource dataSource,
                List<Task<?>> tasks,
                boolean enabled,
                Duration polling,
                int threads,
                String nodeName) {
            this.enabled = enabled;
            var builder = Scheduler.create(dataSource, tasks);
            if (nodeName != null && !nodeName.isBlank()) {
                // Which node picked a timer shows in the table (picked_by); the host name otherwise.
                builder = builder.schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed(nodeName));
            }
            this.scheduler = builder.tableName(TABLE)
                    .threads(threads)
                    .pollingInterval(polling)
                    .shutdownMaxWait(Duration.ofSeconds(5))
                    .build();
        }

        @EventListener(ApplicationReadyEvent.class)
        public void ready() {
            if (enabled && !running) {
                scheduler.start();
                running = true;
            }
        }

        /** Nothing to do at context start: the scheduler waits for {@link ApplicationReadyEvent}. */
        @Override
        public void start() {}

        @Override
        public void stop() {
            if (running) {
                scheduler.stop();
                running = false;
            }
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public boolean isAutoStartup() {
            return true;
        }

        /** Stops early in shutdown, before the database. */
        @Override
        public int getPhase() {
            return Integer.MAX_VALUE - 100;
        }
    }
}
