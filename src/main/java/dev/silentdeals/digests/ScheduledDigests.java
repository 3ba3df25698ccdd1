package dev.silentdeals.digests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.silentdeals.teams.Team;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Posts each team's digest once per period. A fire at any moment covers the period that ends at the
 * latest scheduled time at or before that moment, and starts where the last posted period ended (the very
 * first period: one schedule interval back). So a Quartz fire, a misfire handled late and the catch-up
 * after a restart all name the same period end, and a Redis claim on that end lets exactly one of them
 * post, on whichever replica. After downtime that skipped several fires, one catch-up covers them all.
 */
@Service
public class ScheduledDigests {

    private static final Logger log = LoggerFactory.getLogger(ScheduledDigests.class);
    private static final Duration FALLBACK_INTERVAL = Duration.ofDays(7);

    private final DigestLedger ledger;
    private final DigestWriter writer;
    private final DigestDelivery delivery;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String replica = UUID.randomUUID().toString();

    ScheduledDigests(DigestLedger ledger, DigestWriter writer, DigestDelivery delivery, Clock clock,
                     MeterRegistry meters) {
        this.ledger = ledger;
        this.writer = writer;
        this.delivery = delivery;
        this.clock = clock;
        this.meters = meters;
    }

    /** What a fire did. */
    public enum Fired { POSTED, ALREADY_POSTED, POSTED_ELSEWHERE, NOT_DUE, FAILED }

    /** The digest due at {@code firedAt}, posted unless it already was (here or on another replica). */
    Fired fire(String slackTeam, Team team, Instant firedAt) {
        CronSchedule schedule = new CronSchedule(team.schedule(), team.timeZone());
        Optional<Instant> due = schedule.latestAtOrBefore(firedAt);
        if (due.isEmpty()) {
            return count(Fired.NOT_DUE, team);
        }
        Instant end = due.get();
        Optional<Instant> lastEnd = ledger.lastPeriodEnd(slackTeam, team.name());
        if (lastEnd.isPresent() && !lastEnd.get().isBefore(end)) {
            return count(Fired.ALREADY_POSTED, team);
        }
        Instant start = lastEnd.or(() -> schedule.previousBefore(end)).orElse(end.minus(FALLBACK_INTERVAL));
        if (!ledger.claim(slackTeam, team.name(), end, replica)) {
            log.debug("Digest for team {} up to {} is being posted by another replica", team.name(), end);
            return count(Fired.POSTED_ELSEWHERE, team);
        }
        DigestWriter.Written written;
        try {
            written = writer.write(slackTeam, team, new DigestPeriod(start, end));
            delivery.post(slackTeam, team, written.rendered(), written.chart());
        } catch (RuntimeException e) {
            // Nothing reached the channel: give the claim back so the next fire covers this period as well.
            ledger.release(slackTeam, team.name(), end);
            log.warn("Digest for team {} ({} to {}) not posted; the next fire will cover this period too: {}",
                    team.name(), start, end, e.getMessage());
            return count(Fired.FAILED, team);
        }
        ledger.posted(slackTeam, team.name(), end, written.silentDeals(), clock.instant());
        log.info("Digest for team {} posted to {} ({} to {}): {} yes, {} no", team.name(), team.channel(), start, end,
                written.yes(), written.no());
        return count(Fired.POSTED, team);
    }

    /**
     * As if the schedule fired now (by the service's clock): the digest whose time came last, unless it was
     * posted already. For operators' tools and end-to-end tests; Quartz fires go through {@link DigestJob}.
     */
    public Fired fireNow(String slackTeam, Team team) {
        return fire(slackTeam, team, clock.instant());
    }

    /**
     * After a restart: the one digest whose time passed while the service was down, if any. A team that
     * never had a digest waits for its first scheduled time instead of getting one at start-up.
     */
    Fired catchUp(String slackTeam, Team team) {
        if (ledger.lastPeriodEnd(slackTeam, team.name()).isEmpty()) {
            return Fired.NOT_DUE;
        }
        return fireNow(slackTeam, team);
    }

    /** The period in progress, for an on-demand preview: from the end of the last period posted to now. */
    DigestPeriod periodSoFar(String slackTeam, Team team) {
        Instant now = clock.instant();
        Instant start = ledger.lastPeriodEnd(slackTeam, team.name())
                .or(() -> new CronSchedule(team.schedule(), team.timeZone()).latestAtOrBefore(now))
                .orElse(now.minus(FALLBACK_INTERVAL));
        // "So far" includes this very moment: a truth recorded as the manager asks is in the preview.
        Instant end = now.plusMillis(1);
        return new DigestPeriod(start.isAfter(now) ? now : start, end);
    }

    private Fired count(Fired fired, Team team) {
        meters.counter("silentdeals.digests.fired", "team", team.name(), "outcome",
                fired.name().toLowerCase(Locale.ROOT)).increment();
        return fired;
    }
}
