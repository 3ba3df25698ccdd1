package dev.silentdeals.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.deals.DealStore;

/** Puts synthetic deals into Redis through the product's own store, a page at a time. */
final class DealLoader {

    private static final int PAGE = 2000;

    private DealLoader() {
    }

    /** Saves deals [0, count); returns the nanoseconds it took. */
    static long load(DealStore store, SyntheticCrm crm, String team, long count, Instant now) {
        long start = System.nanoTime();
        for (long from = 0; from < count; from += PAGE) {
            long to = Math.min(count, from + PAGE);
            List<CrmDeal> deals = new ArrayList<>((int) (to - from));
            List<CrmTouch> touches = new ArrayList<>((int) (to - from) * 8);
            for (long i = from; i < to; i++) {
                deals.add(crm.deal(i));
                touches.addAll(crm.touches(i));
            }
            store.save(team, deals, touches, now);
        }
        return System.nanoTime() - start;
    }
}
