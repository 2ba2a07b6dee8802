package org.gongzhi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application started as an operator starts it — {@code java -jar} on the repackaged jar, in a folder of
 * its own, with no test configuration — for tests of the commands the README gives. The database settings of the
 * test run are not passed on, so the launched application uses its own embedded PostgreSQL in that folder.
 */
public final class LaunchedApplication {

    private LaunchedApplication() {}

    /** The repackaged jar that {@code package} built before the integration tests run. */
    public static Path jar() {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No -exec.jar in target: run the package phase"))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A command line for {@code java -jar} with the given arguments. */
    public static ProcessBuilder command(Path workingDirectory, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("GONGZHI_") || k.startsWith("SPRING_"));
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        return builder;
    }

    /** Runs a one-shot command to its end (at most {@code limit}) and returns its exit code and everything it printed. */
    public static Result run(ProcessBuilder builder, Duration limit) {
        try {
            Path out = Files.createTempFile("gongzhi-command", ".log");
            builder.redirectOutput(out.toFile());
            Process process = builder.start();
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "The command did not end within " + limit + ":\n" + Files.readString(out));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Result(int exitCode, String output) {}

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two fresh Base64 keys of 32 bytes, as {@code openssl rand -base64 32} makes them. */
    public static Map<String, String> productionKeys() {
        var random = new java.security.SecureRandom();
        byte[] data = new byte[32];
        byte[] lookup = new byte[32];
        random.nextBytes(data);
        random.nextBytes(lookup);
        return Map.of(
                "GONGZHI_DATA_KEY", java.util.Base64.getEncoder().encodeToString(data),
                "GONGZHI_LOOKUP_KEY", java.util.Base64.getEncoder().encodeToString(lookup));
    }
}
