package dev.silentdeals.truth;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import dev.silentdeals.deals.Deal;
import dev.silentdeals.deals.DealStore;
import dev.silentdeals.deals.StoredDeal;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.reps.RepDirectory;
import dev.silentdeals.silence.Episode;
import dev.silentdeals.silence.EpisodeEnd;
import dev.silentdeals.silence.EpisodeStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Records what a rep learned. Only the deal's owner may record; each episode gets one truth however
 * often the request is retried or the form submitted; a "couldn't reach them" counts once per click.
 */
@Service
public class TruthRecording {

    private final DealStore deals;
    private final EpisodeStore episodes;
    private final TruthStore truths;
    private final RepDirectory reps;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;

    TruthRecording(DealStore deals, EpisodeStore episodes, TruthStore truths, RepDirectory reps, Clock clock,
                   ApplicationEventPublisher events, MeterRegistry meters) {
        this.deals = deals;
        this.episodes = episodes;
        this.truths = truths;
        this.reps = reps;
        this.clock = clock;
        this.events = events;
        this.meters = meters;
        // Registered now, so a dashboard shows zero rather than nothing before the first truth.
        for (Outcome outcome : Outcome.values()) {
            meters.counter("silentdeals.truths.recorded", "outcome", outcome.name());
        }
    }

    /**
     * Records {@code submission} for the deal's episode {@code episodeId} on behalf of Slack user
     * {@code userId}; {@code actionId} identifies the click (Slack's action ts), so a retry counts once.
     */
    public RecordingResult record(String team, String dealId, String episodeId, String userId, String actionId,
                                  TruthSubmission submission) {
        Optional<StoredDeal> stored = deals.find(team, dealId);
        if (stored.isEmpty()) {
            return new RecordingResult.NothingOpen();
        }
        Deal deal = stored.get().deal();
        Optional<Rep> owner = reps.find(team, deal.ownerEmail());
        if (owner.isEmpty() || !owner.get().userId().equals(userId)) {
            return new RecordingResult.NotOwner(owner.map(Rep::realName).orElse(deal.ownerEmail()));
        }
        Optional<Truth> existing = truths.find(team, episodeId);
        Optional<Episode> episode = episodes.find(team, dealId, episodeId);
        if (existing.isPresent()) {
            return new RecordingResult.AlreadyRecorded(existing.get(), episode.orElse(null));
        }
        if (episode.isEmpty() || episode.get().isEnded() || !deal.isOpen()) {
            return new RecordingResult.NothingOpen();
        }
        Map<String, String> problems = TruthRules.problems(submission, LocalDate.ofInstant(clock.instant(),
                owner.get().timeZone()));
        if (!problems.isEmpty()) {
            return new RecordingResult.Invalid(problems);
        }
        Instant now = clock.instant();
        if (submission.outcome() == Outcome.NOT_REACHED) {
            int attempts = episodes.recordNotReached(team, dealId, episodeId, actionId, now);
            if (attempts > 0) {
                meters.counter("silentdeals.truths.recorded", "outcome", Outcome.NOT_REACHED.name()).increment();
            }
            Episode current = episodes.find(team, dealId, episodeId).orElse(episode.get());
            return new RecordingResult.NotReachedCounted(current, current.notReachedCount(), attempts < 0);
        }
        Truth truth = truthOf(deal, episode.get(), submission, userId, now);
        if (!truths.record(truth, submission.outcome().isConversation())) {
            return new RecordingResult.AlreadyRecorded(truths.find(team, episodeId).orElse(truth), episode.get());
        }
        // Contact first, then the end: a detection pass in between must not see a silent deal without an episode.
        deals.recordConversation(team, dealId, now);
        EpisodeEnd end = submission.outcome() == Outcome.REPLIED ? EpisodeEnd.REPLIED : EpisodeEnd.TRUTH_RECORDED;
        episodes.end(team, dealId, episodeId, end, now);
        meters.counter("silentdeals.truths.recorded", "outcome", submission.outcome().name()).increment();
        events.publishEvent(new TruthRecorded(truth));
        return new RecordingResult.Recorded(truth, episode.get());
    }

    private static Truth truthOf(Deal deal, Episode episode, TruthSubmission submission, String userId, Instant now) {
        return new Truth(deal.teamId(), episode.episodeId(), deal.id(), submission.outcome(),
                submission.outcome() == Outcome.NO ? submission.reason() : null, submission.nextStep(),
                submission.date(), submission.note(), userId, deal.ownerEmail(), now, episode.startedAt(),
                episode.quietDaysShown(), episode.chaseCountShown(), deal.amount(), deal.currency(), deal.company(),
                deal.contact().name());
    }
}
