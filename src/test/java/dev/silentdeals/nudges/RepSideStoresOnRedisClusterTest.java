package dev.silentdeals.nudges;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.silentdeals.redis.RedisKeys;
import dev.silentdeals.testing.RedisClusterForTests;
import dev.silentdeals.truth.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * The follow-up claims, the revisit schedule and the reps' working hours on a real three-shard Redis
 * Cluster: every script keeps to one workspace's slot, and each claim holds once however often it is tried.
 */
class RepSideStoresOnRedisClusterTest {

    static final Instant NOW = Instant.parse("2026-11-18T10:00:00Z");
    static final RedisClusterForTests cluster = RedisClusterForTests.start();

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void an_episode_gets_one_follow_up_whichever_kind_claims_first() {
        UnifiedJedis redis = cluster.client();
        FollowUpStore store = new FollowUpStore(redis);
        for (String team : List.of("T0AAAA", "T0ZZZZ")) {
            redis.hset(RedisKeys.episode(team, "D1"), Map.of("episode_id", "D1-1", "deal_id", "D1"));

            assertThat(store.claim(team, "D1", "D1-1", FollowUpKind.STEP_BACK, NOW)).isEqualTo(FollowUpStore.Claim.CLAIMED);
            assertThat(store.claim(team, "D1", "D1-1", FollowUpKind.STEP_BACK, NOW))
                    .isEqualTo(FollowUpStore.Claim.ALREADY_FOLLOWED_UP);
            assertThat(store.claim(team, "D1", "D1-1", FollowUpKind.REMINDER, NOW))
                    .isEqualTo(FollowUpStore.Claim.ALREADY_FOLLOWED_UP);
            assertThat(store.followedUp(team, List.of("D1-1", "D2-1"))).containsExactly("D1-1");

            store.release(team, "D1-1", FollowUpKind.STEP_BACK);
            assertThat(store.followedUp(team, List.of("D1-1"))).isEmpty();
            assertThat(store.claim(team, "D1", "D1-1", FollowUpKind.REMINDER, NOW)).isEqualTo(FollowUpStore.Claim.CLAIMED);
            assertThat(store.claim(team, "D1", "D1-0", FollowUpKind.REMINDER, NOW))
                    .as("an older episode of the deal").isEqualTo(FollowUpStore.Claim.EPISODE_ENDED);
            assertThat(redis.ttl(RedisKeys.followUps(team, "D1-1"))).isPositive();
        }
    }

    @Test
    void a_revisit_is_claimed_once_sent_once_and_a_newer_truth_replaces_it() {
        UnifiedJedis redis = cluster.client();
        RevisitStore store = new RevisitStore(redis);
        String team = "T0REVISIT";
        Instant due = Instant.parse("2026-11-24T00:00:00Z");
        ScheduledRevisit first = revisit("D1-1", "Ana@Example.com");
        store.schedule(team, first, due);

        assertThat(store.due(team, NOW)).isEmpty();
        assertThat(store.pendingOf(team, "ana@example.com")).extracting(ScheduledRevisit::truthId).containsExactly("D1-1");
        Instant tuesday = Instant.parse("2026-11-24T11:00:00Z");
        assertThat(store.due(team, tuesday)).containsExactly("D1");
        assertThat(store.claim(team, "D1", "D1-1", tuesday, tuesday.plusSeconds(600))).isTrue();
        assertThat(store.claim(team, "D1", "D1-1", tuesday, tuesday.plusSeconds(600))).as("leased").isFalse();
        store.sent(team, first, tuesday, "D0ANA", "1.1");
        assertThat(store.due(team, tuesday.plusSeconds(3600))).isEmpty();
        assertThat(store.find(team, "D1")).isEmpty();
        assertThat(store.pendingOf(team, "ana@example.com")).isEmpty();

        store.schedule(team, revisit("D1-2", "ana@example.com"), due);
        ScheduledRevisit newer = revisit("D1-3", "bo@example.com");
        store.schedule(team, newer, due.plusSeconds(86_400));
        store.cancel(team, revisit("D1-2", "ana@example.com"), RevisitRule.Cancellation.PROSPECT_REPLIED, NOW);
        assertThat(store.find(team, "D1")).as("cancelling the replaced one leaves the newer").isPresent();
        assertThat(store.pendingOf(team, "ana@example.com")).isEmpty();
        assertThat(store.pendingOf(team, "bo@example.com")).extracting(ScheduledRevisit::truthId).containsExactly("D1-3");
    }

    @Test
    void a_rep_keeps_their_own_working_hours_and_others_get_the_default() {
        RepWorkingHours hours = new RepWorkingHours(cluster.client(), new NudgeProperties(null, null, 3, ""));
        hours.save("T0HOURS", "U1", WorkingHours.parse("10:30-16:00", "MON,WED-FRI"));

        assertThat(hours.of("T0HOURS", "U1").windowSpec()).isEqualTo("10:30-16:00");
        assertThat(hours.of("T0HOURS", "U1").daysSpec()).isEqualTo("MON,WED-FRI");
        assertThat(hours.isOwn("T0HOURS", "U1")).isTrue();
        assertThat(hours.of("T0HOURS", "U2")).isEqualTo(hours.defaults());
        assertThat(hours.isOwn("T0HOURS", "U2")).isFalse();
    }

    static ScheduledRevisit revisit(String truthId, String owner) {
        return new ScheduledRevisit("D1", truthId, owner, Outcome.NO, LocalDate.parse("2026-11-24"), null, "Delta Dairy",
                "Tom Reed", NOW);
    }
}
