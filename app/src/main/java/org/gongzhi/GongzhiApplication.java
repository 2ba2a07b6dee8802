package org.gongzhi;

import java.time.Duration;
import java.util.Comparator;
import java.util.stream.StreamSupport;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;

@SpringBootApplication
public class GongzhiApplication {

    /**
     * Starts the platform. With {@code -Dgongzhi.startup.report=N} it also prints the N slowest start-up steps (bean
     * creations, configuration phases) once it is ready — where the start-up time goes (docs/performance.md).
     */
    public static void main(String[] args) {
        int report = Integer.getInteger("gongzhi.startup.report", 0);
        SpringApplication app = new SpringApplication(GongzhiApplication.class);
        BufferingApplicationStartup steps = report > 0 ? new BufferingApplicationStartup(20_000) : null;
        if (steps != null) {
            app.setApplicationStartup(steps);
        }
        app.run(args);
        if (steps != null) {
            print(steps.getBufferedTimeline(), report);
        }
    }

    private static void print(StartupTimeline timeline, int most) {
        System.out.println("Slowest start-up steps (own time includes children):");
        StreamSupport.stream(timeline.getEvents().spliterator(), false)
                .sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration)
                        .reversed())
                .limit(most)
                .forEach(e -> System.out.printf(
                        "%7d ms  %s %s%n",
                        e.getDuration().toMillis(), e.getStartupStep().getName(), describe(e)));
        System.out.println("Total: "
                + Duration.between(timeline.getStartTime(), java.time.Instant.now())
                        .toMillis() + " ms since the JVM started the application");
    }

    private static String describe(StartupTimeline.TimelineEvent e) {
        StringBuilder tags = new StringBuilder();
        e.getStartupStep()
                .getTags()
                .forEach(t ->
                        tags.append(t.getKey()).append('=').append(t.getValue()).append(' '));
        return tags.toString().strip();
    }
}
