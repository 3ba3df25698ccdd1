package dev.silentdeals.silence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.deals.DealStoreAccess;
import dev.silentdeals.silence.EpisodeStore.NudgeClaim;
import dev.silentdeals.testing.RedisClusterForTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The deal and episode stores, Lua scripts and pipelines included, on a real three-shard Redis Cluster:
 * each workspace's keys share a hash tag, so every multi-key operation stays in one slot.
 */
class StoresOnRedisClusterTest {

    static final Instant NOW = Instant.parse("2026-11-18T10:00:00Z");
    static final RedisClusterForTests cluster = RedisClusterForTests.start();

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void two_workspaces_in_different_slots_sync_detect_and_claim_their_nudges() {
        assertThat(cluster.client().ping()).as("the readiness check's PING").isEqualTo("PONG");
        List<String> teams = List.of("T0AAAA", "T0ZZZZ");
        assertThat(JedisClusterCRC16.getSlot("sd:{T0AAAA}:deals")).isNotEqualTo(JedisClusterCRC16.getSlot("sd:{T0ZZZZ}:deals"));
        var deals = DealStoreAccess.create(cluster.client());
        EpisodeStore episodes = new EpisodeStore(cluster.client());
        for (String team : teams) {
            deals.save(team, List.of(deal("D1"), deal("D2")),
                    List.of(touch("D1", "2026-11-02T10:00:00Z", CrmTouch.Direction.INBOUND),
                            touch("D1", "2026-11-05T10:00:00Z", CrmTouch.Direction.OUTBOUND),
                            touch("D2", "2026-11-16T10:00:00Z", CrmTouch.Direction.INBOUND)), NOW);

            assertThat(deals.openDealsQuietSince(team, Instant.parse("2026-11-10T00:00:00Z"))).containsExactly("D1");
            assertThat(deals.load(team, List.of("D1", "D2"))).hasSize(2);
            assertThat(deals.markGoneExcept(team, Set.of("D1"))).isEqualTo(1);

            SilenceVerdict silent = new SilenceVerdict(SilenceVerdict.Status.SILENT, 12, 2,
                    Instant.parse("2026-11-02T10:00:00Z"));
            assertThat(episodes.open(team, "D1", "ana@example.com", silent, NOW)).isTrue();
            assertThat(episodes.claimNudge(team, "D1", "U1", "2026-11-18", 3, 12, 2, NOW)).isEqualTo(NudgeClaim.CLAIMED);
            assertThat(episodes.claimNudge(team, "D1", "U1", "2026-11-18", 3, 12, 2, NOW))
                    .isEqualTo(NudgeClaim.ALREADY_NUDGED);
            String id = episodes.openEpisode(team, "D1").orElseThrow().episodeId();
            assertThat(episodes.end(team, "D1", id, EpisodeEnd.REPLIED, NOW.plusSeconds(60))).isTrue();
            assertThat(episodes.endedBetween(team, NOW, NOW.plusSeconds(120))).hasSize(1);
        }
    }

    static CrmDeal deal(String id) {
        return new CrmDeal(id, "Deal " + id, "Company " + id, "Proposal", new BigDecimal("1000"), "EUR",
                "ana@example.com", "Zoë Ångström", "zoe@example.com", "", false, Instant.parse("2026-11-10T00:00:00Z"));
    }

    static CrmTouch touch(String dealId, String at, CrmTouch.Direction direction) {
        return new CrmTouch(dealId, Instant.parse(at), direction, CrmTouch.Channel.EMAIL, false);
    }
}
