package dev.silentdeals.digests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.silentdeals.deals.DealStore;
import dev.silentdeals.deals.StoredDeal;
import dev.silentdeals.deals.Touch;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.reps.RepDirectory;
import dev.silentdeals.silence.Episode;
import dev.silentdeals.silence.EpisodeStore;
import dev.silentdeals.silence.SilenceDetection;
import dev.silentdeals.silence.SilentDeal;
import dev.silentdeals.teams.Team;
import dev.silentdeals.teams.Teams;
import dev.silentdeals.truth.Truth;
import dev.silentdeals.truth.TruthStore;
import org.springframework.stereotype.Component;

/**
 * Reads what a digest needs from the stores, for one team's members only. Reads are bounded by time
 * (truths and ended episodes by index range) and by the team (open deals per owner), never a full scan.
 */
@Component
class DigestFactsReader {

    /** Ended episodes are read up to "any time after": an episode begun in a past period may end later. */
    private static final Instant OPEN_END = Instant.parse("9999-12-31T00:00:00Z");

    private final Teams teams;
    private final TruthStore truths;
    private final EpisodeStore episodes;
    private final DealStore deals;
    private final SilenceDetection detection;
    private final RepDirectory reps;

    DigestFactsReader(Teams teams, TruthStore truths, EpisodeStore episodes, DealStore deals,
                      SilenceDetection detection, RepDirectory reps) {
        this.teams = teams;
        this.truths = truths;
        this.episodes = episodes;
        this.deals = deals;
        this.detection = detection;
        this.reps = reps;
    }

    DigestFacts read(String slackTeam, Team team, DigestPeriod period, Optional<Integer> silentAtLastDigest) {
        Set<String> members = teams.memberEmails(slackTeam, team);
        DigestPeriod previous = period.previous();
        Instant chartStart = WeeklyTruths.windowStart(period.to(), team.timeZone(), WeeklyTruths.WEEKS);
        Instant readFrom = chartStart.isBefore(previous.from()) ? chartStart : previous.from();

        List<Truth> memberTruths = truths.recordedBetween(slackTeam, readFrom, period.to()).stream()
                .filter(t -> isMember(members, t.ownerEmail())).toList();

        Map<String, Episode> memberEpisodes = new LinkedHashMap<>();
        for (Episode episode : episodes.endedBetween(slackTeam, previous.from(), OPEN_END)) {
            keepIfRelevant(memberEpisodes, episode, members, period);
        }
        for (Episode episode : episodes.openEpisodes(slackTeam, episodes.openEpisodeDealIds(slackTeam)).values()) {
            keepIfRelevant(memberEpisodes, episode, members, period);
        }
        Set<String> dealIds = new HashSet<>();
        memberEpisodes.values().forEach(e -> dealIds.add(e.dealId()));
        Map<String, List<Touch>> touches = new HashMap<>();
        for (StoredDeal stored : deals.load(slackTeam, dealIds)) {
            touches.put(stored.deal().id(), stored.touches());
        }

        Map<String, List<SilentDeal>> silentByRep = new LinkedHashMap<>();
        for (String email : members) {
            silentByRep.put(email, detection.dealsOf(slackTeam, email).stream()
                    .filter(d -> d.verdict().isSilent()).toList());
        }
        return new DigestFacts(team, period, members, memberTruths, new ArrayList<>(memberEpisodes.values()), touches,
                attempts(slackTeam, period, memberEpisodes.keySet()),
                attempts(slackTeam, previous, memberEpisodes.keySet()), silentByRep, names(slackTeam, members),
                silentAtLastDigest);
    }

    /** Every member's open deals judged now (silent, paused, or neither), by email. */
    Map<String, List<SilentDeal>> judgedDeals(String slackTeam, Team team) {
        Map<String, List<SilentDeal>> judged = new LinkedHashMap<>();
        for (String email : teams.memberEmails(slackTeam, team)) {
            judged.put(email, detection.dealsOf(slackTeam, email));
        }
        return judged;
    }

    /** Display names by email: the Slack name, or the email when Slack does not know the rep. */
    Map<String, String> names(String slackTeam, Set<String> emails) {
        Map<String, String> names = new HashMap<>();
        for (String email : emails) {
            names.put(email, reps.find(slackTeam, email).map(Rep::realName).filter(n -> !n.isBlank()).orElse(email));
        }
        return names;
    }

    private List<String> attempts(String slackTeam, DigestPeriod period, Set<String> memberEpisodeIds) {
        // An attempt happens while its episode is open, so the episode overlaps the period and was read above.
        return episodes.notReachedBetween(slackTeam, period.from(), period.to()).stream()
                .filter(memberEpisodeIds::contains).toList();
    }

    private static void keepIfRelevant(Map<String, Episode> kept, Episode episode, Set<String> members,
                                       DigestPeriod period) {
        if (isMember(members, episode.ownerEmail()) && episode.startedAt() != null
                && episode.startedAt().isBefore(period.to())) {
            kept.put(episode.episodeId(), episode);
        }
    }

    private static boolean isMember(Set<String> members, String email) {
        return email != null && members.contains(email.toLowerCase(java.util.Locale.ROOT));
    }
}
