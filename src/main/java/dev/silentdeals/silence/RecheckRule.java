package dev.silentdeals.silence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

import dev.silentdeals.deals.Deal;
import dev.silentdeals.deals.Touch;

/**
 * When a deal's verdict can next change with no new data, so that detection need not judge it again before
 * then. Time alone carries a recent reply past the stage's quiet threshold, ends a pause, and brings a touch
 * dated ahead (a booked meeting, a CRM clock running fast) into the past. Anything else changes only with new
 * data, and new data marks the deal for judging anyway. Stateless apart from its policy.
 */
public final class RecheckRule {

    private final SilencePolicy policy;

    public RecheckRule(SilencePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * @param touches     the touches the verdict was judged from
     * @param pausedUntil the active pause's resume date, or null when the deal is not paused
     * @return the first instant after {@code now} at which judging again could give another verdict; empty
     *         when only new data can change it
     */
    public Optional<Instant> nextCheck(Deal deal, Collection<Touch> touches, SilenceVerdict verdict,
                                      LocalDate pausedUntil, Instant now, ZoneId repZone) {
        if (verdict.status() == SilenceVerdict.Status.CLOSED) {
            return Optional.empty();
        }
        Instant next = null;
        for (Touch touch : touches) {
            if (touch != null && touch.at() != null && touch.at().isAfter(now)) {
                next = earliest(next, touch.at());
            }
        }
        switch (verdict.status()) {
            case PAUSED -> {
                if (pausedUntil != null) {
                    next = earliest(next, pausedUntil.atStartOfDay(repZone).toInstant());
                }
            }
            case RECENT_REPLY -> next = earliest(next, BusinessDays.reachedAt(verdict.lastReplyAt(),
                    policy.quietDaysFor(deal.stage()), repZone, policy.workingWeek()));
            default -> {
            }
        }
        return Optional.ofNullable(next);
    }

    private static Instant earliest(Instant current, Instant candidate) {
        return candidate == null || (current != null && !candidate.isBefore(current)) ? current : candidate;
    }
}
