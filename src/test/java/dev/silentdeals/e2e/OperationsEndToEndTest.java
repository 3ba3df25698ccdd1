package dev.silentdeals.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.silentdeals.redis.JobLease;
import dev.silentdeals.redis.RedisKeys;
import dev.silentdeals.silence.EpisodeStore;
import dev.silentdeals.silence.SilenceDetection;
import dev.silentdeals.testing.MutableClock;
import dev.silentdeals.testing.SlackApiFake;
import dev.silentdeals.testing.SlackApiFake.Call;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import redis.clients.jedis.Jedis;

/**
 * Running it in production: the probes, the Prometheus meters, two replicas sharing one Redis (the first
 * replica's embedded server), a job leased to one replica at a time, a graceful shutdown that lets an
 * in-flight Slack call finish and releases its lease, and readiness that follows Redis.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsEndToEndTest {

    static final String SECRET = "ops-signing-secret";
    static final String ANA = "U0ANA";
    static final String DETECTION = "silence-detection";
    /** Wednesday 18 November 2026, 10:00 UTC: working hours in London, evening in Tokyo. */
    static final Instant WEDNESDAY_10_UTC = Instant.parse("2026-11-18T10:00:00Z");
    static final Pattern DEAL = Pattern.compile("\"action_id\":\"truth_open\"[^}]*?\"value\":\"([^|\"]+)\\|");

    @TempDir
    static Path folder;
    static SlackApiFake slack;
    static MutableClock clock = new MutableClock(WEDNESDAY_10_UTC);
    static int redisPort;
    static RunningService first;
    static RunningService second;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        slack = new SlackApiFake()
                .user(ANA, "ana@example.com", "Ana López", "Europe/London")
                .user("U0KENJI", "kenji@example.com", "Kenji Sato", "Asia/Tokyo");
        copy("deals.csv");
        copy("touches.csv");
        redisPort = freeLoopbackPort();
        first = startReplica("data-1", Map.of("silent-deals.redis.embedded-port", String.valueOf(redisPort)));
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        slack.close();
    }

    @Test
    @Order(1)
    void liveness_and_readiness_are_up_once_redis_and_slack_answered() {
        HttpResponse<String> liveness = get(first, "/actuator/health/liveness");
        HttpResponse<String> readiness = get(first, "/actuator/health/readiness");

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
        assertThat(slack.calls("auth.test")).isNotEmpty();
    }

    @Test
    @Order(2)
    void every_operations_meter_is_scraped_from_start_even_before_its_first_event() {
        await().atMost(Duration.ofSeconds(30)).until(() -> slack.calls("chat.postMessage").size() >= 3);
        // Slack's fake has seen the third message a moment before the service counts it as sent.
        await().atMost(Duration.ofSeconds(10)).until(() ->
                sample(get(first, "/actuator/prometheus").body(), "silentdeals_nudges_sent_total") == 3);
        String scrape = get(first, "/actuator/prometheus").body();

        // No truth has been recorded and nothing failed yet: these exist only because they were registered.
        for (String outcome : List.of("YES", "NO", "NOT_REACHED", "REPLIED")) {
            assertThat(sample(scrape, "silentdeals_truths_recorded_total", "outcome", outcome)).isZero();
        }
        assertThat(sample(scrape, "silentdeals_slack_errors_total", "method", "chat.postMessage")).isZero();
        assertThat(sample(scrape, "silentdeals_slack_rate_limited_total", "method", "views.open")).isZero();
        assertThat(sample(scrape, "silentdeals_crm_sync_failures_total", "adapter", "file")).isZero();
        assertThat(sample(scrape, "silentdeals_jobs_runs_total", "job", "crm-sync", "outcome", "failed")).isZero();
        // And these have counted what the start-up pass did.
        assertThat(sample(scrape, "silentdeals_deals_synced_total", "adapter", "file")).isEqualTo(10);
        assertThat(sample(scrape, "silentdeals_crm_sync_duration_seconds_count", "adapter", "file")).isEqualTo(1);
        assertThat(sample(scrape, "silentdeals_nudges_sent_total")).isEqualTo(3);
        assertThat(sample(scrape, "silentdeals_silent_deals", "team", SlackApiFake.TEAM)).isGreaterThanOrEqualTo(4);
        assertThat(sample(scrape, "silentdeals_jobs_runs_total", "job", "crm-sync", "outcome", "ran")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void a_second_replica_on_the_same_redis_runs_sync_and_detection_but_sends_no_nudge_twice() {
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> slack.calls("chat.postMessage").size() == 3);

        second = startReplica("data-2", Map.of("silent-deals.redis.url", "redis://127.0.0.1:" + redisPort));
        await().atMost(Duration.ofSeconds(30)).until(() -> jobRuns(second, "crm-sync", "ran")
                + jobRuns(second, "crm-sync", "skipped") >= 1 && jobRuns(second, DETECTION, "ran")
                + jobRuns(second, DETECTION, "skipped") >= 1);
        second.bean(SilenceDetection.class).detect(SlackApiFake.TEAM);
        first.bean(SilenceDetection.class).detect(SlackApiFake.TEAM);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> slack.calls("chat.postMessage").size() == 3);
        Set<String> deals = slack.calls("chat.postMessage").stream().map(OperationsEndToEndTest::dealOf)
                .collect(Collectors.toSet());
        assertThat(deals).hasSize(3);
        // Both replicas report the same silent-deals count, whichever ran the last pass.
        assertThat(sample(get(second, "/actuator/prometheus").body(), "silentdeals_silent_deals", "team",
                SlackApiFake.TEAM)).isEqualTo(sample(get(first, "/actuator/prometheus").body(),
                "silentdeals_silent_deals", "team", SlackApiFake.TEAM));
    }

    @Test
    @Order(4)
    void while_one_replica_holds_a_job_the_other_skips_it_and_runs_it_once_the_lease_is_released()
            throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> held = CompletableFuture.supplyAsync(() -> first.bean(JobLease.class)
                .runExclusively(DETECTION, Duration.ofMinutes(1), () -> awaitQuietly(release)));
        await().atMost(Duration.ofSeconds(5)).until(() -> leaseHeld(DETECTION));
        double ranBefore = jobRuns(second, DETECTION, "ran");
        double skippedBefore = jobRuns(second, DETECTION, "skipped");

        second.bean(Scheduler.class).triggerJob(JobKey.jobKey(DETECTION));

        await().atMost(Duration.ofSeconds(10)).until(() -> jobRuns(second, DETECTION, "skipped") == skippedBefore + 1);
        assertThat(jobRuns(second, DETECTION, "ran")).isEqualTo(ranBefore);

        release.countDown();
        assertThat(held.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(leaseHeld(DETECTION)).isFalse();
        second.bean(Scheduler.class).triggerJob(JobKey.jobKey(DETECTION));
        await().atMost(Duration.ofSeconds(10)).until(() -> jobRuns(second, DETECTION, "ran") == ranBefore + 1);
    }

    @Test
    @Order(5)
    void shutting_a_replica_down_lets_its_in_flight_slack_call_finish_and_releases_the_job_lease() throws Exception {
        slack.reset();
        clock.set(Instant.parse("2026-11-19T10:00:00Z")); // next day: Ana's fourth silent deal may go out
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        slack.override("chat.postMessage", call -> {
            inFlight.countDown();
            awaitQuietly(answer);
            return "{\"ok\":true,\"channel\":\"D0ANA\",\"ts\":\"1800000000.000001\",\"message\":{\"text\":\"\"}}";
        });
        second.bean(Scheduler.class).triggerJob(JobKey.jobKey(DETECTION));
        await().atMost(Duration.ofSeconds(10)).until(() -> inFlight.getCount() == 0);
        assertThat(leaseHeld(DETECTION)).as("the replica sending the nudge holds the detection lease").isTrue();

        RunningService closing = second;
        second = null;
        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(closing::close);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> !shutdown.isDone());
        answer.countDown();

        await().atMost(Duration.ofSeconds(30)).until(shutdown::isDone);
        assertThat(shutdown).isCompleted();
        assertThat(leaseHeld(DETECTION)).as("released by its holder on the way down").isFalse();
        String dealId = dealOf(slack.calls("chat.postMessage").get(0));
        assertThat(first.bean(EpisodeStore.class).openEpisode(SlackApiFake.TEAM, dealId))
                .hasValueSatisfying(episode -> assertThat(episode.nudgeTs()).isEqualTo("1800000000.000001"));
    }

    @Test
    @Order(6)
    void readiness_goes_down_when_redis_stops_while_liveness_stays_up() {
        try (Jedis jedis = new Jedis("127.0.0.1", redisPort)) {
            jedis.shutdown();
        } catch (RuntimeException expected) {
            // the server closes the connection as it stops
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> get(first, "/actuator/health/readiness").statusCode() == 503);
        HttpResponse<String> readiness = get(first, "/actuator/health/readiness");
        assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
        HttpResponse<String> liveness = get(first, "/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
    }

    private static RunningService startReplica(String dataDir, Map<String, String> extra) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("silent-deals.slack.bot-token", "xoxb-ops-token");
        properties.put("silent-deals.slack.signing-secret", SECRET);
        properties.put("silent-deals.slack.api-url", slack.apiUrl());
        properties.put("silent-deals.crm.file.deals", folder.resolve("deals.csv").toString());
        properties.put("silent-deals.crm.file.touches", folder.resolve("touches.csv").toString());
        properties.putAll(extra);
        return RunningService.start(folder.resolve(dataDir), clock, properties);
    }

    private static boolean leaseHeld(String job) {
        try (Jedis jedis = new Jedis("127.0.0.1", redisPort)) {
            return jedis.exists(RedisKeys.lease(job));
        }
    }

    private static double jobRuns(RunningService service, String job, String outcome) {
        var counter = service.bean(MeterRegistry.class).find("silentdeals.jobs.runs")
                .tags("job", job, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The value of the Prometheus sample {@code name} whose labels include {@code labels} (name, value, ...). */
    private static double sample(String scrape, String name, String... labels) {
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < labels.length; i += 2) {
                matches &= line.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (matches) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no sample " + name + " " + List.of(labels) + " in the scrape");
    }

    private static HttpResponse<String> get(RunningService service, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path)).GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String dealOf(Call dm) {
        Matcher matcher = DEAL.matcher(dm.param("blocks"));
        assertThat(matcher.find()).as("a Record the truth button in %s", dm.param("blocks")).isTrue();
        return matcher.group(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void copy(String name) throws IOException {
        try (var in = OperationsEndToEndTest.class.getResourceAsStream("/e2e/" + name)) {
            Files.writeString(folder.resolve(name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
