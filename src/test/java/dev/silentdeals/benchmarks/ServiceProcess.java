package dev.silentdeals.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as its own JVM, with only the settings given (no SLACK_*, REDIS_URL, CRM_* or JVM options
 * inherited), its output in a log file, stopped with SIGTERM (the graceful shutdown stops its embedded
 * Redis) and killed only if that takes too long.
 */
final class ServiceProcess implements AutoCloseable {

    private static final List<String> NOT_INHERITED = List.of("SLACK_", "REDIS_URL", "CRM_", "DATA_DIR", "SERVER_PORT",
            "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "HUBSPOT_", "SALESFORCE_", "PIPEDRIVE_",
            "TEAMS_FILE", "EMBEDDED_REDIS_PORT");

    private final Process process;
    private final int port;
    private final long startedNanos;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess(Process process, int port, long startedNanos) {
        this.process = process;
        this.port = port;
        this.startedNanos = startedNanos;
    }

    static ServiceProcess start(ServiceLauncher launcher, Map<String, String> env, Path log) throws IOException {
        int port = freeLoopbackPort();
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(launcher.command())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> NOT_INHERITED.stream().anyMatch(name::startsWith));
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
        long started = System.nanoTime();
        return new ServiceProcess(builder.start(), port, started);
    }

    /** Polls readiness until it says UP; returns the nanoseconds since the process was started. */
    long awaitReady(Duration bound) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + " before it was ready");
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return System.nanoTime() - startedNanos;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the service was not ready within " + bound.toSeconds() + " s");
    }

    /** Waits for a process that ends by itself (a training run); returns its exit code. */
    int awaitExit(Duration bound) throws InterruptedException {
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the process did not end within " + bound.toSeconds() + " s");
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The last line the process wrote, to say why it stopped. */
    String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /** VmRSS: what the JVM holds in memory now. */
    long rssBytes() throws IOException {
        return status("VmRSS:");
    }

    /** VmHWM: the most it ever held. */
    long peakRssBytes() throws IOException {
        return status("VmHWM:");
    }

    private long status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("/proc/" + process.pid() + "/status has no " + field);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
