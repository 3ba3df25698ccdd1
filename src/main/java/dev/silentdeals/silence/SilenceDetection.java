package dev.silentdeals.silence;

import java.time.Clock;
import java.time.Duration;
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
import java.util.Optional;
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
 * Finds silent deals and keeps episodes right. A pass never scans every deal. It judges only what can have
 * changed since the last pass: the deals whose last reply has just become old enough to matter, the deals a
 * sync or a rep's action marked, and the deals whose verdict time alone changes now (a quiet-days threshold
 * reached, a pause ending, a meeting taking place). Of each it reads only the touches since its last reply.
 * Once a day (DETECTION_FULL_PASS_INTERVAL), on first use and whenever the thresholds change, a full pass judges every deal that could be
 * silent and every open episode instead, which also catches what no data change signals (a rep's new time
 * zone).
 */
@Service
public class SilenceDetection {

    private static final Logger log = LoggerFactory.getLogger(SilenceDetection.class);
    private static final int BATCH = 1000;

    private final DealStore deals;
    private final EpisodeStore episodes;
    private final PauseStore pauses;
    private final RepDirectory reps;
    private final DetectionProgress progress;
    private final SilenceProperties properties;
    private final SilencePolicy policy;
    private final String policyInForce;
    private final Duration fullPassInterval;
    private final SilenceRule rule;
    private final RecheckRule recheck;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;

    SilenceDetection(DealStore deals, EpisodeStore episodes, PauseStore pauses, RepDirectory reps,
                     DetectionProgress progress, SilenceProperties properties, Clock clock,
                     ApplicationEventPublisher events, MeterRegistry meters) {
        this.deals = deals;
        this.episodes = episodes;
        this.pauses = pauses;
        this.reps = reps;
        this.progress = progress;
        this.properties = properties;
        this.policy = properties.policy();
        this.policyInForce = policy + ", default zone " + properties.defaultTimeZone();
        this.fullPassInterval = properties.fullPassInterval();
        this.rule = new SilenceRule(policy);
        this.recheck = new RecheckRule(policy);
        this.clock = clock;
        this.events = events;
        this.meters = meters;
        // Registered now, so a dashboard shows zero rather than nothing before the first pass.
        meters.counter("silentdeals.episodes.opened");
        meters.counter("silentdeals.episodes.ended");
    }

    /** One detection pass over a workspace: full when one is due, else only what can have changed. */
    public DetectionPassFinished detect(String team) {
        Instant now = clock.instant();
        DetectionProgress.State state = progress.state(team);
        boolean fullDue = state.through() == null || state.fullAt() == null
                || !policyInForce.equals(state.policy()) || now.isBefore(state.fullAt())
                || !now.isBefore(state.fullAt().plus(fullPassInterval));
        return pass(team, now, fullDue ? null : state.through());
    }

    /** A full pass now: every deal that could be silent and every open episode judged afresh. */
    public DetectionPassFinished detectFully(String team) {
        return pass(team, clock.instant(), null);
    }

    /** @param since the cutoff the last finished pass judged through; null for a full pass */
    private DetectionPassFinished pass(String team, Instant now, Instant since) {
        boolean full = since == null;
        // A deal whose last reply is newer than this cannot be silent yet, in any time zone.
        Instant cutoff = policy.newestPossiblySilentReply(now);
        progress.begin(team, cutoff);
        Map<String, Long> lastReplies = full ? deals.openDealsQuietSinceWithLastReply(team, cutoff)
                : deals.openDealsRepliedBetween(team, since, cutoff);
        Set<String> ids = new LinkedHashSet<>(lastReplies.keySet());
        Set<String> withEpisode = full ? new HashSet<>(episodes.openEpisodeDealIds(team)) : null;
        if (full) {
            ids.addAll(withEpisode);
        }
        ids.addAll(progress.takeDealsToJudge(team));
        ids.addAll(progress.dueForRecheck(team, now));
        lastReplies.putAll(deals.lastRepliesOf(team,
                ids.stream().filter(id -> !lastReplies.containsKey(id)).toList()));
        // A reply the index holds is a reply now only if it is not in the future (a clock running behind the
        // sync's): then the deal is read whole.
        long nowMillis = now.toEpochMilli();
        lastReplies.values().removeIf(lastReply -> lastReply > nowMillis);
        Map<String, ZoneId> zones = new HashMap<>();
        Set<String> silentIds = new HashSet<>();
        int opened = 0;
        int ended = 0;
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            Map<String, StoredDeal> loaded = new HashMap<>();
            deals.loadForJudging(team, batch, lastReplies).forEach(stored -> loaded.put(stored.deal().id(), stored));
            Map<String, Episode> open = episodes.openEpisodes(team,
                    full ? batch.stream().filter(withEpisode::contains).toList() : batch);
            Map<String, Pause> paused = pauses.find(team, batch);
            Map<String, Boolean> silentInBatch = new HashMap<>();
            Map<String, Optional<Instant>> rechecks = new HashMap<>();
            for (String dealId : batch) {
                StoredDeal stored = loaded.get(dealId);
                Episode episode = open.get(dealId);
                if (stored == null) {
                    if (episode != null && episodes.end(team, dealId, episode.episodeId(), EpisodeEnd.CLOSED, now)) {
                        ended++;
                    }
                    silentInBatch.put(dealId, false);
                    rechecks.put(dealId, Optional.empty());
                    continue;
                }
                String owner = stored.deal().ownerEmail();
                ZoneId zone = zones.get(owner);
                if (zone == null) {
                    zone = zoneOf(team, owner);
                    zones.put(owner, zone);
                }
                Pause pause = paused.get(dealId);
                LocalDate pausedUntil = pause != null && pause.isActiveOn(LocalDate.ofInstant(now, zone))
                        ? pause.until() : null;
                SilenceVerdict verdict = rule.judge(stored.deal(), stored.touches(), stored.lastConversationAt(),
                        pausedUntil != null, now, zone);
                silentInBatch.put(dealId, verdict.isSilent());
                if (verdict.isSilent()) {
                    silentIds.add(dealId);
                }
                rechecks.put(dealId, recheck.nextCheck(stored.deal(), stored.touches(), verdict, pausedUntil, now, zone));
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
            progress.judged(team, silentInBatch, rechecks);
        }
        if (full) {
            progress.keepOnlySilent(team, silentIds);
        }
        progress.finish(team, cutoff, full ? now : null, policyInForce);
        int silent = (int) progress.silentCount(team);
        meters.counter("silentdeals.episodes.opened").increment(opened);
        meters.counter("silentdeals.episodes.ended").increment(ended);
        log.info("Detection for {} ({} pass): {} deals judged, {} silent, {} episodes opened, {} ended", team,
                full ? "full" : "incremental", ids.size(), silent, opened, ended);
        DetectionPassFinished finished = new DetectionPassFinished(team, silent, opened, ended, ids.size());
        events.publishEvent(finished);
        return finished;
    }

    /** The rep's open deals judged now, silent ones first by longest quiet. Includes paused deals. */
    public List<SilentDeal> dealsOf(String team, String ownerEmail) {
        return judgedDealsOf(team, ownerEmail, false);
    }

    /**
     * The rep's silent deals judged now, longest quiet first: what {@code /silent-deals} lists. Each deal comes
     * with only its touches since its last reply, which is all judging needs, so the answer stays quick.
     */
    public List<SilentDeal> silentDealsOf(String team, String ownerEmail) {
        return judgedDealsOf(team, ownerEmail, true).stream().filter(deal -> deal.verdict().isSilent()).toList();
    }

    private List<SilentDeal> judgedDealsOf(String team, String ownerEmail, boolean recentTouchesOnly) {
        Instant now = clock.instant();
        Set<String> ids = deals.openDealIdsOf(team, ownerEmail);
        ZoneId zone = zoneOf(team, ownerEmail);
        Map<String, Episode> open = episodes.openEpisodes(team, ids);
        Map<String, Pause> paused = pauses.find(team, ids);
        Map<String, Long> lastReplies = new HashMap<>();
        if (recentTouchesOnly) {
            long nowMillis = now.toEpochMilli();
            deals.lastRepliesOf(team, new ArrayList<>(ids)).forEach((id, at) -> {
                if (at <= nowMillis) {
                    lastReplies.put(id, at);
                }
            });
        }
        List<SilentDeal> judged = new ArrayList<>();
        for (StoredDeal stored : deals.loadForJudging(team, ids, lastReplies)) {
            Pause pause = paused.get(stored.deal().id());
            judged.add(new SilentDeal(stored, judge(stored, pause, zone, now), open.get(stored.deal().id()), pause));
        }
        judged.sort(Comparator.comparingInt((SilentDeal d) -> -d.verdict().quietBusinessDays())
                .thenComparing(SilentDeal::dealId));
        return judged;
    }

    /** One deal judged now, with its episode and pause. */
    public Optional<SilentDeal> judgeNow(String team, String dealId) {
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
