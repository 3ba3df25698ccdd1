package dev.silentdeals.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.silentdeals.testing.MutableClock;
import dev.silentdeals.testing.SlackApiFake;

/**
 * The harness: starts what it needs (Redis on 127.0.0.1, the service in this JVM, loopback Slack fakes,
 * the service as a separate process), runs every benchmark within the settings' bounds, prints the table
 * and returns it. A benchmark that fails or runs out of time becomes a "not measured" row; the others run.
 */
final class Benchmarks {

    static final String TEAM = SlackApiFake.TEAM;
    static final String SIGNING_SECRET = "benchmark-signing-secret";
    static final String BOT_TOKEN = "xoxb-benchmark";
    /** Wednesday 18 November 2026, 10:00 UTC: working hours for every synthetic rep. */
    static final Instant NOW = Instant.parse("2026-11-18T10:00:00Z");
    /** {@code -Dbenchmarks.only=start-up}: only the start-to-ready runs, measured exactly as in a full run. */
    static final String START_UP_ONLY = "start-up";

    /**
     * As `java -jar` runs it here, and as the container runs it: the JVM options the image ships (read from the
     * Dockerfile), on a JVM told it has the 1 GiB the Helm chart and the manifests give the container.
     */
    static final List<List<String>> RSS_JVM_OPTIONS = List.of(List.of(), ProcessBenchmarks.containerJvmOptions());

    private final BenchmarkSettings settings;
    private final Path workDir;
    private final ServiceLauncher launcher;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private int printed;
    private final List<String> loadBySteps = new ArrayList<>();

    Benchmarks(BenchmarkSettings settings, Path workDir, ServiceLauncher launcher) {
        this.settings = settings;
        this.workDir = workDir;
        this.launcher = launcher;
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    BenchmarkReport run(String command) throws Exception {
        // The JDK HTTP server behind the Slack fakes otherwise waits on Nagle's algorithm and delayed ACKs
        // (about 40 ms per call on loopback): a cost of the fake, not of silent-deals or of Slack.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        Deadline deadline = Deadline.in(settings.budget());
        String loadAtStart = loadAverage();
        String redisVersion;
        try (LoopbackRedis redis = LoopbackRedis.start(workDir.resolve("redis"))) {
            redisVersion = redis.version();
            if (only().equals("rss")) {
                rssOnly(redis, deadline);
            } else if (only().equals("sync") || only().equals("detection") || only().equals("ack")) {
                measure("in-process benchmarks with the Slack API fake", () -> withSlackApiFake(redis, deadline));
            } else if (startUpOnly()) {
                separateProcesses(redis, deadline);
            } else {
                measure("in-process benchmarks with the Slack API fake", () -> withSlackApiFake(redis, deadline));
                measure(NudgeBenchmark.FIGURE, () -> withRateLimitedSlack(redis, deadline));
                separateProcesses(redis, deadline);
            }
        }
        notes.add(0, "synthetic pipeline (SyntheticCrm): 50% of deals closed, 2.5% never replied, 25% replied in the "
                + "last 4 days, 10% 5–7 days ago, 12.5% 11–60 days ago (7.5 points of them followed up twice or more "
                + "since: silent under the defaults, 7 business days and 2 follow-ups); 1,000 reps in Europe/London "
                + "and Europe/Berlin; the clock stands at Wednesday 10:00 UTC");
        notes.add(1, "Redis: " + redisVersion + " from the embedded-redis artifact on 127.0.0.1, persistence off, "
                + "shared by the service and the references; Slack: loopback fakes (JDK HTTP server, TCP_NODELAY)");
        notes.add(2, "load average (1 min) of this shared 2-core machine, other jobs included: " + loadAtStart
                + " at the start, " + String.join(", ", loadBySteps) + ", " + loadAverage() + " at the end");
        BenchmarkReport report = new BenchmarkReport(started, Machine.current(redisVersion), command,
                Duration.ofNanos(System.nanoTime() - startNanos), rows, notes);
        System.out.println(report.console());
        return report;
    }

    private void withSlackApiFake(LoopbackRedis redis, Deadline deadline) throws Exception {
        MutableClock clock = new MutableClock(NOW);
        try (SlackApiFake slack = new SlackApiFake()) {
            for (int rep = 0; rep < Math.max(settings.reps(), settings.ackReps()); rep++) {
                slack.user(SyntheticCrm.repUserId(rep), SyntheticCrm.repEmail(rep), "Rep " + rep, zone(rep));
            }
            Map<String, String> properties = slackProperties(slack.apiUrl());
            properties.put("silent-deals.crm.file.deals", workDir.resolve("crm/deals.csv").toString());
            properties.put("silent-deals.crm.file.touches", workDir.resolve("crm/touches.csv").toString());
            try (InProcessService service = InProcessService.start(redis, clock, properties)) {
                boolean all = only().isEmpty();
                measure(DetectionBenchmark.FIGURE, all || only().equals("detection"), () -> {
                    List<DetectionBenchmark.SizeResult> results = new DetectionBenchmark(service, redis, clock, TEAM)
                            .run(settings.detectionSizes(), settings.detectionTouches(), settings.reps(),
                                    settings.repeats(), NOW, deadline);
                    rows.addAll(DetectionBenchmark.rows(results, settings.detectionTouches()));
                    notes.addAll(DetectionBenchmark.notes(results));
                });
                slack.reset();
                measure(SyncBenchmark.FIGURE, all || only().equals("sync"), () -> {
                    List<SyncBenchmark.SizeResult> results = new SyncBenchmark(service, redis, TEAM,
                            workDir.resolve("crm/deals.csv"), workDir.resolve("crm/touches.csv"))
                            .run(settings.syncSizes(), settings.syncTouches(), settings.reps(), settings.hsetCommands(),
                                    NOW, deadline);
                    rows.addAll(SyncBenchmark.rows(results));
                    notes.addAll(SyncBenchmark.notes(results));
                });
                slack.reset();
                measure(AckBenchmark.FIGURE, all || only().equals("ack"), () -> {
                    AckBenchmark.Outcome outcome = new AckBenchmark(service, redis, slack, TEAM).run(settings.ackDeals(),
                            settings.ackReps(), settings.ackRatePerSecond(), settings.ackWarmUp(),
                            settings.ackDuration(), NOW, deadline);
                    rows.add(AckBenchmark.row(outcome));
                    notes.addAll(AckBenchmark.notes(outcome));
                });
            }
        }
    }

    private void withRateLimitedSlack(LoopbackRedis redis, Deadline deadline) throws Exception {
        redis.flushAll();
        try (RateLimitedSlack slack = new RateLimitedSlack(settings.workspaceMessagesPerSecond(),
                settings.injected429Share())) {
            for (int rep = 0; rep < settings.nudges(); rep++) {
                slack.user(SyntheticCrm.repUserId(rep), SyntheticCrm.repEmail(rep), zone(rep));
            }
            Map<String, String> properties = slackProperties(slack.apiUrl());
            properties.put("silent-deals.crm.file.deals", workDir.resolve("crm/none.csv").toString());
            properties.put("silent-deals.crm.file.touches", workDir.resolve("crm/none.csv").toString());
            try (InProcessService service = InProcessService.start(redis, new MutableClock(NOW), properties)) {
                measure(NudgeBenchmark.FIGURE, () -> {
                    NudgeBenchmark.Outcome outcome = new NudgeBenchmark(service, redis, slack, TEAM)
                            .run(settings.nudges(), NOW, settings.injected429Share(), Duration.ofMinutes(8), deadline);
                    rows.add(NudgeBenchmark.row(outcome));
                    notes.addAll(NudgeBenchmark.notes(outcome));
                });
            }
        }
    }

    /**
     * {@code -Dbenchmarks.only=rss}: the JVM RSS rows alone, measured exactly as in the full run (without the
     * start-up run, so without its idle reference); {@code =sync}: the sync rows alone. For checking a fix
     * without the other 10 minutes. Empty for the full run.
     */
    static String only() {
        return System.getProperty("benchmarks.only", "").strip().toLowerCase(java.util.Locale.ROOT);
    }

    private void rssOnly(LoopbackRedis redis, Deadline deadline) {
        ProcessBenchmarks processes = new ProcessBenchmarks(launcher, workDir.resolve("processes"));
        List<ProcessBenchmarks.Rss> rss = new ArrayList<>();
        for (List<String> options : RSS_JVM_OPTIONS) {
            measure(ProcessBenchmarks.RSS_FIGURE, () -> rss.add(processes.rss(redis, settings.rssDeals(),
                    settings.rssTouches(), options, deadline)));
        }
        rows.addAll(ProcessBenchmarks.rows(List.of(), rss, launcher.description()));
        notes.addAll(ProcessBenchmarks.notes(List.of(), rss, launcher.description()));
        printNewRows();
    }

    private void separateProcesses(LoopbackRedis redis, Deadline deadline) {
        ProcessBenchmarks processes = new ProcessBenchmarks(launcher, workDir.resolve("processes"));
        List<ProcessBenchmarks.Startup> startups = new ArrayList<>();
        List<ProcessBenchmarks.Rss> rss = new ArrayList<>();
        measure(ProcessBenchmarks.STARTUP_FIGURE, () -> startups.add(processes.startup(settings.startupRuns(), deadline)));
        measure(ProcessBenchmarks.STARTUP_FIGURE, () -> processes.startupAsContainerImage(settings.startupRuns(), deadline)
                .ifPresent(startups::add));
        for (List<String> options : RSS_JVM_OPTIONS) {
            if (!startUpOnly()) {
                measure(ProcessBenchmarks.RSS_FIGURE, () -> rss.add(processes.rss(redis, settings.rssDeals(),
                        settings.rssTouches(), options, deadline)));
            }
        }
        rows.addAll(ProcessBenchmarks.rows(startups, rss, launcher.description()));
        notes.addAll(ProcessBenchmarks.notes(startups, rss, launcher.description()));
        printNewRows();
    }

    static boolean startUpOnly() {
        return START_UP_ONLY.equals(only());
    }

    private Map<String, String> slackProperties(String apiUrl) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.address", "127.0.0.1");
        properties.put("silent-deals.slack.bot-token", BOT_TOKEN);
        properties.put("silent-deals.slack.signing-secret", SIGNING_SECRET);
        properties.put("silent-deals.slack.api-url", apiUrl);
        return properties;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String zone(int rep) {
        return rep % 2 == 0 ? "Europe/London" : "Europe/Berlin";
    }

    private void measure(String figure, boolean wanted, Step step) {
        if (wanted) {
            measure(figure, step);
        }
    }

    private void measure(String figure, Step step) {
        loadBySteps.add(loadAverage() + " before " + figure);
        try {
            step.run();
            printNewRows();
        } catch (Exception | AssertionError e) {
            failures.add(figure + ": " + e);
            rows.add(new Row(figure, "—", "not measured: " + e.getMessage(), "—", "—", "—", Row.Verdict.MISSED,
                    Map.of()));
            e.printStackTrace();
        }
    }

    private void printNewRows() {
        for (; printed < rows.size(); printed++) {
            Row row = rows.get(printed);
            System.out.println("[benchmarks] " + row.figure() + " | " + row.size() + " | " + row.measured() + " | "
                    + row.reference() + " | " + row.ratio());
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
