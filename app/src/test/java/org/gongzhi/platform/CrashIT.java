package org.gongzhi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongzhi.support.LaunchedApplication;
import org.gongzhi.support.OwnEmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The machine loses power while 200 appeals are being submitted: the application and its database are killed with
 * SIGKILL mid-run. After a restart every appeal that was acknowledged (201) is there exactly once, and no appeal is
 * there twice.
 */
@OwnEmbeddedDatabase
class CrashIT {

    static final int SUBMISSIONS = 200;

    @Test
    void every_acknowledged_appeal_survives_a_kill_and_none_is_doubled(@TempDir Path folder) throws Exception {
        int port = LaunchedApplication.freePort();
        Process app = start(folder, port);
        Queue acknowledged = new Queue();
        AtomicInteger failed = new AtomicInteger();
        try {
            HttpClient http = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            String token = signIn(http, port);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            for (int i = 0; i < SUBMISSIONS; i++) {
                String number = "CRASH-" + i;
                pool.submit(() -> {
                    try {
                        HttpResponse<String> r = http.send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/appeals"))
                                        .timeout(Duration.ofSeconds(20))
                                        .header("Content-Type", "application/json")
                                        .header("Accept", "application/json")
                                        .header("X-CSRF-TOKEN", token)
                                        .POST(HttpRequest.BodyPublishers.ofString(body(number)))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201) {
                            acknowledged.add(number);
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception connectionLost) {
                        failed.incrementAndGet();
                    }
                });
            }
            // Pull the plug once a good part is acknowledged: the application and every database process.
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (acknowledged.size() < 60 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            killEverything(app, folder);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            app.destroyForcibly();
        }
        List<String> acked = acknowledged.list();
        assertThat(acked).as("acknowledged before the kill").hasSizeGreaterThanOrEqualTo(60);
        assertThat(acked.size()).as("the kill came mid-run").isLessThan(SUBMISSIONS);

        Process again = start(folder, port);
        try {
            Map<String, Long> stored = stored(folder);
            for (String number : acked) {
                assertThat(stored.getOrDefault(number, 0L)).as(number).isEqualTo(1L);
            }
            assertThat(stored.values()).allMatch(n -> n == 1L);
            // The clients send everything again, as they would not knowing what got through: each work order is
            // registered once — answered 201 if it was lost, 200 with the first registration if it was kept.
            HttpClient http =
                    HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String token = signIn(http, port);
            for (int i = 0; i < SUBMISSIONS; i++) {
                String number = "CRASH-" + i;
                int status = http.send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/appeals"))
                                        .header("Content-Type", "application/json")
                                        .header("Accept", "application/json")
                                        .header("X-CSRF-TOKEN", token)
                                        .POST(HttpRequest.BodyPublishers.ofString(body(number)))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                assertThat(status).as(number).isIn(200, 201);
                if (acked.contains(number)) {
                    assertThat(status).as("%s was kept", number).isEqualTo(200);
                }
            }
            Map<String, Long> after = stored(folder);
            assertThat(after).hasSize(SUBMISSIONS);
            assertThat(after.values()).allMatch(n -> n == 1L);
        } finally {
            again.destroy();
            if (!again.waitFor(60, TimeUnit.SECONDS)) {
                again.destroyForcibly();
            }
        }
    }

    /** Thread-safe list of what was acknowledged. */
    static final class Queue {
        private final ConcurrentLinkedQueue<String> items = new ConcurrentLinkedQueue<>();

        void add(String s) {
            items.add(s);
        }

        int size() {
            return items.size();
        }

        List<String> list() {
            return new ArrayList<>(items);
        }
    }

    static String body(String number) {
        return "{\"channel\":\"HOTLINE\",\"type\":\"COMPLAINT\",\"categoryCode\":\"E0504\",\"content\":\"断电测试："
                + number + " 小区门口车辆乱停放\",\"unitCode\":\"110108010005\",\"reporterPhone\":\"13800138000\","
                + "\"workOrderNumber\":\"" + number + "\"}";
    }

    static Process start(Path folder, int port) throws Exception {
        Process app = LaunchedApplication.command(
                        folder,
                        Map.of(),
                        "--spring.profiles.active=demo",
                        "--server.port=" + port,
                        "--gongzhi.demo-data.appeals-per-subdistrict=0")
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        folder.resolve("app.log").toFile()))
                .start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (DefaultRunIT.status(http, port, "/actuator/health/readiness") != 200) {
            assertThat(app.isAlive())
                    .as(Files.readString(folder.resolve("app.log")))
                    .isTrue();
            assertThat(System.nanoTime()).as("ready within 3 minutes").isLessThan(deadline);
            Thread.sleep(200);
        }
        return app;
    }

    static String signIn(HttpClient http, int port) throws Exception {
        String base = "http://localhost:" + port;
        String login = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String form =
                "username=xueyuanlu.street-admin&password=" + URLEncoder.encode("Demo#2026gz", StandardCharsets.UTF_8)
                        + "&_csrf=" + URLEncoder.encode(csrf(login), StandardCharsets.UTF_8);
        var signedIn = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String page = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/appeals/new"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return csrf(page);
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    /** SIGKILL to the application and to the database server with all its processes, as a power cut would. */
    static void killEverything(Process app, Path folder) throws Exception {
        String dataDir = folder.resolve("data/pg").toString();
        List<ProcessHandle> postgres = ProcessHandle.allProcesses()
                .filter(p ->
                        p.info().commandLine().map(c -> c.contains(dataDir)).orElse(false))
                .toList();
        app.destroyForcibly();
        for (ProcessHandle p : postgres) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        app.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle p : postgres) {
            p.onExit().get(30, TimeUnit.SECONDS);
        }
        assertThat(postgres).as("database processes found to kill").isNotEmpty();
    }

    /** Appeals stored per CRASH- work-order number, read from the restarted application's own database. */
    static Map<String, Long> stored(Path folder) throws Exception {
        List<String> pid = Files.readAllLines(folder.resolve("data/pg/postmaster.pid"));
        String url = "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres";
        Map<String, Long> found = new java.util.HashMap<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                ResultSet rs = c.createStatement()
                        .executeQuery("select work_order_number, count(*) from appeal.appeal"
                                + " where work_order_number like 'CRASH-%' group by 1")) {
            while (rs.next()) {
                found.put(rs.getString(1), rs.getLong(2));
            }
        }
        return found;
    }
}
