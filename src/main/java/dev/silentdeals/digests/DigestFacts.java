package dev.silentdeals.digests;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.silentdeals.deals.Touch;
import dev.silentdeals.silence.Episode;
import dev.silentdeals.silence.SilentDeal;
import dev.silentdeals.teams.Team;
import dev.silentdeals.truth.Truth;

/**
 * What a digest is computed from, as read from the stores for one team (already limited to its members).
 *
 * @param members          the team members' emails (lower case)
 * @param truths           truths of members recorded from the start of the previous period (or of the chart's
 *                         eight weeks, whichever is earlier) to the end of the period
 * @param episodes         members' silence episodes, open or ended, that overlap the previous period or this one
 * @param touchesByDeal    the touches of the deals those episodes belong to
 * @param notReachedNow    one episode id per call that did not connect in the period
 * @param notReachedBefore the same for the previous period
 * @param silentByRep      each member's deals in the silent zone now, by email
 * @param repNames         display names by email (the email when Slack does not know the rep)
 * @param silentAtLastDigest how many deals were silent when the last digest was posted, if one was
 */
record DigestFacts(Team team, DigestPeriod period, Set<String> members, List<Truth> truths, List<Episode> episodes,
                   Map<String, List<Touch>> touchesByDeal, List<String> notReachedNow, List<String> notReachedBefore,
                   Map<String, List<SilentDeal>> silentByRep, Map<String, String> repNames,
                   Optional<Integer> silentAtLastDigest) {
}
