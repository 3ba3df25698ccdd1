package dev.silentdeals.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.silentdeals.crm.CrmAdapter;
import dev.silentdeals.crm.CrmChanges;
import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.TruthWriteBack;
import dev.silentdeals.crm.WriteBackResult;
import dev.silentdeals.redis.RedisKeys;
import dev.silentdeals.testing.RedisForTests;
import dev.silentdeals.workspaces.Workspaces;
import dev.silentdeals.workspaces.WorkspacesAccess;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sync reads the next page while the previous one is saved, yet keeps the promises of a page-by-page
 * sync: pages saved in order, a cursor stored only for a saved page, and a failure loses nothing read before.
 */
class CrmSyncPagesTest {

    static final String TEAM = "T1";
    static final Instant NOW = Instant.parse("2026-11-18T10:00:00Z");
    static final RedisForTests redis = RedisForTests.start();

    final DealStore store = new DealStore(redis.client());
    final List<Object> published = new CopyOnWriteArrayList<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    CrmSync sync;

    @BeforeEach
    void clean() {
        redis.flush();
        Workspaces workspaces = WorkspacesAccess.create(redis.client());
        workspaces.registerPrimary(TEAM);
    }

    @AfterEach
    void stopSync() {
        if (sync != null) {
            sync.destroy();
        }
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    void every_page_is_saved_and_the_cursor_ends_after_the_last() {
        sync = syncOf(new PagedCrm(5, -1));

        sync.syncOnce();

        assertThat(redis.client().scard(RedisKeys.deals(TEAM))).isEqualTo(5 * PagedCrm.DEALS_PER_PAGE);
        assertThat(cursor()).isEqualTo("page-5");
        assertThat(published).singleElement().isInstanceOfSatisfying(DealsSynced.class, synced -> {
            assertThat(synced.dealsChanged()).isEqualTo(5 * PagedCrm.DEALS_PER_PAGE);
            assertThat(synced.touchesAdded()).isEqualTo(5 * PagedCrm.DEALS_PER_PAGE * 2L);
        });
    }

    @Test
    void a_page_that_cannot_be_read_keeps_the_pages_before_it_saved_and_their_cursor() {
        PagedCrm crm = new PagedCrm(5, 3);
        sync = syncOf(crm);

        sync.syncOnce();

        assertThat(redis.client().scard(RedisKeys.deals(TEAM))).isEqualTo(3 * PagedCrm.DEALS_PER_PAGE);
        assertThat(cursor()).isEqualTo("page-3");
        assertThat(published).isEmpty();
        assertThat(meters.counter("silentdeals.crm.sync.failures", "adapter", "paged").count()).isEqualTo(1.0);

        crm.failAtPage = -1;
        sync.syncOnce();
        assertThat(crm.requested).containsSubsequence("page-3", "page-4");
        assertThat(redis.client().scard(RedisKeys.deals(TEAM))).isEqualTo(5 * PagedCrm.DEALS_PER_PAGE);
        assertThat(cursor()).isEqualTo("page-5");
    }

    @Test
    void a_page_that_cannot_be_saved_stores_no_cursor_past_it() {
        PagedCrm crm = new PagedCrm(3, -1);
        crm.unsavablePage = 1;
        sync = syncOf(crm);

        sync.syncOnce();

        assertThat(cursor()).as("page 0 saved, page 1 not").isEqualTo("page-1");
        assertThat(published).isEmpty();
    }

    @Test
    void a_deal_changed_in_a_later_page_ends_with_the_later_version() {
        PagedCrm crm = new PagedCrm(2, -1);
        crm.sameDealsInEveryPage = true;
        sync = syncOf(crm);

        sync.syncOnce();

        assertThat(store.find(TEAM, "D0").orElseThrow().deal().stage()).isEqualTo("Stage 1");
    }

    private CrmSync syncOf(CrmAdapter crm) {
        return new CrmSync(crm, store, WorkspacesAccess.create(redis.client()), redis.client(),
                Clock.fixed(NOW, ZoneOffset.UTC), published::add, meters);
    }

    private String cursor() {
        return redis.client().hget(RedisKeys.sync(TEAM, "paged"), "cursor");
    }

    /** A CRM that answers in pages "page-0", "page-1", ...; optionally failing to read one. */
    static final class PagedCrm implements CrmAdapter {

        static final int DEALS_PER_PAGE = 20;

        final int pages;
        volatile int failAtPage;
        volatile int unsavablePage = -1;
        volatile boolean sameDealsInEveryPage;
        final List<String> requested = new CopyOnWriteArrayList<>();

        PagedCrm(int pages, int failAtPage) {
            this.pages = pages;
            this.failAtPage = failAtPage;
        }

        @Override
        public String name() {
            return "paged";
        }

        @Override
        public CrmChanges changesSince(CrmCursor cursor) {
            requested.add(cursor.value());
            int page = cursor.isInitial() ? 0 : Integer.parseInt(cursor.value().substring("page-".length()));
            if (page == failAtPage) {
                throw new IllegalStateException("CRM unavailable at page " + page);
            }
            List<CrmDeal> deals = new ArrayList<>();
            List<CrmTouch> touches = new ArrayList<>();
            for (int i = 0; i < DEALS_PER_PAGE; i++) {
                String id = "D" + (sameDealsInEveryPage ? i : page * DEALS_PER_PAGE + i);
                // A deal without updated_at cannot be saved: the store refuses the whole page.
                Instant updated = page == unsavablePage ? null : NOW.minusSeconds(86_400L * (10 - page));
                deals.add(new CrmDeal(id, "Deal " + id, "Company", "Stage " + page, new BigDecimal("100"), "EUR",
                        "ana@example.com", "Dana", "dana@example.com", "", false, updated));
                touches.add(new CrmTouch(id, NOW.minusSeconds(3600L * (page + 1)), CrmTouch.Direction.INBOUND,
                        CrmTouch.Channel.EMAIL, false));
                touches.add(new CrmTouch(id, NOW.minusSeconds(3600L * (page + 1) + 60), CrmTouch.Direction.OUTBOUND,
                        CrmTouch.Channel.EMAIL, false));
            }
            boolean last = page == pages - 1;
            return new CrmChanges(deals, touches, new CrmCursor("page-" + (page + 1)), !last, last, 0);
        }

        @Override
        public WriteBackResult writeBack(TruthWriteBack truth) {
            throw new UnsupportedOperationException("the sync never writes back");
        }
    }
}
