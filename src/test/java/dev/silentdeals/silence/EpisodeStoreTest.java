package dev.silentdeals.silence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.silentdeals.silence.EpisodeStore.NudgeClaim;
import dev.silentdeals.testing.RedisForTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Episodes against a real Redis: opened once, one nudge each, the daily cap, and the archive. */
class EpisodeStoreTest {

    static final String TEAM = "T1";
    static final Instant NOW = Instant.parse("2026-11-18T10:00:00Z");
    static final SilenceVerdict SILENT = new SilenceVerdict(SilenceVerdict.Status.SILENT, 9, 3,
            Instant.parse("2026-11-02T10:00:00Z"));
    static final RedisForTests redis = RedisForTests.start();
    final EpisodeStore episodes = new EpisodeStore(redis.client());

    @BeforeEach
    void clean() {
        redis.flush();
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    void an_episode_opens_once_however_often_it_is_asked() {
        assertThat(episodes.open(TEAM, "D1", "ana@example.com", SILENT, NOW)).isTrue();
        assertThat(episodes.open(TEAM, "D1", "ana@example.com", SILENT, NOW.plusSeconds(60))).isFalse();

        assertThat(episodes.openEpisodeDealIds(TEAM)).containsExactly("D1");
        assertThat(episodes.openEpisode(TEAM, "D1").orElseThrow().startedAt()).isEqualTo(NOW);
    }

    @Test
    void twenty_concurrent_claims_for_one_episode_give_exactly_one_nudge() throws Exception {
        episodes.open(TEAM, "D1", "ana@example.com", SILENT, NOW);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<NudgeClaim>> claims = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            claims.add(() -> episodes.claimNudge(TEAM, "D1", "U1", "2026-11-18", 3, 9, 3, NOW));
        }
        List<NudgeClaim> results = new ArrayList<>();
        for (Future<NudgeClaim> future : pool.invokeAll(claims)) {
            results.add(future.get());
        }
        pool.shutdown();

        assertThat(results).filteredOn(r -> r == NudgeClaim.CLAIMED).hasSize(1);
        assertThat(results).filteredOn(r -> r == NudgeClaim.ALREADY_NUDGED).hasSize(19);
        assertThat(episodes.awaitingNudge(TEAM)).isEmpty();
    }

    @Test
    void a_rep_gets_at_most_the_daily_cap_and_the_rest_wait_for_tomorrow() {
        for (String deal : List.of("D1", "D2", "D3", "D4")) {
            episodes.open(TEAM, deal, "ana@example.com", SILENT, NOW);
        }

        List<NudgeClaim> today = new ArrayList<>();
        for (String deal : List.of("D1", "D2", "D3", "D4")) {
            today.add(episodes.claimNudge(TEAM, deal, "U1", "2026-11-18", 3, 9, 3, NOW));
        }

        assertThat(today).containsExactly(NudgeClaim.CLAIMED, NudgeClaim.CLAIMED, NudgeClaim.CLAIMED,
                NudgeClaim.OVER_DAILY_CAP);
        assertThat(episodes.awaitingNudge(TEAM)).containsExactly("D4");
        assertThat(episodes.claimNudge(TEAM, "D4", "U1", "2026-11-19", 3, 10, 3, NOW.plusSeconds(86_400)))
                .isEqualTo(NudgeClaim.CLAIMED);
    }

    @Test
    void a_nudge_slack_could_not_take_is_given_back_for_the_next_pass() {
        episodes.open(TEAM, "D1", "ana@example.com", SILENT, NOW);
        episodes.claimNudge(TEAM, "D1", "U1", "2026-11-18", 1, 9, 3, NOW);

        episodes.releaseNudge(TEAM, "D1", "U1", "2026-11-18", NOW);

        assertThat(episodes.awaitingNudge(TEAM)).containsExactly("D1");
        assertThat(episodes.openEpisode(TEAM, "D1").orElseThrow().isNudged()).isFalse();
        assertThat(episodes.claimNudge(TEAM, "D1", "U1", "2026-11-18", 1, 9, 3, NOW)).isEqualTo(NudgeClaim.CLAIMED);
    }

    @Test
    void a_delivered_nudge_is_never_given_back() {
        episodes.open(TEAM, "D1", "ana@example.com", SILENT, NOW);
        episodes.claimNudge(TEAM, "D1", "U1", "2026-11-18", 3, 9, 3, NOW);
        episodes.recordNudgeMessage(TEAM, "D1", "D0ANA", "1.0001");

        episodes.releaseNudge(TEAM, "D1", "U1", "2026-11-18", NOW);

        assertThat(episodes.openEpisode(TEAM, "D1").orElseThrow().isNudged()).isTrue();
        assertThat(episodes.awaitingNudge(TEAM)).isEmpty();
    }

    @Test
    void an_ended_episode_is_archived_with_its_reason_and_a_new_one_can_open() {
        episodes.open(TEAM, "D1", "ana@example.com", SILENT, NOW);
        String id = episodes.openEpisode(TEAM, "D1").orElseThrow().episodeId();

        assertThat(episodes.end(TEAM, "D1", id, EpisodeEnd.REPLIED, NOW.plusSeconds(3600))).isTrue();
        assertThat(episodes.end(TEAM, "D1", id, EpisodeEnd.REPLIED, NOW.plusSeconds(3601))).isFalse();

        Episode archived = episodes.find(TEAM, "D1", id).orElseThrow();
        assertThat(archived.endReason()).isEqualTo("REPLIED");
        assertThat(episodes.endedBetween(TEAM, NOW, NOW.plusSeconds(7200))).extracting(Episode::episodeId)
                .containsExactly(id);
        assertThat(episodes.openEpisodeDealIds(TEAM)).isEmpty();
        assertThat(episodes.open(TEAM, "D1", "ana@example.com", SILENT, NOW.plusSeconds(7200))).isTrue();
    }

    @Test
    void a_retried_not_reached_click_counts_once() {
        episodes.open(TEAM, "D1", "ana@example.com", SILENT, NOW);
        String id = episodes.openEpisode(TEAM, "D1").orElseThrow().episodeId();

        assertThat(episodes.recordNotReached(TEAM, "D1", id, "1700000000.1", NOW)).isEqualTo(1);
        assertThat(episodes.recordNotReached(TEAM, "D1", id, "1700000000.1", NOW)).isEqualTo(-1);
        assertThat(episodes.recordNotReached(TEAM, "D1", id, "1700000500.2", NOW)).isEqualTo(2);
        assertThat(episodes.openEpisode(TEAM, "D1").orElseThrow().notReachedCount()).isEqualTo(2);
    }
}
