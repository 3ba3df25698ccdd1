package dev.silentdeals.slack;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.silentdeals.nudges.ScheduledRevisit;
import dev.silentdeals.nudges.WorkingHours;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.silence.SilentDeal;
import dev.silentdeals.truth.NoReason;

/** Everything the rep's App Home shows, gathered before rendering. */
record AppHomeFacts(Rep rep, List<SilentDeal> silent, List<SilentDeal> paused, List<ScheduledRevisit> revisits,
                    TruthCounts truths, int followUpsThisMonth, int followUpsLastMonth, WorkingHours hours,
                    boolean defaultHours, ZoneId zone) {

    /** The rep's truths over the last 30 days, and why the no's were no's (most frequent first). */
    record TruthCounts(int yes, int no, int replied, int notReached, Map<NoReason, Integer> noReasons) {

        boolean isEmpty() {
            return yes + no + replied + notReached == 0;
        }
    }
}
