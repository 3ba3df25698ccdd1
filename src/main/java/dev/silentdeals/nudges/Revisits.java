package dev.silentdeals.nudges;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import dev.silentdeals.deals.DealStore;
import dev.silentdeals.deals.StoredDeal;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.reps.RepDirectory;
import dev.silentdeals.truth.Truth;
import dev.silentdeals.truth.TruthRecorded;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The one respectful revisit. A truth that names a date to reconnect (a "no" for timing, a "yes" with a
 * next step) schedules exactly one DM to the rep on that date, in their working hours; a later truth on the
 * deal replaces it, and it is dropped if the deal closes or the prospect gets in touch first.
 */
@Service
public class Revisits {

    private static final Logger log = LoggerFactory.getLogger(Revisits.class);
    /** If a replica dies while sending, the revisit is due again after this. */
    private static final Duration SEND_LEASE = Duration.ofMinutes(10);

    private final RevisitStore store;
    private final DealStore deals;
    private final RepDirectory reps;
    private final RepWorkingHours hours;
    private final NudgeComposer composer;
    private final NudgeDelivery delivery;
    private final ZoneId defaultZone;
    private final Clock clock;
    private final MeterRegistry meters;

    Revisits(RevisitStore store, DealStore deals, RepDirectory reps, RepWorkingHours hours, NudgeComposer composer,
             NudgeDelivery delivery, NudgeProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.deals = deals;
        this.reps = reps;
        this.hours = hours;
        this.composer = composer;
        this.delivery = delivery;
        this.defaultZone = properties.defaultTimeZone();
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * A truth was recorded: schedule its revisit, or drop the deal's earlier one (the rep has news). Never
     * throws: the truth is stored already and the rep must not see an error for it.
     */
    @EventListener
    void on(TruthRecorded recorded) {
        try {
            schedule(recorded.truth());
        } catch (RuntimeException e) {
            log.warn("Could not schedule the revisit for deal {} (truth {}): {}", recorded.truth().dealId(),
                    recorded.truth().truthId(), e.toString());
        }
    }

    private void schedule(Truth truth) {
        String team = truth.teamId();
        Optional<LocalDate> date = RevisitRule.dateFor(truth);
        if (date.isEmpty()) {
            store.find(team, truth.dealId()).ifPresent(old -> store.cancel(team, old,
                    RevisitRule.Cancellation.NEWER_TRUTH, clock.instant()));
            return;
        }
        ZoneId zone = reps.find(team, truth.ownerEmail()).map(Rep::timeZone).orElse(defaultZone);
        ScheduledRevisit revisit = new ScheduledRevisit(truth.dealId(), truth.truthId(), truth.ownerEmail(),
                truth.outcome(), date.get(), truth.nextStep(), truth.company(), truth.contactName(),
                truth.recordedAt());
        store.schedule(team, revisit, RevisitRule.dueAt(date.get(), zone));
        meters.counter("silentdeals.revisits.scheduled").increment();
        log.info("Revisit for deal {} scheduled on {} ({})", truth.dealId(), date.get(), truth.outcome());
    }

    /** Sends the revisits that are due and inside their rep's working hours; returns how many went out. */
    public int sendDue(String team) {
        Instant now = clock.instant();
        int sent = 0;
        for (String dealId : store.due(team, now)) {
            Optional<ScheduledRevisit> revisit = store.find(team, dealId);
            if (revisit.isPresent() && send(team, revisit.get(), now)) {
                sent++;
            }
        }
        return sent;
    }

    /** The rep's revisits still waiting for their date (dropped ones are left out, and dropped now). */
    public List<ScheduledRevisit> pendingOf(String team, String ownerEmail) {
        Instant now = clock.instant();
        return store.pendingOf(team, ownerEmail).stream().filter(revisit -> stillWanted(team, revisit, now)).toList();
    }

    private boolean send(String team, ScheduledRevisit revisit, Instant now) {
        Optional<StoredDeal> stored = deals.find(team, revisit.dealId());
        if (!stillWanted(team, revisit, stored, now)) {
            return false;
        }
        Optional<Rep> rep = reps.ownerOf(team, revisit.dealId(), revisit.ownerEmail());
        if (rep.isEmpty()) {
            return false;
        }
        if (delivery.respectsWorkingHours() && !hours.of(team, rep.get().userId()).contain(now, rep.get().timeZone())) {
            return false;
        }
        if (!store.claim(team, revisit.dealId(), revisit.truthId(), now, now.plus(SEND_LEASE))) {
            return false;
        }
        try {
            Revisit message = new Revisit(team, revisit.dealId(), rep.get(), revisit.outcome(), revisit.date(),
                    revisit.nextStep(), stored.get().deal().company(), stored.get().deal().contact(),
                    composer.reconnectScript(stored.get().deal(), rep.get(), revisit.outcome(), revisit.nextStep()));
            NudgeDelivery.Delivered delivered = delivery.deliverRevisit(message);
            store.sent(team, revisit, now, delivered.channel(), delivered.ts());
            meters.counter("silentdeals.revisits.sent").increment();
            log.info("Revisit for deal {} sent to {}", revisit.dealId(), rep.get().userId());
            return true;
        } catch (RuntimeException e) {
            meters.counter("silentdeals.revisits.failed").increment();
            log.warn("Revisit for deal {} to {} could not be delivered; it will be tried again: {}", revisit.dealId(),
                    rep.get().userId(), e.getMessage());
            return false;
        }
    }

    private boolean stillWanted(String team, ScheduledRevisit revisit, Instant now) {
        return stillWanted(team, revisit, deals.find(team, revisit.dealId()), now);
    }

    private boolean stillWanted(String team, ScheduledRevisit revisit, Optional<StoredDeal> stored, Instant now) {
        Optional<RevisitRule.Cancellation> why = RevisitRule.cancellation(stored.map(StoredDeal::deal).orElse(null),
                stored.map(StoredDeal::touches).orElse(List.of()), revisit.truthRecordedAt());
        if (why.isEmpty()) {
            return true;
        }
        store.cancel(team, revisit, why.get(), now);
        meters.counter("silentdeals.revisits.cancelled", "why", why.get().name()).increment();
        log.info("Revisit for deal {} on {} dropped: {}", revisit.dealId(), revisit.date(), why.get());
        return false;
    }
}
