package dev.silentdeals.nudges;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import dev.silentdeals.reps.Rep;
import dev.silentdeals.reps.RepDirectory;
import dev.silentdeals.silence.DetectionPassFinished;
import dev.silentdeals.silence.EpisodeStore;
import dev.silentdeals.silence.EpisodeStore.NudgeClaim;
import dev.silentdeals.silence.SilenceDetection;
import dev.silentdeals.silence.SilentDeal;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Sends the nudges that may go out after each detection pass: one per episode (claimed atomically in
 * Redis first), only in the rep's working hours, at most N a day per rep; the rest wait for the next
 * pass and stay visible in /silent-deals.
 */
@Service
class NudgeDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NudgeDispatcher.class);

    private final EpisodeStore episodes;
    private final SilenceDetection detection;
    private final RepDirectory reps;
    private final NudgeComposer composer;
    private final NudgeDelivery delivery;
    private final WorkingHours hours;
    private final int dailyCap;
    private final Clock clock;
    private final MeterRegistry meters;

    NudgeDispatcher(EpisodeStore episodes, SilenceDetection detection, RepDirectory reps, NudgeComposer composer,
                    NudgeDelivery delivery, NudgeProperties properties, Clock clock, MeterRegistry meters) {
        this.episodes = episodes;
        this.detection = detection;
        this.reps = reps;
        this.composer = composer;
        this.delivery = delivery;
        this.hours = properties.hours();
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

    int dispatch(String team) {
        int sent = 0;
        for (String dealId : episodes.awaitingNudge(team)) {
            if (send(team, dealId)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(String team, String dealId) {
        Optional<SilentDeal> judged = detection.judgeNow(team, dealId);
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
        if (delivery.respectsWorkingHours() && !hours.contain(now, rep.timeZone())) {
            return false;
        }
        String localDate = LocalDate.ofInstant(now, rep.timeZone()).toString();
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
