package dev.silentdeals.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import dev.silentdeals.redis.RedisKeys;
import dev.silentdeals.silence.SilencePolicy;
import dev.silentdeals.silence.SilenceRule;
import dev.silentdeals.testing.RedisForTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** What sync writes and what detection reads back, against a real Redis: last replies, recent touches, compact members. */
class DealStoreForDetectionTest {

    static final String TEAM = "T0STORE";
    static final Instant NOW = Instant.parse("2026-11-18T10:00:00Z");

    static final RedisForTests redisServer = RedisForTests.start();
    static final UnifiedJedis redis = redisServer.client();
    final DealStore store = new DealStore(redis);

    @BeforeEach
    void empty() {
        redisServer.flush();
    }

    @AfterAll
    static void stop() {
        redisServer.close();
    }

    @Test
    void a_deal_and_its_touches_read_back_as_synced_and_land_in_the_indexes() {
        store.save(TEAM, List.of(deal("D1", "ana@example.com", false, 1)),
                List.of(touch("D1", 20, Direction.OUTBOUND, Channel.EMAIL), touch("D1", 12, Direction.INBOUND, Channel.EMAIL),
                        touch("D1", 5, Direction.OUTBOUND, Channel.CALL)), NOW);

        StoredDeal stored = store.find(TEAM, "D1").orElseThrow();
        assertThat(stored.deal().ownerEmail()).isEqualTo("ana@example.com");
        assertThat(stored.deal().amount()).isEqualByComparingTo("1000");
        assertThat(stored.touches()).containsExactly(new Touch(NOW.minus(Duration.ofDays(20)), Direction.OUTBOUND,
                Channel.EMAIL, false), new Touch(NOW.minus(Duration.ofDays(12)), Direction.INBOUND, Channel.EMAIL, false),
                new Touch(NOW.minus(Duration.ofDays(5)), Direction.OUTBOUND, Channel.CALL, false));
        assertThat(store.openDealIdsOf(TEAM, "ana@example.com")).containsExactly("D1");
        assertThat(store.openDealsQuietSinceWithLastReply(TEAM, NOW))
                .containsExactly(Map.entry("D1", NOW.minus(Duration.ofDays(12)).toEpochMilli()));
    }

    @Test
    void the_same_page_saved_twice_changes_nothing_the_second_time() {
        List<CrmDeal> deals = List.of(deal("D1", "ana@example.com", false, 1));
        List<CrmTouch> touches = List.of(touch("D1", 3, Direction.INBOUND, Channel.EMAIL));

        assertThat(store.save(TEAM, deals, touches, NOW)).isEqualTo(new DealStore.SavedPage(1, 1));
        assertThat(store.save(TEAM, deals, touches, NOW)).isEqualTo(new DealStore.SavedPage(0, 0));
    }

    @Test
    void a_closed_deal_leaves_the_detection_and_owner_indexes() {
        store.save(TEAM, List.of(deal("D1", "ana@example.com", false, 1)),
                List.of(touch("D1", 10, Direction.INBOUND, Channel.EMAIL)), NOW);
        store.save(TEAM, List.of(deal("D1", "ana@example.com", true, 2)), List.of(), NOW);

        assertThat(store.openDealIdsOf(TEAM, "ana@example.com")).isEmpty();
        assertThat(store.openDealsQuietSince(TEAM, NOW)).isEmpty();
        assertThat(store.find(TEAM, "D1").orElseThrow().deal().closed()).isTrue();
    }

    @Test
    void a_deal_with_thousands_of_touches_is_saved_whole() {
        List<CrmTouch> touches = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            touches.add(new CrmTouch("D1", NOW.minusSeconds(60L * i), Direction.OUTBOUND, Channel.EMAIL, false));
        }
        assertThat(store.save(TEAM, List.of(deal("D1", "ana@example.com", false, 1)), touches, NOW).touchesAdded())
                .isEqualTo(5000);
        assertThat(store.find(TEAM, "D1").orElseThrow().touches()).hasSize(5000);
    }

    @Test
    void a_touch_takes_a_small_integer_member_in_redis() {
        store.save(TEAM, List.of(deal("D1", "ana@example.com", false, 1)),
                List.of(touch("D1", 1, Direction.OUTBOUND, Channel.CALL)), NOW);

        assertThat(redis.zrange(RedisKeys.touches(TEAM, "D1"), 0, -1)).singleElement().asString().matches("\\d+");
    }

    @Test
    void judging_with_only_the_touches_since_the_last_reply_gives_the_same_verdict_as_the_whole_history() {
        Random random = new Random(3);
        List<CrmDeal> deals = new ArrayList<>();
        List<CrmTouch> touches = new ArrayList<>();
        for (int d = 0; d < 300; d++) {
            deals.add(deal("D" + d, "rep" + d % 7 + "@example.com", false, 1));
            for (int t = 0; t < 1 + random.nextInt(25); t++) {
                Instant at = NOW.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 60))).plus(Duration.ofDays(
                        random.nextInt(20) == 0 ? 61 + random.nextInt(5) : 0));
                touches.add(new CrmTouch("D" + d, at, Direction.values()[random.nextInt(2)],
                        Channel.values()[random.nextInt(4)], random.nextInt(10) == 0));
            }
        }
        store.save(TEAM, deals, touches, NOW);
        SilenceRule rule = new SilenceRule(SilencePolicy.defaults());
        Map<String, Long> quiet = store.openDealsQuietSinceWithLastReply(TEAM, NOW);
        assertThat(quiet).isNotEmpty();

        List<StoredDeal> whole = store.load(TEAM, quiet.keySet());
        List<StoredDeal> recent = store.loadForJudging(TEAM, quiet.keySet(), quiet);

        assertThat(recent.stream().mapToInt(s -> s.touches().size()).sum())
                .isLessThan(whole.stream().mapToInt(s -> s.touches().size()).sum());
        for (int i = 0; i < whole.size(); i++) {
            ZoneId zone = ZoneId.of("Europe/Berlin");
            assertThat(rule.judge(recent.get(i).deal(), recent.get(i).touches(), null, false, NOW, zone))
                    .as(whole.get(i).deal().id())
                    .isEqualTo(rule.judge(whole.get(i).deal(), whole.get(i).touches(), null, false, NOW, zone));
        }
    }

    private static CrmDeal deal(String id, String owner, boolean closed, int version) {
        return new CrmDeal(id, "Deal " + id, "Company", "Proposal", new BigDecimal("1000"), "EUR", owner, "Zoë Example",
                "zoe@example.com", "+1 555 0100", closed, NOW.minus(Duration.ofDays(30)).plusSeconds(version));
    }

    private static CrmTouch touch(String dealId, int daysAgo, Direction direction, Channel channel) {
        return new CrmTouch(dealId, NOW.minus(Duration.ofDays(daysAgo)), direction, channel, false);
    }
}
