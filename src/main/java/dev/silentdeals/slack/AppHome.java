package dev.silentdeals.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.silentdeals.nudges.FollowUpsIntoSilence;
import dev.silentdeals.nudges.RepWorkingHours;
import dev.silentdeals.nudges.Revisits;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.reps.RepDirectory;
import dev.silentdeals.silence.Episode;
import dev.silentdeals.silence.EpisodeStore;
import dev.silentdeals.silence.SilenceDetection;
import dev.silentdeals.silence.SilentDeal;
import dev.silentdeals.truth.NoReason;
import dev.silentdeals.truth.Truth;
import dev.silentdeals.truth.TruthStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a rep's App Home (views.publish): when they open it, and again after they act (a truth, a
 * pause, a resume, new working hours) so it never shows stale deals.
 */
class AppHome {

    private static final Logger log = LoggerFactory.getLogger(AppHome.class);
    private static final Duration TRUTH_WINDOW = Duration.ofDays(30);

    private final SilenceDetection detection;
    private final RepDirectory reps;
    private final TruthStore truths;
    private final EpisodeStore episodes;
    private final Revisits revisits;
    private final RepWorkingHours hours;
    private final AppHomeView view;
    private final SlackGateway gateway;
    private final Clock clock;

    AppHome(SilenceDetection detection, RepDirectory reps, TruthStore truths, EpisodeStore episodes, Revisits revisits,
            RepWorkingHours hours, AppHomeView view, SlackGateway gateway, Clock clock) {
        this.detection = detection;
        this.reps = reps;
        this.truths = truths;
        this.episodes = episodes;
        this.revisits = revisits;
        this.hours = hours;
        this.view = view;
        this.gateway = gateway;
        this.clock = clock;
    }

    /** Builds and publishes the user's Home tab; a failure is logged, never thrown (it is refreshed next time). */
    void publish(String team, String userId) {
        try {
            Optional<Rep> rep = reps.findByUserId(team, userId);
            gateway.publishHome(team, userId, rep.isEmpty() || rep.get().email().isBlank() ? view.notMatched()
                    : view.render(facts(team, rep.get())));
        } catch (RuntimeException e) {
            log.warn("Could not publish the App Home for {}: {}", userId, e.getMessage());
        }
    }

    AppHomeFacts facts(String team, Rep rep) {
        Instant now = clock.instant();
        ZoneId zone = rep.timeZone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<SilentDeal> deals = detection.dealsOf(team, rep.email());
        List<SilentDeal> silent = deals.stream().filter(deal -> deal.verdict().isSilent()).toList();
        List<SilentDeal> paused = deals.stream().filter(deal -> deal.pause() != null && deal.pause().isActiveOn(today))
                .sorted(Comparator.comparing((SilentDeal deal) -> deal.pause().until()).thenComparing(SilentDeal::dealId))
                .toList();
        ZonedDateTime thisMonth = today.withDayOfMonth(1).atStartOfDay(zone);
        ZonedDateTime lastMonth = thisMonth.minusMonths(1);
        int followUpsThisMonth = 0;
        int followUpsLastMonth = 0;
        for (SilentDeal deal : deals) {
            followUpsThisMonth += FollowUpsIntoSilence.count(deal.stored().touches(), thisMonth.toInstant(),
                    thisMonth.plusMonths(1).toInstant());
            followUpsLastMonth += FollowUpsIntoSilence.count(deal.stored().touches(), lastMonth.toInstant(),
                    thisMonth.toInstant());
        }
        return new AppHomeFacts(rep, silent, paused, revisits.pendingOf(team, rep.email()),
                truthCounts(team, rep, now.minus(TRUTH_WINDOW), now), followUpsThisMonth, followUpsLastMonth,
                hours.of(team, rep.userId()), !hours.isOwn(team, rep.userId()), zone);
    }

    private AppHomeFacts.TruthCounts truthCounts(String team, Rep rep, Instant from, Instant to) {
        int yes = 0;
        int no = 0;
        int replied = 0;
        Map<NoReason, Integer> reasons = new EnumMap<>(NoReason.class);
        for (Truth truth : truths.recordedBetween(team, from, to.plusMillis(1))) {
            if (!rep.email().equalsIgnoreCase(truth.ownerEmail())) {
                continue;
            }
            switch (truth.outcome()) {
                case YES -> yes++;
                case NO -> {
                    no++;
                    if (truth.reason() != null) {
                        reasons.merge(truth.reason(), 1, Integer::sum);
                    }
                }
                case REPLIED -> replied++;
                default -> {
                }
            }
        }
        int notReached = 0;
        Map<String, Boolean> mine = new HashMap<>();
        for (String episodeId : episodes.notReachedBetween(team, from, to.plusMillis(1))) {
            if (mine.computeIfAbsent(episodeId, id -> isOwnedBy(team, id, rep))) {
                notReached++;
            }
        }
        Map<NoReason, Integer> sorted = new LinkedHashMap<>();
        reasons.entrySet().stream().sorted(Map.Entry.<NoReason, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new AppHomeFacts.TruthCounts(yes, no, replied, notReached, sorted);
    }

    /** Episode ids are "dealId-startMillis" (see EpisodeStore.open), so the deal is what comes before the last dash. */
    private boolean isOwnedBy(String team, String episodeId, Rep rep) {
        int dash = episodeId.lastIndexOf('-');
        if (dash <= 0) {
            return false;
        }
        return episodes.find(team, episodeId.substring(0, dash), episodeId).map(Episode::ownerEmail)
                .map(owner -> owner.toLowerCase(Locale.ROOT).equals(rep.email().toLowerCase(Locale.ROOT)))
                .orElse(false);
    }
}
