package dev.silentdeals.nudges;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.silentdeals.deals.StoredDeal;
import dev.silentdeals.silence.SilentDeal;

/**
 * What the dispatchers read of deals. Loading and judging a deal is the costly part of a dispatch, so it
 * goes through this one seam; tests count what is loaded through it.
 */
interface DealReads {

    /** The owner email of each deal, without loading it; deals not in the store are absent. */
    Map<String, String> ownersOf(String team, Collection<String> dealIds);

    /** Deals with their touches; unknown ids are left out. */
    List<StoredDeal> load(String team, Collection<String> dealIds);

    /** One deal judged now, with its episode and pause. */
    Optional<SilentDeal> judgeNow(String team, String dealId);
}
