package dev.silentdeals.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.silentdeals.deals.DealStore;
import dev.silentdeals.silence.DetectionPassFinished;
import dev.silentdeals.silence.EpisodeStore;
import dev.silentdeals.silence.SilenceDetection;
import dev.silentdeals.workspaces.Workspaces;

/**
 * One silent deal for each of N reps, one detection pass, and the nudges the dispatcher sends after it
 * through a Slack that rate-limits and answers a share of calls with 429. Counts what Slack accepted per
 * episode: none may be lost, none sent twice.
 */
final class NudgeBenchmark {

    static final String FIGURE = "nudge delivery";

    private final InProcessService service;
    private final LoopbackRedis redis;
    private final RateLimitedSlack slack;
    private final String team;

    NudgeBenchmark(InProcessService service, LoopbackRedis redis, RateLimitedSlack slack, String team) {
        this.service = service;
        this.redis = redis;
        this.slack = slack;
        this.team = team;
    }

    record Outcome(int nudges, int opened, long dispatchNanos, boolean finished, int handedBack, int secondPassSent, long successes,
                   long attempts, long injected, long limited, double deliverySeconds, int lost, int twice,
                   int stillWaiting, int perSecond, double injectedShare) {

        double rate() {
            return successes / Math.max(0.001, deliverySeconds);
        }
    }

    Outcome run(int nudges, Instant now, double injectedShare, Duration bound, Deadline deadline) throws Exception {
        deadline.check("nudge delivery");
        service.bean(Workspaces.class).registerPrimary(team);
        DealLoader.load(service.bean(DealStore.class), SyntheticCrm.allSilent("N", nudges, 20, now), team, nudges, now);
        SilenceDetection detection = service.bean(SilenceDetection.class);
        EpisodeStore episodes = service.bean(EpisodeStore.class);
        slack.startLimiting();
        long start = System.nanoTime();
        ExecutorService pass = Executors.newSingleThreadExecutor();
        DetectionPassFinished first;
        boolean finished = true;
        try {
            Future<DetectionPassFinished> running = pass.submit(() -> detection.detect(team));
            try {
                first = running.get(Math.min(bound.toMillis(), deadline.left().toMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                finished = false;
                running.cancel(true);
                first = null;
            }
        } finally {
            pass.shutdownNow();
            pass.awaitTermination(1, TimeUnit.MINUTES);
        }
        long dispatchNanos = System.nanoTime() - start;
        long successesAfterFirst = slack.successes();
        double seconds = slack.deliverySeconds();
        // Nudges whose delivery failed were handed back; the next pass must deliver them, exactly once.
        int waitingAfterFirst = episodes.awaitingNudge(team).size();
        int secondPassSent = 0;
        if (waitingAfterFirst > 0 && finished) {
            detection.detect(team);
            secondPassSent = (int) (slack.successes() - successesAfterFirst);
        }
        int stillWaiting = episodes.awaitingNudge(team).size();
        int opened = first == null ? episodes.openEpisodeDealIds(team).size() : first.episodesOpened();
        Map<String, AtomicInteger> posts = slack.postsByEpisode();
        int twice = (int) posts.values().stream().filter(n -> n.get() > 1).count();
        int delivered = (int) posts.values().stream().filter(n -> n.get() >= 1).count();
        int lost = opened - delivered - stillWaiting;
        return new Outcome(nudges, opened, dispatchNanos, finished, waitingAfterFirst, secondPassSent, successesAfterFirst,
                slack.attempts(), slack.injected(), slack.limited(), seconds, lost, twice, stillWaiting,
                slack.perSecond(), injectedShare);
    }

    static Row row(Outcome o) {
        double share = o.rate() / o.perSecond();
        boolean met = share >= 0.9 && o.lost() == 0 && o.twice() == 0 && o.finished();
        return new Row(FIGURE, Figures.count(o.nudges()) + " nudges to " + Figures.count(o.nudges()) + " reps",
                String.format(java.util.Locale.ROOT, "%.1f msg/s (%s delivered in %.0f s), %d lost, %d sent twice",
                        o.rate(), Figures.count(o.successes()), o.deliverySeconds(), o.lost(), o.twice()),
                "allowed: " + o.perSecond() + " msg/s workspace-wide, 1/s per channel, "
                        + Figures.percent(o.injectedShare()) + " of calls 429",
                Figures.percent(share) + " of allowed",
                "≥ 90% of allowed, 0 lost, 0 twice", Row.Verdict.of(met),
                Map.of("messagesPerSecond", o.rate(), "allowedPerSecond", (double) o.perSecond(), "share", share,
                        "lost", (double) o.lost(), "twice", (double) o.twice()));
    }

    static List<String> notes(Outcome o) {
        List<String> notes = new ArrayList<>();
        notes.add(String.format(java.util.Locale.ROOT, "nudge delivery: %d episodes opened; the pass and its dispatch "
                        + "took %s%s; Slack saw %d post attempts, answered %d with an injected 429 and %d with a "
                        + "limit 429; %d nudges were handed back and the next pass delivered %d; %d still wait",
                o.opened(), Figures.millis(o.dispatchNanos()), o.finished() ? "" : " and was stopped at its bound",
                o.attempts(), o.injected(), o.limited(), o.handedBack(), o.secondPassSent(),
                o.stillWaiting()));
        return notes;
    }
}
