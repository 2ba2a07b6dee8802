package org.gongzhi.benchmarks.floor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The floor of the start-up comparison (docs/performance.md): the platform's Spring Boot starters on the same database,
 * with no code of the platform's — the time the stack itself needs on this machine. Configured by {@code floor.yml}
 * (not the platform's {@code application.yml}, which is on the same class path).
 */
@SpringBootApplication
public class FloorApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(FloorApplication.class);
        app.setDefaultProperties(java.util.Map.of("spring.config.name", "floor"));
        app.run(args);
    }
}
