package dev.silentdeals.deals;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.silentdeals.crm.CrmAdapter;
import dev.silentdeals.crm.CrmChanges;
import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.redis.RedisKeys;
import dev.silentdeals.workspaces.Workspaces;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;
import redis.clients.jedis.UnifiedJedis;

/**
 * Pulls changes from the CRM into the deal store. The cursor is stored after each saved page, so a pass
 * cut short (a crash, a CRM outage) resumes where it stopped; saving is idempotent, so a page read twice
 * changes nothing.
 */
@Service
public class CrmSync implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CrmSync.class);
    private static final int MAX_PAGES_PER_PASS = 100_000;

    private final CrmAdapter crm;
    private final DealStore store;
    private final Workspaces workspaces;
    private final UnifiedJedis redis;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            new CustomizableThreadFactory("crm-sync-writer-"));

    CrmSync(CrmAdapter crm, DealStore store, Workspaces workspaces, UnifiedJedis redis, Clock clock,
            ApplicationEventPublisher events, MeterRegistry meters) {
        this.crm = crm;
        this.store = store;
        this.workspaces = workspaces;
        this.redis = redis;
        this.clock = clock;
        this.events = events;
        this.meters = meters;
        // Registered now, so a dashboard shows zero rather than nothing before the first pass.
        meters.counter("silentdeals.deals.synced", "adapter", crm.name());
        meters.counter("silentdeals.crm.sync.skipped", "adapter", crm.name());
        meters.counter("silentdeals.crm.sync.failures", "adapter", crm.name());
        meters.timer("silentdeals.crm.sync.duration", "adapter", crm.name());
    }

    /** One sync pass for the primary workspace; a CRM failure is logged and counted, never thrown. */
    public void syncOnce() {
        String team = workspaces.primary().orElse(null);
        if (team == null) {
            log.info("CRM sync waits: the Slack workspace is not known yet");
            return;
        }
        Timer.Sample sample = Timer.start(meters);
        String stateKey = RedisKeys.sync(team, crm.name());
        redis.hset(stateKey, "last_started", clock.instant().toString());
        DealsSynced result;
        try {
            result = pass(team, stateKey);
        } catch (RuntimeException e) {
            sample.stop(meters.timer("silentdeals.crm.sync.duration", "adapter", crm.name()));
            meters.counter("silentdeals.crm.sync.failures", "adapter", crm.name()).increment();
            redis.hset(stateKey, "last_error", clock.instant() + " " + e.getMessage());
            log.warn("CRM sync ({}) failed; the cursor is kept and the next pass resumes: {}", crm.name(),
                    e.getMessage());
            return;
        }
        // The sync's own duration, not the detection and nudges its event sets off.
        sample.stop(meters.timer("silentdeals.crm.sync.duration", "adapter", crm.name()));
        redis.hset(stateKey, Map.of("last_success", clock.instant().toString(), "last_error", "",
                "last_skipped", String.valueOf(result.skipped())));
        meters.counter("silentdeals.deals.synced", "adapter", crm.name()).increment(result.dealsChanged());
        meters.counter("silentdeals.crm.sync.skipped", "adapter", crm.name()).increment(result.skipped());
        log.info("CRM sync ({}): {} deals changed, {} new touches, {} records skipped, {} deals gone",
                crm.name(), result.dealsChanged(), result.touchesAdded(), result.skipped(), result.markedGone());
        events.publishEvent(result);
    }

    /**
     * Reads page after page; each page is saved on the writer thread while the adapter reads the next one
     * (parsing a file, or waiting for a CRM's API), so reading and Redis overlap. At most one page is in
     * flight and pages are saved in order; a page's cursor is stored only once it is saved, and the page
     * that says which deals are gone is saved before they are marked.
     */
    private DealsSynced pass(String team, String stateKey) {
        CrmCursor cursor = new CrmCursor(redis.hget(stateKey, "cursor"));
        // Only a pass that read everything from the start may say which deals are gone: one from the initial
        // cursor, or one whose first page says it starts a full pass (every pass of the file adapter). A pass
        // resumed in the middle saw only its later pages, so it marks nothing gone.
        boolean full = cursor.isInitial();
        Set<String> seen = new HashSet<>();
        PageInFlight inFlight = new PageInFlight(team, stateKey);
        int skipped = 0;
        int gone = 0;
        try {
            for (int page = 0; page < MAX_PAGES_PER_PASS; page++) {
                CrmChanges changes = crm.changesSince(cursor);
                inFlight.awaitSaved();
                if (changes.startsFullPass()) {
                    // A periodic full pass begins here (e.g. Salesforce's daily one): it may say which deals are gone.
                    full = true;
                    seen.clear();
                }
                skipped += changes.skipped();
                if (full) {
                    changes.deals().stream().map(CrmDeal::id).forEach(seen::add);
                }
                if (changes.complete() && full) {
                    inFlight.add(store.save(team, changes.deals(), changes.touches(), clock.instant()));
                    gone += store.markGoneExcept(team, seen);
                    redis.hset(stateKey, "cursor", changes.next().value());
                } else {
                    inFlight.start(changes, clock.instant());
                }
                cursor = changes.next();
                if (!changes.hasMore()) {
                    break;
                }
            }
            inFlight.awaitSaved();
        } catch (RuntimeException e) {
            // What was read before the failure is still saved, and its cursor stored, as without overlap.
            try {
                inFlight.awaitSaved();
            } catch (RuntimeException saveFailure) {
                e.addSuppressed(saveFailure);
            }
            throw e;
        }
        return new DealsSynced(team, crm.name(), inFlight.changed, inFlight.added, skipped, gone);
    }

    @Override
    public void destroy() {
        writer.shutdownNow();
    }

    /** The one page being saved on the writer thread, and the totals of the pages saved so far. */
    private final class PageInFlight {

        private final String team;
        private final String stateKey;
        private Future<DealStore.SavedPage> saving;
        private CrmCursor next;
        private int changed;
        private long added;

        PageInFlight(String team, String stateKey) {
            this.team = team;
            this.stateKey = stateKey;
        }

        void start(CrmChanges changes, Instant now) {
            saving = writer.submit(() -> store.save(team, changes.deals(), changes.touches(), now));
            next = changes.next();
        }

        /** Waits for the page in flight (if any) and stores its cursor; throws what its save threw. */
        void awaitSaved() {
            if (saving == null) {
                return;
            }
            Future<DealStore.SavedPage> page = saving;
            saving = null;
            try {
                add(page.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                page.cancel(true);
                throw new IllegalStateException("CRM sync interrupted while a page was being saved", e);
            }
            redis.hset(stateKey, "cursor", next.value());
        }

        void add(DealStore.SavedPage saved) {
            changed += saved.dealsChanged();
            added += saved.touchesAdded();
        }
    }
}
