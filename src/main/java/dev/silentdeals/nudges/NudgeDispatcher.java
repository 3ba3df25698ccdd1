package dev.silentdeals.nudges;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.silentdeals.reps.Rep;
import dev.silentdeals.reps.RepDirectory;
import dev.silentdeals.silence.DetectionPassFinished;
import dev.silentdeals.silence.EpisodeStore;
import dev.silentdeals.silence.EpisodeStore.NudgeClaim;
import dev.silentdeals.silence.SilentDeal;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;

/**
 * Sends the nudges that may go out after each detection pass: one per episode (claimed atomically in
 * Redis first), only in the rep's working hours (their own, or the default), at most N a day per rep;
 * the rest wait for the next pass and stay visible in /silent-deals.
 */
@Service
class NudgeDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NudgeDispatcher.class);
    private static final int SENDERS = 4;
    /** Within Kubernetes' default 30 s between SIGTERM and SIGKILL. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

    private final EpisodeStore episodes;
    private final DealReads deals;
    private final RepDirectory reps;
    private final NudgeReadiness readiness;
    private final NudgeComposer composer;
    private final NudgeDelivery delivery;
    private final RepWorkingHours hours;
    private final int dailyCap;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS, new CustomizableThreadFactory(
            "nudge-sender-"));

    NudgeDispatcher(EpisodeStore episodes, DealReads deals, RepDirectory reps, NudgeReadiness readiness,
                    NudgeComposer composer, NudgeDelivery delivery, RepWorkingHours hours, NudgeProperties properties,
                    Clock clock, MeterRegistry meters) {
        this.episodes = episodes;
        this.deals = deals;
        this.reps = reps;
        this.readiness = readiness;
        this.composer = composer;
        this.delivery = delivery;
        this.hours = hours;
        this.dailyCap = properties.maxPerRepPerDay();
        this.clock = clock;
        this.meters = meters;
        // Registered now, so a dashboard shows zero rather than nothing before the first nudge.
        meters.counter("silentdeals.nudges.sent");
        meters.counter("silentdeals.nudges.failed");
    }

    @EventListener
    void on(DetectionPassFinished pass) {
        dispatch(pass.teamId());
    }

    /**
     * Sends a few nudges side by side: a send that waits out Slack's Retry-After (the gateway sleeps through
     * it) holds up only itself, not every other rep's nudge. The claim in Redis keeps each episode to one
     * nudge and each rep within the daily cap whatever the order.
     */
    int dispatch(String team) {
        List<Callable<Boolean>> sends = new ArrayList<>();
        for (String dealId : worthTrying(team, episodes.awaitingNudge(team), clock.instant())) {
            sends.add(() -> send(team, dealId));
        }
        int sent = 0;
        RuntimeException failure = null;
        try {
            for (Future<Boolean> done : senders.invokeAll(sends)) {
                try {
                    if (done.get()) {
                        sent++;
                    }
                } catch (ExecutionException e) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        return sent;
    }

    /**
     * The awaiting episodes, in the same order, less those whose rep cannot get a nudge now: her deal is
     * gone, she is not in Slack, she had her nudges for today or it is outside her hours. Read in batches
     * before any deal is loaded, so a pass where every rep is at the cap costs a few round trips, not a
     * judgement per episode. Each one left is judged and claimed exactly as before.
     */
    private List<String> worthTrying(String team, List<String> awaiting, Instant now) {
        Map<String, String> owners = deals.ownersOf(team, awaiting);
        Map<String, Optional<Rep>> repsByOwner = new HashMap<>();
        for (String owner : new LinkedHashSet<>(owners.values())) {
            repsByOwner.put(owner, reps.find(team, owner));
        }
        Set<String> ready = readiness.canGetNudge(team,
                repsByOwner.values().stream().flatMap(Optional::stream).toList(), now, dailyCap,
                delivery.respectsWorkingHours());
        List<String> worthTrying = new ArrayList<>();
        for (String dealId : awaiting) {
            String owner = owners.get(dealId);
            if (owner == null) {
                continue;
            }
            Optional<Rep> rep = repsByOwner.get(owner);
            if (rep.isEmpty()) {
                // As a judged deal would: logged (once per deal) and counted as an owner not in Slack.
                reps.ownerOf(team, dealId, owner);
            } else if (ready.contains(rep.get().userId())) {
                worthTrying.add(dealId);
            }
        }
        return worthTrying;
    }

    /**
     * Lets the nudges already in flight finish on the way down: a send cut off between its claim and Slack's
     * answer would be lost or, if Slack had accepted it, go out again. Whatever is still running after the grace
     * period is interrupted (and released for the next pass when its call fails).
     */
    @Override
    public void destroy() throws InterruptedException {
        senders.shutdown();
        if (!senders.awaitTermination(SHUTDOWN_GRACE.toSeconds(), TimeUnit.SECONDS)) {
            log.warn("Nudges still sending after {}: interrupting them", SHUTDOWN_GRACE);
            senders.shutdownNow();
        }
    }

    private boolean send(String team, String dealId) {
        Optional<SilentDeal> judged = deals.judgeNow(team, dealId);
        if (judged.isEmpty() || judged.get().episode() == null) {
            return false;
        }
        SilentDeal silent = judged.get();
        if (!silent.verdict().isSilent()) {
            return false;
        }
        Optional<Rep> owner = reps.ownerOf(team, dealId, silent.stored().deal().ownerEmail());
        if (owner.isEmpty()) {
            return false;
        }
        Rep rep = owner.get();
        Instant now = clock.instant();
        if (delivery.respectsWorkingHours() && !hours.of(team, rep.userId()).contain(now, rep.timeZone())) {
            return false;
        }
        String localDate = NudgeReadiness.today(rep, now);
        NudgeClaim claim = episodes.claimNudge(team, dealId, rep.userId(), localDate, dailyCap,
                silent.verdict().quietBusinessDays(), silent.verdict().chaseCount(), now);
        if (claim != NudgeClaim.CLAIMED) {
            if (claim == NudgeClaim.OVER_DAILY_CAP) {
                log.debug("Deal {} waits: {} already had {} nudges today", dealId, rep.email(), dailyCap);
            }
            return false;
        }
        try {
            NudgeDelivery.Delivered delivered = delivery.deliver(composer.compose(silent, rep));
            episodes.recordNudgeMessage(team, dealId, delivered.channel(), delivered.ts());
            meters.counter("silentdeals.nudges.sent").increment();
            return true;
        } catch (RuntimeException e) {
            episodes.releaseNudge(team, dealId, rep.userId(), localDate, silent.episode().startedAt());
            meters.counter("silentdeals.nudges.failed").increment();
            log.warn("Nudge for deal {} to {} could not be delivered; it will be tried again: {}", dealId,
                    rep.userId(), e.getMessage());
            return false;
        }
    }
}
