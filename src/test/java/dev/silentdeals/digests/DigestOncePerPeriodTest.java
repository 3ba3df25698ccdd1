package dev.silentdeals.digests;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.silentdeals.digests.ScheduledDigests.Fired;
import dev.silentdeals.teams.Team;
import dev.silentdeals.testing.MutableClock;
import dev.silentdeals.testing.RedisForTests;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The digest job against a real Redis, as two replicas would run it: each with its own connection, its
 * own scheduler state and the same clock. One digest per team and period, whatever fires, and after
 * downtime one catch-up covering everything missed.
 */
class DigestOncePerPeriodTest {

    static final String WORKSPACE = "T1";
    static final Team WEST = TeamHistory.team("West", false, "ana@example.com");

    static RedisForTests redis;

    final MutableClock clock = new MutableClock(london("2025-11-10T09:00"));
    final List<DigestPeriod> written = new CopyOnWriteArrayList<>();
    final List<String> posted = new CopyOnWriteArrayList<>();
    final AtomicBoolean slackDown = new AtomicBoolean();
    final List<UnifiedJedis> clients = new ArrayList<>();
    ScheduledDigests replicaA;
    ScheduledDigests replicaB;

    @BeforeAll
    static void startRedis() {
        redis = RedisForTests.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void twoReplicas() {
        redis.flush();
        replicaA = replica();
        replicaB = replica();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(UnifiedJedis::close);
    }

    @Test
    void two_schedulers_firing_at_the_same_time_post_one_digest_per_period() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int week = 0; week < 10; week++) {
                Instant monday = london("2025-11-10T09:00").plus(java.time.Duration.ofDays(7L * week));
                clock.set(monday);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Fired> a = threads.submit(() -> {
                    together.await();
                    return replicaA.fire(WORKSPACE, WEST, monday);
                });
                Future<Fired> b = threads.submit(() -> {
                    together.await();
                    return replicaB.fire(WORKSPACE, WEST, monday);
                });
                assertThat(List.of(a.get(), b.get())).containsOnlyOnce(Fired.POSTED)
                        .allMatch(f -> f == Fired.POSTED || f == Fired.POSTED_ELSEWHERE || f == Fired.ALREADY_POSTED);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(posted).hasSize(10);
        // Each period starts where the one before ended: nothing is counted twice, nothing is skipped.
        assertThat(written.get(0)).isEqualTo(new DigestPeriod(london("2025-11-03T09:00"), london("2025-11-10T09:00")));
        for (int i = 1; i < written.size(); i++) {
            assertThat(written.get(i).from()).isEqualTo(written.get(i - 1).to());
        }
    }

    @Test
    void a_fire_handled_late_still_names_the_scheduled_time_so_the_other_replica_does_not_post_again() {
        assertThat(replicaA.fire(WORKSPACE, WEST, london("2025-11-10T09:03:27"))).isEqualTo(Fired.POSTED);
        assertThat(replicaB.fire(WORKSPACE, WEST, london("2025-11-10T09:00"))).isEqualTo(Fired.ALREADY_POSTED);

        assertThat(posted).hasSize(1);
        assertThat(written.get(0).to()).isEqualTo(london("2025-11-10T09:00"));
    }

    @Test
    void after_downtime_one_catch_up_covers_every_missed_week_and_restarts_do_not_repeat_it() {
        replicaA.fire(WORKSPACE, WEST, london("2025-11-03T09:00"));
        // Down from Tuesday 4 November until Wednesday 26 November: the 10th, 17th and 24th were missed.
        clock.set(london("2025-11-26T11:00"));

        assertThat(replicaA.catchUp(WORKSPACE, WEST)).isEqualTo(Fired.POSTED);
        assertThat(replicaB.catchUp(WORKSPACE, WEST)).isEqualTo(Fired.ALREADY_POSTED);
        clock.set(london("2025-11-26T15:00"));
        assertThat(replica().catchUp(WORKSPACE, WEST)).isEqualTo(Fired.ALREADY_POSTED);

        assertThat(posted).hasSize(2);
        assertThat(written.get(1)).isEqualTo(new DigestPeriod(london("2025-11-03T09:00"), london("2025-11-24T09:00")));

        clock.set(london("2025-12-01T09:00"));
        assertThat(replicaB.fire(WORKSPACE, WEST, london("2025-12-01T09:00"))).isEqualTo(Fired.POSTED);
        assertThat(written.get(2)).isEqualTo(new DigestPeriod(london("2025-11-24T09:00"), london("2025-12-01T09:00")));
    }

    @Test
    void a_team_that_never_had_a_digest_gets_none_at_start_up_and_its_first_covers_one_interval_back() {
        clock.set(london("2025-11-12T10:00"));
        assertThat(replicaA.catchUp(WORKSPACE, WEST)).isEqualTo(Fired.NOT_DUE);
        assertThat(posted).isEmpty();

        assertThat(replicaA.fire(WORKSPACE, WEST, london("2025-11-17T09:00"))).isEqualTo(Fired.POSTED);
        assertThat(written).containsExactly(new DigestPeriod(london("2025-11-10T09:00"), london("2025-11-17T09:00")));
    }

    @Test
    void a_digest_that_did_not_reach_slack_is_covered_by_the_next_fire() {
        replicaA.fire(WORKSPACE, WEST, london("2025-11-03T09:00"));
        slackDown.set(true);
        assertThat(replicaA.fire(WORKSPACE, WEST, london("2025-11-10T09:00"))).isEqualTo(Fired.FAILED);
        slackDown.set(false);

        assertThat(replicaB.fire(WORKSPACE, WEST, london("2025-11-17T09:00"))).isEqualTo(Fired.POSTED);

        assertThat(posted).hasSize(2);
        assertThat(written.get(written.size() - 1))
                .isEqualTo(new DigestPeriod(london("2025-11-03T09:00"), london("2025-11-17T09:00")));
    }

    @Test
    void the_preview_covers_the_period_in_progress() {
        replicaA.fire(WORKSPACE, WEST, london("2025-11-10T09:00"));
        clock.set(london("2025-11-13T15:30"));

        assertThat(replicaB.periodSoFar(WORKSPACE, WEST))
                .isEqualTo(new DigestPeriod(london("2025-11-10T09:00"), london("2025-11-13T15:30").plusMillis(1)));
    }

    private ScheduledDigests replica() {
        // Each replica has its own connection, as two service instances would.
        UnifiedJedis connection = RedisClient.create("127.0.0.1", redis.port());
        clients.add(connection);
        DigestWriter writer = (slackTeam, team, period) -> {
            written.add(period);
            RenderedDigest rendered = new RenderedDigest("digest " + period,
                    List.of(List.of(section(s -> s.text(markdownText("digest for " + period))))));
            return new DigestWriter.Written(rendered, null, 0, 0, 0);
        };
        DigestDelivery delivery = (slackTeam, team, digest, chart) -> {
            if (slackDown.get()) {
                throw new DigestDelivery.DigestNotPosted("channel_not_found", null);
            }
            posted.add(digest.notification());
        };
        return new ScheduledDigests(new DigestLedger(connection), writer, delivery, clock, new SimpleMeterRegistry());
    }

    static Instant london(String localTime) {
        return LocalDateTime.parse(localTime).atZone(TeamHistory.LONDON).toInstant();
    }
}
