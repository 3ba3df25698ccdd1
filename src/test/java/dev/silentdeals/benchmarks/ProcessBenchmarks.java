package dev.silentdeals.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.silentdeals.redis.RedisKeys;

/**
 * The figures that need the service as its own JVM: time from launch to ready in preview mode with the
 * bundled sample, and resident memory after syncing a large CRM file.
 */
final class ProcessBenchmarks {

    static final String STARTUP_FIGURE = "start to ready";
    static final String RSS_FIGURE = "JVM RSS";
    private static final String PREVIEW_TEAM = "T0PREVIEW";

    private final ServiceLauncher launcher;
    private final Path workDir;

    ProcessBenchmarks(ServiceLauncher launcher, Path workDir) {
        this.launcher = launcher;
        this.workDir = workDir;
    }

    record Startup(String launch, long[] readyNanos, long jvmAloneNanos, long idleRssBytes) {
    }

    /** Fresh JVM, fresh data directory, embedded Redis, bundled sample, preview mode: as on a laptop. */
    Startup startup(int runs, Deadline deadline) throws Exception {
        return startup(launcher, "", runs, deadline);
    }

    /**
     * The same, launched as the container image launches it (extracted jar, CDS archive from a training run);
     * empty when the service does not run from the packaged jar.
     */
    Optional<Startup> startupAsContainerImage(int runs, Deadline deadline) throws Exception {
        if (launcher.jar().isEmpty()) {
            return Optional.empty();
        }
        deadline.check("container image launch: extraction and training run");
        ServiceLauncher image = ServiceLauncher.containerImage(launcher.jar().get(),
                workDir.resolve("image-" + System.nanoTime()), workDir.resolve("image-training.log"),
                containerJvmOptions());
        return Optional.of(startup(image, image.description(), runs, deadline));
    }

    private Startup startup(ServiceLauncher launcher, String launch, int runs, Deadline deadline) throws Exception {
        long[] ready = new long[runs];
        long idleRss = 0;
        String prefix = launch.isEmpty() ? "startup-" : "startup-image-";
        for (int run = 0; run < runs; run++) {
            deadline.check("start-up run " + (run + 1));
            Map<String, String> env = Map.of("DATA_DIR", workDir.resolve(prefix + run + "-" + System.nanoTime())
                    .toString());
            try (ServiceProcess service = ServiceProcess.start(launcher, env, workDir.resolve(prefix + run + ".log"))) {
                ready[run] = service.awaitReady(Duration.ofSeconds(120));
                if (run == 0) {
                    Thread.sleep(2000); // let the start-up sync and detection of the sample finish
                    idleRss = service.rssBytes();
                }
            }
        }
        return new Startup(launch, ready, jvmAlone(), idleRss);
    }

    record Rss(int deals, int touches, List<String> jvmOptions, long rssBytes, long peakRssBytes, long syncNanos,
               String failure) {
    }

    /** The service syncing {@code deals} from CSV files into the benchmark's Redis, then judging them. */
    Rss rss(LoopbackRedis redis, int deals, int touches, List<String> jvmOptions, Deadline deadline) throws Exception {
        deadline.check("JVM RSS");
        Path dealsFile = workDir.resolve("rss/deals.csv");
        Path touchesFile = workDir.resolve("rss/touches.csv");
        if (!Files.isRegularFile(touchesFile)) {
            new SyntheticCrm("R", 1000, touches, Instant.now()).writeCsv(dealsFile, touchesFile, deals);
        }
        redis.flushAll();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("REDIS_URL", redis.uri().toString());
        env.put("CRM_DEALS_FILE", dealsFile.toAbsolutePath().toString());
        env.put("CRM_TOUCHES_FILE", touchesFile.toAbsolutePath().toString());
        env.put("DATA_DIR", workDir.resolve("rss/data").toString());
        String log = "rss" + String.join("", jvmOptions).replaceAll("[^A-Za-z0-9]", "") + ".log";
        try (ServiceProcess service = ServiceProcess.start(launcher.withJvmOptions(jvmOptions), env,
                workDir.resolve(log))) {
            service.awaitReady(Duration.ofSeconds(120));
            long ready = System.nanoTime();
            String syncState = RedisKeys.sync(PREVIEW_TEAM, "file");
            long end = System.nanoTime() + Math.min(TimeUnit.MINUTES.toNanos(5), deadline.left().toNanos());
            while (redis.client().hget(syncState, "last_success") == null) {
                if (!service.isAlive()) {
                    return new Rss(deals, touches, jvmOptions, 0, 0, 0, "the service died syncing (see "
                            + workDir.resolve(log).getFileName() + ": " + service.lastLine(workDir.resolve(log)) + ")");
                }
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("the service did not finish syncing " + deals + " deals in time");
                }
                Thread.sleep(200);
            }
            long synced = System.nanoTime();
            // Detection runs right after the sync, under its lease: wait until it lets go.
            Thread.sleep(500);
            while (redis.client().exists(RedisKeys.lease("silence-detection")) && System.nanoTime() < end) {
                Thread.sleep(200);
            }
            return new Rss(deals, touches, jvmOptions, service.rssBytes(), service.peakRssBytes(), synced - ready, null);
        }
    }

    /** The container's memory limit (helm/silent-deals/values.yaml, manifests/kubernetes/deployment.yaml). */
    static final String CONTAINER_MEMORY = "1g";

    /**
     * The options the image runs the service with ({@code JAVA_TOOL_OPTIONS} in the Dockerfile), word for word,
     * then {@code -XX:MaxRAM} set to the container's memory limit: inside the container the JVM sizes its heap from
     * that limit; here it would size it from the whole machine.
     */
    static List<String> containerJvmOptions() {
        Path dockerfile = Path.of("Dockerfile");
        try {
            Matcher options = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"").matcher(Files.readString(dockerfile));
            if (!options.find()) {
                throw new IllegalStateException(dockerfile.toAbsolutePath() + " sets no JAVA_TOOL_OPTIONS");
            }
            List<String> jvmOptions = new ArrayList<>(List.of(options.group(1).strip().split("\\s+")));
            jvmOptions.add("-XX:MaxRAM=" + CONTAINER_MEMORY);
            return List.copyOf(jvmOptions);
        } catch (IOException e) {
            throw new UncheckedIOException("the benchmark reads the container's JVM options from "
                    + dockerfile.toAbsolutePath(), e);
        }
    }

    /** A JVM that starts and stops at once: the floor under any Java start-up. */
    private static long jvmAlone() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(ServiceLauncher.java(), "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        process.waitFor(30, TimeUnit.SECONDS);
        return System.nanoTime() - start;
    }

    static List<Row> rows(List<Startup> startups, List<Rss> rss, String launcherDescription) {
        Startup startup = startups.isEmpty() ? null : startups.get(0);
        List<Row> rows = new ArrayList<>();
        for (Rss r : rss) {
            String size = Figures.size(r.deals()) + " deals × " + r.touches() + " touches"
                    + (r.jvmOptions().isEmpty() ? ", no JVM options" : ", " + String.join(" ", r.jvmOptions()));
            String reference = startup == null ? "—"
                    : "same service idle with the 31-deal sample: " + Figures.mib(startup.idleRssBytes());
            if (r.failure() != null) {
                rows.add(new Row(RSS_FIGURE, size, "not measured: " + r.failure(), reference, "—", "≤ 400 MB",
                        Row.Verdict.MISSED, Map.of("rssBytes", Double.NaN)));
                continue;
            }
            rows.add(new Row(RSS_FIGURE, size,
                    Figures.mib(r.rssBytes()) + " after sync and detection (peak " + Figures.mib(r.peakRssBytes()) + ")",
                    reference, startup == null ? "—" : Figures.ratio((double) r.rssBytes() / startup.idleRssBytes()),
                    "≤ 400 MB", Row.Verdict.of(r.rssBytes() <= 400L * 1024 * 1024),
                    Map.of("rssBytes", (double) r.rssBytes(), "peakRssBytes", (double) r.peakRssBytes())));
        }
        for (Startup each : startups) {
            rows.add(startupRow(each));
        }
        return rows;
    }

    private static Row startupRow(Startup startup) {
        long[] sorted = startup.readyNanos().clone();
        java.util.Arrays.sort(sorted);
        long median = sorted[sorted.length / 2];
        StringBuilder runs = new StringBuilder();
        for (long nanos : startup.readyNanos()) {
            runs.append(runs.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f s", nanos / 1e9));
        }
        return new Row(STARTUP_FIGURE, startup.readyNanos().length + " fresh JVMs, preview, sample data"
                + (startup.launch().isEmpty() ? "" : ", " + startup.launch()),
                String.format(Locale.ROOT, "median %.1f s (%s)", median / 1e9, runs),
                String.format(Locale.ROOT, "JVM alone (java -version): %.2f s", startup.jvmAloneNanos() / 1e9),
                Figures.ratio((double) median / startup.jvmAloneNanos()),
                "≤ 8 s", Row.Verdict.of(sorted[sorted.length - 1] <= 8_000_000_000L),
                Map.of("medianSeconds", median / 1e9, "maxSeconds", sorted[sorted.length - 1] / 1e9,
                        "jvmAloneSeconds", startup.jvmAloneNanos() / 1e9));
    }

    static List<String> notes(List<Startup> startups, List<Rss> rss, String launcherDescription) {
        List<String> notes = new ArrayList<>();
        notes.add("separate processes started as `" + launcherDescription + "` (default heap sizing on this "
                + "machine unless JVM options are named); start to ready is from launch to GET "
                + "/actuator/health/readiness answering UP (embedded Redis, fresh DATA_DIR)");
        if (startups.stream().anyMatch(startup -> !startup.launch().isEmpty())) {
            notes.add("start to ready as the container image: the same jar extracted (`java -Djarmode=tools -jar "
                    + "silent-deals.jar extract`), a class data sharing archive from one training run "
                    + "(`-XX:ArchiveClassesAtExit`, `-Dspring.context.exit=onRefresh`), then each fresh JVM started "
                    + "with `-XX:SharedArchiveFile`, as the Dockerfile does; the archive is made before the runs and "
                    + "not counted in them");
        }
        for (Rss r : rss) {
            if (r.failure() == null) {
                notes.add(String.format(Locale.ROOT, "JVM RSS%s: the service read %s deals with %s touches from CSV "
                                + "(the file adapter's pages of about 2 MiB), synced them into Redis (done %.1f s "
                                + "after ready) and ran detection; RSS from /proc/<pid>/status",
                        r.jvmOptions().isEmpty() ? "" : " with " + String.join(" ", r.jvmOptions()),
                        Figures.size(r.deals()), Figures.count((double) r.deals() * r.touches()), r.syncNanos() / 1e9));
            }
        }
        return notes;
    }
}
