package dev.silentdeals.digests;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Everything one digest says, before any wording: the period's figures beside the previous period's, the
 * silent zone now (and at the last digest), the voice of the lost, per-rep lines when the team wants
 * them, and the weekly truths for the chart.
 */
public record Digest(String teamName, ZoneId zone, DigestPeriod period, PeriodFigures current, PeriodFigures previous,
                     SilentZone silentNow, Optional<Integer> silentAtLastDigest, List<LostVoice> voices,
                     List<RepDetail> reps, boolean perRepDetail, WeeklyTruths weeks) {

    public Digest {
        voices = List.copyOf(voices);
        reps = List.copyOf(reps);
    }
}
