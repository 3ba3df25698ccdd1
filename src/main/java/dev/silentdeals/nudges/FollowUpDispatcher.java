package dev.silentdeals.nudges;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.silentdeals.deals.StoredDeal;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.reps.RepDirectory;
import dev.silentdeals.silence.DetectionPassFinished;
import dev.silentdeals.silence.Episode;
import dev.silentdeals.silence.EpisodeStore;
import dev.silentdeals.silence.SilentDeal;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * After each detection pass, the one follow-up a nudged episode may get: the step-back when more written
 * follow-ups went out after the nudge, or else the kind reminder when nothing was recorded for a few
 * business days. Whichever comes first is the only one: the bot then stays quiet about that episode.
 * Claimed atomically before sending, only in the rep's working hours, never while the deal is paused.
 */
@Service
class FollowUpDispatcher {

    private static final Logger log = LoggerFactory.getLogger(FollowUpDispatcher.class);
    private static final int BATCH = 500;

    private final EpisodeStore episodes;
    private final FollowUpStore followUps;
    private final DealReads deals;
    private final RepDirectory reps;
    private final RepWorkingHours hours;
    private final NudgeComposer composer;
    private final NudgeDelivery delivery;
    private final int reminderBusinessDays;
    private final Clock clock;
    private final MeterRegistry meters;

    FollowUpDispatcher(EpisodeStore episodes, FollowUpStore followUps, DealReads deals, RepDirectory reps,
                       RepWorkingHours hours, NudgeComposer composer, NudgeDelivery delivery,
                       NudgeProperties properties, Clock clock, MeterRegistry meters) {
        this.episodes = episodes;
        this.followUps = followUps;
        this.deals = deals;
        this.reps = reps;
        this.hours = hours;
        this.composer = composer;
        this.delivery = delivery;
        this.reminderBusinessDays = properties.reminderBusinessDays();
        this.clock = clock;
        this.meters = meters;
    }

    /** Never throws: a problem here must not keep the nudges of the same pass from going out. */
    @EventListener
    void on(DetectionPassFinished pass) {
        try {
            dispatch(pass.teamId());
        } catch (RuntimeException e) {
            log.warn("Follow-ups for {} skipped this pass; the next pass tries again: {}", pass.teamId(), e.toString());
        }
    }

    /**
     * Sends the follow-ups due now; returns how many went out. Before a batch is loaded, the episodes whose
     * rep cannot get a message now (not in Slack, outside her hours) are left out; the owners are read in
     * one round trip per batch and each rep is looked up once.
     */
    int dispatch(String team) {
        Instant now = clock.instant();
        List<String> open = episodes.openEpisodeDealIds(team);
        Map<String, Optional<Rep>> owners = new HashMap<>();
        Map<String, WorkingHours> repHours = new HashMap<>();
        int sent = 0;
        for (int from = 0; from < open.size(); from += BATCH) {
            List<String> batch = open.subList(from, Math.min(open.size(), from + BATCH));
            List<Episode> nudged = episodes.openEpisodes(team, batch).values().stream().filter(Episode::isNudged)
                    .toList();
            Set<String> done = followUps.followedUp(team, nudged.stream().map(Episode::episodeId).toList());
            List<Episode> candidates = nudged.stream().filter(e -> !done.contains(e.episodeId())).toList();
            Map<String, String> ownerEmails = deals.ownersOf(team, candidates.stream().map(Episode::dealId).toList());
            List<Episode> reachable = new ArrayList<>(candidates.size());
            for (Episode episode : candidates) {
                String ownerEmail = ownerEmails.get(episode.dealId());
                if (ownerEmail == null) {
                    continue;
                }
                Optional<Rep> rep = owners.computeIfAbsent(ownerEmail,
                        email -> reps.ownerOf(team, episode.dealId(), email));
                if (rep.isPresent() && inHours(team, rep.get(), repHours, now)) {
                    reachable.add(episode);
                }
            }
            Map<String, StoredDeal> loaded = new HashMap<>();
            deals.load(team, reachable.stream().map(Episode::dealId).toList())
                    .forEach(stored -> loaded.put(stored.deal().id(), stored));
            for (Episode episode : reachable) {
                StoredDeal stored = loaded.get(episode.dealId());
                if (stored == null) {
                    continue;
                }
                Optional<Rep> rep = owners.computeIfAbsent(stored.deal().ownerEmail(),
                        email -> reps.ownerOf(team, episode.dealId(), email));
                if (rep.isEmpty()) {
                    continue;
                }
                Optional<FollowUpKind> kind = dueKind(team, episode, stored, rep.get(), repHours, now);
                if (kind.isPresent() && send(team, episode, kind.get(), rep.get(), repHours, now)) {
                    sent++;
                }
            }
        }
        return sent;
    }

    /** Whether the rep may get a message now; her hours are read once per dispatch. */
    private boolean inHours(String team, Rep rep, Map<String, WorkingHours> repHours, Instant now) {
        return !delivery.respectsWorkingHours() || hoursOf(team, rep, repHours).contain(now, rep.timeZone());
    }

    private WorkingHours hoursOf(String team, Rep rep, Map<String, WorkingHours> repHours) {
        return repHours.computeIfAbsent(rep.userId(), userId -> hours.of(team, userId));
    }

    private Optional<FollowUpKind> dueKind(String team, Episode episode, StoredDeal stored, Rep rep,
                                           Map<String, WorkingHours> repHours, Instant now) {
        if (StepBackRule.isDue(episode.nudgedAt(), stored.touches(), episode.notReachedCount(), now)) {
            return Optional.of(FollowUpKind.STEP_BACK);
        }
        if (ReminderRule.isDue(episode.nudgedAt(), episode.notReachedCount(), now, rep.timeZone(),
                hoursOf(team, rep, repHours).week(), reminderBusinessDays)) {
            return Optional.of(FollowUpKind.REMINDER);
        }
        return Optional.empty();
    }

    private boolean send(String team, Episode episode, FollowUpKind kind, Rep rep, Map<String, WorkingHours> repHours,
                         Instant now) {
        if (!inHours(team, rep, repHours, now)) {
            return false;
        }
        // Judged afresh: a paused deal, or one that is no longer silent, gets nothing.
        Optional<SilentDeal> judged = deals.judgeNow(team, episode.dealId());
        if (judged.isEmpty() || !judged.get().verdict().isSilent() || judged.get().episode() == null
                || !judged.get().episode().episodeId().equals(episode.episodeId())) {
            return false;
        }
        FollowUpStore.Claim claim = followUps.claim(team, episode.dealId(), episode.episodeId(), kind, now);
        if (claim != FollowUpStore.Claim.CLAIMED) {
            return false;
        }
        try {
            NudgeDelivery.Delivered delivered = delivery.deliverFollowUp(kind, composer.compose(judged.get(), rep));
            followUps.recordMessage(team, episode.episodeId(), kind, delivered.channel(), delivered.ts());
            meters.counter("silentdeals.follow_ups.sent", "kind", kind.name()).increment();
            log.info("{} sent for deal {} (episode {})", kind, episode.dealId(), episode.episodeId());
            return true;
        } catch (RuntimeException e) {
            followUps.release(team, episode.episodeId(), kind);
            meters.counter("silentdeals.follow_ups.failed", "kind", kind.name()).increment();
            log.warn("{} for deal {} to {} could not be delivered; it will be tried again: {}", kind,
                    episode.dealId(), rep.userId(), e.getMessage());
            return false;
        }
    }
}
