package org.gongzhi.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL server per data directory and JVM. Application contexts (several in a test run) share the
 * server; it stops when the JVM exits.
 */
final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final ConcurrentMap<Path, EmbeddedPostgres> servers = new ConcurrentHashMap<>();

    private EmbeddedDatabase() {}

    static EmbeddedPostgres serverFor(String dataDir, boolean cleanStart) {
        Path dir = Path.of(dataDir).toAbsolutePath().normalize();
        return servers.computeIfAbsent(dir, d -> start(d, cleanStart));
    }

    /** Starts a server on {@code dir}; the caller owns it. Data already in {@code dir} is kept unless told otherwise. */
    static EmbeddedPostgres start(Path dir, boolean cleanStart) {
        try {
            if (cleanStart) {
                deleteRecursively(dir);
            }
            Files.createDirectories(dir);
            long started = System.nanoTime();
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.toFile())
                    .setCleanDataDirectory(false)
                    .setPort(0)
                    .setServerConfig("max_connections", "100")
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
            paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
