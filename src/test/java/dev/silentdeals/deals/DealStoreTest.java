package dev.silentdeals.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import dev.silentdeals.redis.RedisKeys;
import dev.silentdeals.testing.RedisForTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deal store against a real Redis: idempotent upserts, deduplicated touches, and the indexes. */
class DealStoreTest {

    static final String TEAM = "T1";
    static final Instant NOW = Instant.parse("2026-11-18T10:00:00Z");
    static final RedisForTests redis = RedisForTests.start();
    final DealStore store = new DealStore(redis.client());

    @BeforeEach
    void clean() {
        redis.flush();
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    void an_older_version_of_a_deal_never_overwrites_a_newer_one() {
        store.save(TEAM, List.of(deal("D1", "Proposal", "ana@example.com", false, "2026-11-10T00:00:00Z")), List.of(), NOW);
        store.save(TEAM, List.of(deal("D1", "Discovery", "ana@example.com", false, "2026-11-01T00:00:00Z")), List.of(), NOW);

        assertThat(store.find(TEAM, "D1").orElseThrow().deal().stage()).isEqualTo("Proposal");

        store.save(TEAM, List.of(deal("D1", "Negotiation", "ana@example.com", false, "2026-11-12T00:00:00Z")), List.of(), NOW);
        assertThat(store.find(TEAM, "D1").orElseThrow().deal().stage()).isEqualTo("Negotiation");
    }

    @Test
    void the_same_touch_saved_twice_is_kept_once() {
        CrmTouch reply = touch("D1", "2026-11-02T10:00:00Z", Direction.INBOUND);
        store.save(TEAM, List.of(deal("D1", "Proposal", "ana@example.com", false, "2026-11-10T00:00:00Z")),
                List.of(reply, reply), NOW);
        DealStore.SavedPage again = store.save(TEAM, List.of(), List.of(reply), NOW);

        assertThat(again.touchesAdded()).isZero();
        assertThat(store.find(TEAM, "D1").orElseThrow().touches()).hasSize(1);
    }

    @Test
    void the_detection_index_holds_open_deals_by_their_last_reply_only() {
        store.save(TEAM, List.of(deal("OPEN", "Proposal", "ana@example.com", false, "2026-11-10T00:00:00Z"),
                        deal("CLOSED", "Proposal", "ana@example.com", true, "2026-11-10T00:00:00Z"),
                        deal("NEVER", "Proposal", "ana@example.com", false, "2026-11-10T00:00:00Z")),
                List.of(touch("OPEN", "2026-11-02T10:00:00Z", Direction.INBOUND),
                        touch("CLOSED", "2026-11-02T10:00:00Z", Direction.INBOUND),
                        touch("NEVER", "2026-11-03T10:00:00Z", Direction.OUTBOUND)), NOW);

        assertThat(store.openDealsQuietSince(TEAM, NOW)).containsExactly("OPEN");
        assertThat(store.openDealsQuietSince(TEAM, Instant.parse("2026-11-01T00:00:00Z"))).isEmpty();
        assertThat(store.openDealIdsOf(TEAM, "ana@example.com")).containsExactlyInAnyOrder("OPEN", "NEVER");
    }

    @Test
    void a_reply_moves_the_deal_forward_in_the_index_and_an_older_one_does_not_move_it_back() {
        store.save(TEAM, List.of(deal("D1", "Proposal", "ana@example.com", false, "2026-11-10T00:00:00Z")),
                List.of(touch("D1", "2026-11-02T10:00:00Z", Direction.INBOUND)), NOW);
        store.save(TEAM, List.of(), List.of(touch("D1", "2026-11-16T10:00:00Z", Direction.INBOUND)), NOW);
        store.save(TEAM, List.of(), List.of(touch("D1", "2026-10-01T10:00:00Z", Direction.INBOUND)), NOW);

        assertThat(store.openDealsQuietSince(TEAM, Instant.parse("2026-11-15T00:00:00Z"))).isEmpty();
        assertThat(store.openDealsQuietSince(TEAM, NOW)).containsExactly("D1");
    }

    @Test
    void a_new_owner_takes_the_deal_into_their_list() {
        store.save(TEAM, List.of(deal("D1", "Proposal", "ana@example.com", false, "2026-11-10T00:00:00Z")), List.of(), NOW);
        store.save(TEAM, List.of(deal("D1", "Proposal", "Kenji@Example.com", false, "2026-11-11T00:00:00Z")), List.of(), NOW);

        assertThat(store.openDealIdsOf(TEAM, "ana@example.com")).isEmpty();
        assertThat(store.openDealIdsOf(TEAM, "kenji@example.com")).containsExactly("D1");
    }

    @Test
    void deals_missing_from_a_complete_sync_are_marked_gone_and_leave_every_index() {
        store.save(TEAM, List.of(deal("D1", "Proposal", "ana@example.com", false, "2026-11-10T00:00:00Z"),
                        deal("D2", "Proposal", "ana@example.com", false, "2026-11-10T00:00:00Z")),
                List.of(touch("D2", "2026-11-02T10:00:00Z", Direction.INBOUND)), NOW);

        assertThat(store.markGoneExcept(TEAM, Set.of("D1"))).isEqualTo(1);
        assertThat(store.markGoneExcept(TEAM, Set.of("D1"))).isZero();

        assertThat(store.find(TEAM, "D2").orElseThrow().deal().gone()).isTrue();
        assertThat(store.openDealsQuietSince(TEAM, NOW)).isEmpty();
        assertThat(store.openDealIdsOf(TEAM, "ana@example.com")).containsExactly("D1");
    }

    @Test
    void workspaces_never_see_each_others_deals() {
        store.save(TEAM, List.of(deal("D1", "Proposal", "ana@example.com", false, "2026-11-10T00:00:00Z")), List.of(), NOW);

        assertThat(store.find("T2", "D1")).isEmpty();
        assertThat(store.openDealIdsOf("T2", "ana@example.com")).isEmpty();
    }

    @Test
    void a_deal_stored_with_the_long_field_names_of_earlier_versions_is_read_and_renamed_when_synced_again() {
        String key = RedisKeys.deal(TEAM, "OLD");
        redis.client().hset(key, Map.ofEntries(Map.entry("name", "Pilot"), Map.entry("company", "Acme"),
                Map.entry("stage", "Proposal"), Map.entry("amount", "1200"), Map.entry("currency", "EUR"),
                Map.entry("owner_email", "ana@example.com"), Map.entry("contact_name", "Dana Reyes"),
                Map.entry("contact_email", "dana@acme.example"), Map.entry("contact_phone", ""),
                Map.entry("closed", "0"), Map.entry("gone", "0"),
                Map.entry("updated_at", String.valueOf(Instant.parse("2026-11-01T00:00:00Z").toEpochMilli())),
                Map.entry("last_reply_at", String.valueOf(Instant.parse("2026-11-02T10:00:00Z").toEpochMilli()))));

        Deal old = store.find(TEAM, "OLD").orElseThrow().deal();
        assertThat(old.company()).isEqualTo("Acme");
        assertThat(old.ownerEmail()).isEqualTo("ana@example.com");
        assertThat(old.isOpen()).isTrue();

        store.save(TEAM, List.of(deal("OLD", "Negotiation", "ana@example.com", false, "2026-11-10T00:00:00Z")),
                List.of(), NOW);

        assertThat(redis.client().hgetAll(key)).doesNotContainKeys("name", "owner_email", "updated_at", "gone",
                "last_reply_at", "contact_phone").containsEntry("s", "Negotiation").containsEntry("o", "ana@example.com")
                .containsEntry("r", String.valueOf(Instant.parse("2026-11-02T10:00:00Z").toEpochMilli()));
        assertThat(store.find(TEAM, "OLD").orElseThrow().deal().stage()).isEqualTo("Negotiation");
    }

    @Test
    void empty_values_take_no_room_and_a_value_that_becomes_empty_is_removed() {
        store.save(TEAM, List.of(new CrmDeal("D1", "Pilot", "Acme", "Proposal", null, null, "ana@example.com", "Dana",
                "dana@acme.example", "+49 30 1234", false, Instant.parse("2026-11-01T00:00:00Z"))), List.of(), NOW);
        store.save(TEAM, List.of(new CrmDeal("D1", "Pilot", "Acme", "Proposal", null, null, "ana@example.com", "Dana",
                "dana@acme.example", null, false, Instant.parse("2026-11-02T00:00:00Z"))), List.of(), NOW);

        assertThat(redis.client().hgetAll(RedisKeys.deal(TEAM, "D1"))).doesNotContainKeys("a", "cu", "cp", "c", "g");
        Deal deal = store.find(TEAM, "D1").orElseThrow().deal();
        assertThat(deal.contact().hasPhone()).isFalse();
        assertThat(deal.amount()).isNull();
        assertThat(deal.isOpen()).isTrue();
    }

    static CrmDeal deal(String id, String stage, String owner, boolean closed, String updatedAt) {
        return new CrmDeal(id, "Deal " + id, "Company " + id, stage, new BigDecimal("1000"), "EUR", owner,
                "Zoë Ångström", "zoe@example.com", "+46 8 555", closed, Instant.parse(updatedAt));
    }

    static CrmTouch touch(String dealId, String at, Direction direction) {
        return new CrmTouch(dealId, Instant.parse(at), direction, Channel.EMAIL, false);
    }
}
