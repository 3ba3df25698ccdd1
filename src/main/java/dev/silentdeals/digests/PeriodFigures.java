package dev.silentdeals.digests;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.silentdeals.truth.NoReason;

/**
 * What a team learned in one period.
 *
 * @param yes                  YES truths recorded in the period
 * @param no                   NO truths recorded in the period
 * @param cameBack             prospects who came back on their own (REPLIED) in the period
 * @param notReached           calls that did not connect, recorded in the period
 * @param reasons              NO truths by reason, most frequent first
 * @param opened               silence episodes that began in the period
 * @param reachedTruth         of those, the ones that got a YES or NO within the period
 * @param medianTimeToTruth    from an episode's start to its YES or NO, over the truths of the period
 * @param released             amounts on deals that got a clear no, by currency ("" when the CRM gave none)
 * @param followUpsIntoSilence outbound follow-ups (emails, calls) made in the period on deals while they
 *                             were in an open silence episode
 */
public record PeriodFigures(int yes, int no, int cameBack, int notReached, Map<NoReason, Integer> reasons, int opened,
                            int reachedTruth, Optional<Duration> medianTimeToTruth, Map<String, BigDecimal> released,
                            int followUpsIntoSilence) {

    public PeriodFigures {
        reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
        released = Collections.unmodifiableMap(new TreeMap<>(released));
    }

    /** YES and NO: the truths the method is after. */
    public int truths() {
        return yes + no;
    }

    /** Share of the episodes begun in the period that reached a truth, 0-100, if any began. */
    public Optional<Integer> truthRatePercent() {
        return opened == 0 ? Optional.empty() : Optional.of(Math.round(100f * reachedTruth / opened));
    }
}
