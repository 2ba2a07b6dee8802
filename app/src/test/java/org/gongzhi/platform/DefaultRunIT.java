package org.gongzhi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongzhi.support.LaunchedApplication;
import org.gongzhi.support.OwnEmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default run (embedded PostgreSQL, demo data) launched as the README's run command launches it: its database
 * flushes every commit (a power cut loses nothing acknowledged), and it says it is ready only once it can serve —
 * after the demo data is in.
 */
@OwnEmbeddedDatabase
class DefaultRunIT {

    @Test
    void the_default_run_is_durable_and_ready_only_when_its_data_is_loaded(@TempDir Path folder) throws Exception {
        int port = LaunchedApplication.freePort();
        Process app = LaunchedApplication.command(
                        folder, Map.of(), "--spring.profiles.active=demo", "--server.port=" + port)
                .redirectOutput(folder.resolve("app.log").toFile())
                .start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            Integer firstReady = null;
            boolean sawNotReady = false;
            while (System.nanoTime() < deadline && firstReady == null) {
                assertThat(app.isAlive())
                        .as(Files.readString(folder.resolve("app.log")))
                        .isTrue();
                // Each probe is asked, then the database: whenever a probe says UP, the demo data must be in.
                // (Asked in this order, a probe that turns UP in between can only make the check pass late, never
                // fail it wrongly.)
                int health = status(http, port, "/actuator/health");
                int readiness = status(http, port, "/actuator/health/readiness");
                if (health == 200 || readiness == 200) {
                    Map<String, String> db = database(folder);
                    assertThat(Long.parseLong(db.get("units")))
                            .as("health %d, readiness %d", health, readiness)
                            .isPositive();
                    assertThat(Long.parseLong(db.get("accounts"))).isPositive();
                }
                if (readiness == 200) {
                    firstReady = readiness;
                    assertThat(status(http, port, "/actuator/health")).isEqualTo(200);
                    Map<String, String> db = database(folder);
                    assertThat(db.get("fsync")).isEqualTo("on");
                    assertThat(db.get("synchronous_commit")).isEqualTo("on");
                    assertThat(db.get("full_page_writes")).isEqualTo("on");
                    // A month of synthetic appeals, all flagged synthetic, is there at once: every state in each
                    // of the three 街道.
                    assertThat(Long.parseLong(db.get("synthetic appeals"))).isGreaterThanOrEqualTo(150);
                    assertThat(Long.parseLong(db.get("appeal states")))
                            .isEqualTo(org.gongzhi.appeal.AppealState.values().length);
                    assertThat(db.get("real appeals")).isEqualTo("0");
                } else {
                    sawNotReady |= readiness == 503;
                    Thread.sleep(100);
                }
            }
            assertThat(firstReady)
                    .as(Files.readString(folder.resolve("app.log")))
                    .isEqualTo(200);
            // The demo data takes seconds to load while the server already answers: the probe said so meanwhile.
            assertThat(sawNotReady).as("readiness reported 503 while loading").isTrue();
        } finally {
            app.destroy();
            if (!app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    /** Anonymous writes without a CSRF token are refused, and a flood of them leaves no session behind. */
    static void refusedWritesOpenNoSession(HttpClient http, int port, Path folder) throws Exception {
        long sessionsBefore = Long.parseLong(database(folder).get("sessions"));
        for (int i = 0; i < 20; i++) {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/organizations"))
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"匿名\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
        }
        assertThat(Long.parseLong(database(folder).get("sessions"))).isEqualTo(sessionsBefore);
    }

    static int status(HttpClient http, int port, String path) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception notListeningYet) {
            return -1;
        }
    }

    /** Reads the running application's own database: its port from the server's pid file in the data folder. */
    static Map<String, String> database(Path folder) throws Exception {
        List<String> pid = Files.readAllLines(folder.resolve("data/pg/postmaster.pid"));
        String url = "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres";
        Map<String, String> found = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet rs = c.createStatement().executeQuery("show " + setting)) {
                    rs.next();
                    found.put(setting, rs.getString(1));
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("select count(*) from territory.unit")) {
                rs.next();
                found.put("units", rs.getString(1));
            }
            try (ResultSet rs = c.createStatement().executeQuery("select count(*) from identity.account")) {
                rs.next();
                found.put("accounts", rs.getString(1));
            }
            for (var q : Map.of(
                            "synthetic appeals",
                            "select count(*) from appeal.appeal where synthetic",
                            "real appeals",
                            "select count(*) from appeal.appeal where not synthetic",
                            "appeal states",
                            "select min(n) from (select count(distinct state) as n from appeal.appeal"
                                    + " group by subdistrict_id) s")
                    .entrySet()) {
                try (ResultSet rs = c.createStatement().executeQuery(q.getValue())) {
                    rs.next();
                    found.put(q.getKey(), rs.getString(1));
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("select count(*) from spring_session")) {
                rs.next();
                found.put("sessions", rs.getString(1));
            }
        }
        return found;
    }
}
