package dev.silentdeals.silence;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.silentdeals.deals.DealStore;
import dev.silentdeals.deals.StoredDeal;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.reps.RepDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Finds silent deals and keeps episodes right. A pass only reads the deals the index says could be quiet
 * long enough, plus those with an open episode; it never scans every deal, and of each candidate it reads
 * only the touches since its last reply.
 */
@Service
public class SilenceDetection {

    private static final Logger log = LoggerFactory.getLogger(SilenceDetection.class);
    private static final int BATCH = 1000;

    private final DealStore deals;
    private final EpisodeStore episodes;
    private final PauseStore pauses;
    private final RepDirectory reps;
    private final SilenceProperties properties;
    private final SilencePolicy policy;
    private final SilenceRule rule;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;

    SilenceDetection(DealStore deals, EpisodeStore episodes, PauseStore pauses, RepDirectory reps,
                     SilenceProperties properties, Clock clock, ApplicationEventPublisher events, MeterRegistry meters) {
        this.deals = deals;
        this.episodes = episodes;
        this.pauses = pauses;
        this.reps = reps;
        this.properties = properties;
        this.policy = properties.policy();
        this.rule = new SilenceRule(policy);
        this.clock = clock;
        this.events = events;
        this.meters = meters;
        // Registered now, so a dashboard shows zero rather than nothing before the first pass.
        meters.counter("silentdeals.episodes.opened");
        meters.counter("silentdeals.episodes.ended");
    }

    /** One detection pass over a workspace. */
    public DetectionPassFinished detect(String team) {
        Instant now = clock.instant();
        // A deal whose last reply is newer than this cannot be silent yet, in any time zone.
        Instant cutoff = policy.newestPossiblySilentReply(now);
        Map<String, Long> quiet = deals.openDealsQuietSinceWithLastReply(team, cutoff);
        Set<String> withEpisode = new HashSet<>(episodes.openEpisodeDealIds(team));
        Set<String> ids = new LinkedHashSet<>(quiet.keySet());
        ids.addAll(withEpisode);
        // A reply the index holds is a reply now only if it is not in the future (a clock running behind the
        // sync's): then the deal is read whole.
        long nowMillis = now.toEpochMilli();
        quiet.values().removeIf(lastReply -> lastReply > nowMillis);
        Map<String, ZoneId> zones = new HashMap<>();
        int silent = 0;
        int opened = 0;
        int ended = 0;
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            Map<String, StoredDeal> loaded = new HashMap<>();
            deals.loadForJudging(team, batch, quiet).forEach(stored -> loaded.put(stored.deal().id(), stored));
            Map<String, Episode> open = episodes.openEpisodes(team,
                    batch.stream().filter(withEpisode::contains).toList());
            Map<String, Pause> paused = pauses.find(team, batch);
            for (String dealId : batch) {
                StoredDeal stored = loaded.get(dealId);
                Episode episode = open.get(dealId);
                if (stored == null) {
                    if (episode != null && episodes.end(team, dealId, episode.episodeId(), EpisodeEnd.CLOSED, now)) {
                        ended++;
                    }
                    continue;
                }
                String owner = stored.deal().ownerEmail();
                ZoneId zone = zones.get(owner);
                if (zone == null) {
                    zone = zoneOf(team, owner);
                    zones.put(owner, zone);
                }
                SilenceVerdict verdict = judge(stored, paused.get(dealId), zone, now);
                if (verdict.isSilent()) {
                    silent++;
                }
                EpisodeDecision decision = EpisodeRules.decide(toState(episode), verdict, now);
                switch (decision.action()) {
                    case OPEN_NEW -> {
                        if (episodes.open(team, dealId, stored.deal().ownerEmail(), verdict, now)) {
                            opened++;
                        }
                    }
                    case END -> {
                        if (episodes.end(team, dealId, episode.episodeId(), decision.endReason(), now)) {
                            ended++;
                        }
                    }
                    case KEEP, NONE -> {
                    }
                }
            }
        }
        meters.counter("silentdeals.episodes.opened").increment(opened);
        meters.counter("silentdeals.episodes.ended").increment(ended);
        log.info("Detection for {}: {} deals judged, {} silent, {} episodes opened, {} ended", team, ids.size(),
                silent, opened, ended);
        DetectionPassFinished finished = new DetectionPassFinished(team, silent, opened, ended, ids.size());
        events.publishEvent(finished);
        return finished;
    }

    /** The rep's open deals judged now, silent ones first by longest quiet. Includes paused deals. */
    public List<SilentDeal> dealsOf(String team, String ownerEmail) {
        Instant now = clock.instant();
        Set<String> ids = deals.openDealIdsOf(team, ownerEmail);
        ZoneId zone = zoneOf(team, ownerEmail);
        Map<String, Episode> open = episodes.openEpisodes(team, ids);
        Map<String, Pause> paused = pauses.find(team, ids);
        List<SilentDeal> judged = new ArrayList<>();
        for (StoredDeal stored : deals.load(team, ids)) {
            Pause pause = paused.get(stored.deal().id());
            judged.add(new SilentDeal(stored, judge(stored, pause, zone, now), open.get(stored.deal().id()), pause));
        }
        judged.sort(Comparator.comparingInt((SilentDeal d) -> -d.verdict().quietBusinessDays())
                .thenComparing(SilentDeal::dealId));
        return judged;
    }

    /** One deal judged now, with its episode and pause. */
    public java.util.Optional<SilentDeal> judgeNow(String team, String dealId) {
        return deals.find(team, dealId).map(stored -> {
            Pause pause = pauses.find(team, dealId).orElse(null);
            ZoneId zone = zoneOf(team, stored.deal().ownerEmail());
            return new SilentDeal(stored, judge(stored, pause, zone, clock.instant()),
                    episodes.openEpisode(team, dealId).orElse(null), pause);
        });
    }

    private SilenceVerdict judge(StoredDeal stored, Pause pause, ZoneId zone, Instant now) {
        boolean paused = pause != null && pause.isActiveOn(LocalDate.ofInstant(now, zone));
        return rule.judge(stored.deal(), stored.touches(), stored.lastConversationAt(), paused, now, zone);
    }

    private ZoneId zoneOf(String team, String ownerEmail) {
        return reps.find(team, ownerEmail).map(Rep::timeZone).orElse(properties.defaultTimeZone());
    }

    private static EpisodeState toState(Episode episode) {
        return episode == null ? null
                : new EpisodeState(episode.dealId(), episode.startedAt(), episode.anchorReplyAt(), episode.nudgedAt());
    }
}
