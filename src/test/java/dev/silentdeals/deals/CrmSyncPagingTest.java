package dev.silentdeals.deals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.silentdeals.crm.CrmAdapter;
import dev.silentdeals.crm.CrmChanges;
import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.TruthWriteBack;
import dev.silentdeals.crm.WriteBackResult;
import dev.silentdeals.crm.file.FileCrmAdapterAccess;
import dev.silentdeals.crm.http.CrmUnavailableException;
import dev.silentdeals.redis.RedisKeys;
import dev.silentdeals.testing.RedisForTests;
import dev.silentdeals.workspaces.WorkspacesAccess;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.resps.Tuple;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync over a file CRM read page by page: the store ends up the same as with one page of everything, a pass
 * that fails half-way resumes with nothing lost or doubled, and only a pass read from its first page marks deals
 * gone.
 */
class CrmSyncPagingTest {

    private static final String TEAM = "T1";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-18T10:00:00Z"), ZoneOffset.UTC);
    private static final RedisForTests redis = RedisForTests.start();

    @TempDir
    Path dir;

    private Path deals;
    private Path touches;
    private final List<DealsSynced> synced = new ArrayList<>();

    @BeforeEach
    void files() throws IOException {
        redis.flush();
        WorkspacesAccess.create(redis.client()).registerPrimary(TEAM);
        deals = dir.resolve("deals.csv");
        touches = dir.resolve("touches.csv");
        write(200, 5, -1);
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    void aFileReadInSmallPagesGivesTheSameStoreAsOnePage() {
        sync(pagesOf(Long.MAX_VALUE / 4)).syncOnce();
        Map<String, Object> onePage = store();

        redis.flush();
        WorkspacesAccess.create(redis.client()).registerPrimary(TEAM);
        sync(pagesOf(500)).syncOnce();

        assertThat(store()).isEqualTo(onePage);
        assertThat(synced).extracting(DealsSynced::dealsChanged).containsExactly(200, 200);
        assertThat(synced).extracting(DealsSynced::touchesAdded).containsExactly(1000L, 1000L);
    }

    @Test
    void aPassThatFailsHalfWayResumesWhereItStoppedWithNothingLostOrDoubled() {
        sync(pagesOf(Long.MAX_VALUE / 4)).syncOnce();
        Map<String, Object> onePage = store();
        redis.flush();
        WorkspacesAccess.create(redis.client()).registerPrimary(TEAM);
        synced.clear();
        CrmSync sync = sync(new FailingOnce(pagesOf(500), 12));

        sync.syncOnce(); // pages 1-11 saved, page 12 fails: the cursor stays after page 11
        String cursorAfterFailure = redis.client().hget(RedisKeys.sync(TEAM, "file"), "cursor");
        long savedBeforeFailure = redis.client().scard(RedisKeys.deals(TEAM));
        sync.syncOnce();

        assertThat(cursorAfterFailure).contains(";pass=");
        assertThat(savedBeforeFailure).isBetween(11L, 199L);
        assertThat(store()).isEqualTo(onePage);
        assertThat(synced).singleElement().satisfies(pass -> {
            assertThat(pass.dealsChanged()).isEqualTo(200 - savedBeforeFailure); // each deal saved once
            assertThat(pass.touchesAdded()).isEqualTo(1000);
            assertThat(pass.markedGone()).isZero();
        });
    }

    @Test
    void onlyAPassReadFromItsFirstPageMarksMissingDealsGone() throws IOException {
        sync(pagesOf(500)).syncOnce();
        write(200, 5, 3); // deal D-3 leaves the CRM
        CrmSync sync = sync(new FailingOnce(pagesOf(500), 2));

        sync.syncOnce(); // fails on its second page
        sync.syncOnce(); // resumes: it did not see the first page's deals, so it may not say which are gone
        assertThat(isGone("D-3")).isFalse();
        assertThat(isGone("D-1")).isFalse();

        sync.syncOnce(); // a whole pass
        assertThat(isGone("D-3")).isTrue();
        assertThat(isGone("D-1")).isFalse();
        assertThat(synced).extracting(DealsSynced::markedGone).containsExactly(0, 0, 1);
    }

    private CrmAdapter pagesOf(long bytes) {
        return FileCrmAdapterAccess.withPagesOf(bytes, deals.toString(), touches.toString(), CLOCK);
    }

    private CrmSync sync(CrmAdapter adapter) {
        return new CrmSync(adapter, DealStoreAccess.create(redis.client()), WorkspacesAccess.create(redis.client()),
                redis.client(), CLOCK, event -> synced.add((DealsSynced) event), new SimpleMeterRegistry());
    }

    /** Every key of the team except the sync's own bookkeeping, with its content. */
    private static Map<String, Object> store() {
        Map<String, Object> all = new TreeMap<>();
        for (String key : redis.client().keys("*")) {
            if (key.equals(RedisKeys.sync(TEAM, "file"))) {
                continue;
            }
            switch (redis.client().type(key)) {
                case "hash" -> all.put(key, new TreeMap<>(redis.client().hgetAll(key)));
                case "zset" -> all.put(key, redis.client().zrangeWithScores(key, 0, -1).stream()
                        .map(Tuple::toString).toList());
                case "set" -> all.put(key, new java.util.TreeSet<>(redis.client().smembers(key)));
                case "string" -> all.put(key, redis.client().get(key));
                default -> all.put(key, redis.client().type(key));
            }
        }
        return all;
    }

    /** {@code count} deals D-0.. (without {@code missing}), with replies and follow-ups, some names on two lines. */
    private void write(int count, int touchesEach, int missing) throws IOException {
        StringBuilder dealRows = new StringBuilder("id,name,company,stage,amount,currency,owner_email,contact_name,"
                + "contact_email,contact_phone,closed,updated_at\n");
        StringBuilder touchRows = new StringBuilder("deal_id,at,direction,channel,auto_reply\n");
        for (int i = 0; i < count; i++) {
            if (i == missing) {
                continue;
            }
            String name = i % 9 == 0 ? "\"Deal " + i + ",\nrenewal\"" : "Deal " + i;
            dealRows.append("D-").append(i).append(',').append(name).append(",Acme,Demo,").append(i)
                    .append(",EUR,rep").append(i % 4).append("@example.com,Al,al@example.com,,").append(i % 6 == 0)
                    .append(",2026-11-").append(10 + i % 5).append("T09:00:00Z\n");
            for (int t = 0; t < touchesEach; t++) {
                touchRows.append("D-").append(i).append(",2026-11-0").append(1 + t).append('T').append(10 + i % 10)
                        .append(":00:00Z,").append(t % 2 == 0 ? "outbound" : "inbound").append(",email,false\n");
            }
        }
        Files.writeString(deals, dealRows, StandardCharsets.UTF_8);
        Files.writeString(touches, touchRows, StandardCharsets.UTF_8);
    }

    /** The CRM failing once, on its {@code failingCall}th page. */
    private static final class FailingOnce implements CrmAdapter {

        private final CrmAdapter crm;
        private final int failingCall;
        private int calls;

        FailingOnce(CrmAdapter crm, int failingCall) {
            this.crm = crm;
            this.failingCall = failingCall;
        }

        @Override
        public String name() {
            return crm.name();
        }

        @Override
        public CrmChanges changesSince(CrmCursor cursor) {
            if (++calls == failingCall) {
                throw new CrmUnavailableException("file CRM: the disk went away");
            }
            return crm.changesSince(cursor);
        }

        @Override
        public WriteBackResult writeBack(TruthWriteBack truth) {
            return crm.writeBack(truth);
        }
    }

    private boolean isGone(String dealId) {
        return DealStoreAccess.create(redis.client()).find(TEAM, dealId).orElseThrow().deal().gone();
    }
}
