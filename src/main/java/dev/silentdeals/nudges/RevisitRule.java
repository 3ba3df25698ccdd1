package dev.silentdeals.nudges;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Optional;

import dev.silentdeals.deals.Deal;
import dev.silentdeals.deals.Touch;
import dev.silentdeals.truth.NoReason;
import dev.silentdeals.truth.Outcome;
import dev.silentdeals.truth.Truth;

/**
 * The one respectful revisit: a "no" for reasons of timing with a date, or a "yes" with the date of the
 * next step, asks for exactly one message to the rep on that date. It is no longer wanted once the deal
 * closes or the prospect gets in touch first (a real reply or a meeting after the truth).
 */
final class RevisitRule {

    private RevisitRule() {
    }

    /** The revisit date this truth asks for, if any. */
    static Optional<LocalDate> dateFor(Truth truth) {
        if (truth.date() == null) {
            return Optional.empty();
        }
        boolean timing = truth.outcome() == Outcome.NO && truth.reason() == NoReason.TIMING;
        return truth.outcome() == Outcome.YES || timing ? Optional.of(truth.date()) : Optional.empty();
    }

    /** From the start of the date in the rep's time zone; it then waits for their working hours. */
    static Instant dueAt(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }

    /** Why the revisit is no longer wanted, or empty while it still is. */
    static Optional<Cancellation> cancellation(Deal dealOrNull, Collection<Touch> touches, Instant truthRecordedAt) {
        if (dealOrNull == null || !dealOrNull.isOpen()) {
            return Optional.of(Cancellation.DEAL_CLOSED);
        }
        for (Touch touch : touches) {
            if (touch == null || touch.at() == null || !touch.at().isAfter(truthRecordedAt)) {
                continue;
            }
            boolean met = touch.isMeeting() && !touch.autoReply();
            if (touch.isRealInbound() || met) {
                return Optional.of(Cancellation.PROSPECT_REPLIED);
            }
        }
        return Optional.empty();
    }

    /** Why a scheduled revisit was dropped. */
    enum Cancellation { DEAL_CLOSED, PROSPECT_REPLIED, NEWER_TRUTH }
}
