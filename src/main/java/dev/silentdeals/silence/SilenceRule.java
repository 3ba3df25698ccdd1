package dev.silentdeals.silence;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import dev.silentdeals.deals.Deal;
import dev.silentdeals.deals.Touch;

/**
 * Decides whether a deal has gone silent: the prospect engaged, then stopped answering while the rep kept
 * following up. Stateless apart from its policy; safe to share between threads.
 */
public final class SilenceRule {

    private final SilencePolicy policy;

    public SilenceRule(SilencePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public SilencePolicy policy() {
        return policy;
    }

    /**
     * Judges {@code deal} at {@code now}, counting business days in {@code repZone}.
     *
     * @param touches            in any order, duplicates allowed; null elements and touches without a time
     *                           are skipped
     * @param lastConversationAt when a YES or NO truth was recorded (a real conversation), or null. It counts
     *                           even when slightly after {@code now}, so a truth recorded while a detection
     *                           pass runs can never re-open an episode.
     */
    public SilenceVerdict judge(Deal deal, Collection<Touch> touches, Instant lastConversationAt, boolean paused,
                                Instant now, ZoneId repZone) {
        Objects.requireNonNull(deal, "deal");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(repZone, "repZone");
        Collection<Touch> all = touches == null ? Set.of() : touches;

        Instant lastReply = lastConversationAt;
        boolean meetingAhead = false;
        for (Touch touch : all) {
            if (!usable(touch)) {
                continue;
            }
            if (touch.isMeeting()) {
                if (touch.autoReply()) {
                    continue; // an automatic calendar answer is not the prospect meeting us
                }
                if (touch.at().isAfter(now)) {
                    meetingAhead = true;
                } else {
                    lastReply = latest(lastReply, touch.at()); // the prospect met us, whoever booked it
                }
            } else if (touch.isRealInbound() && !touch.at().isAfter(now)) {
                lastReply = latest(lastReply, touch.at());
            }
        }

        int chase = chaseCount(all, lastReply, now);
        int quiet = lastReply == null ? 0 : BusinessDays.elapsed(lastReply, now, repZone, policy.workingWeek());
        return new SilenceVerdict(status(deal, paused, meetingAhead, lastReply, quiet, chase), quiet, chase,
                lastReply);
    }

    private SilenceVerdict.Status status(Deal deal, boolean paused, boolean meetingAhead, Instant lastReply,
                                         int quiet, int chase) {
        if (!deal.isOpen()) {
            return SilenceVerdict.Status.CLOSED;
        }
        if (paused) {
            return SilenceVerdict.Status.PAUSED;
        }
        if (meetingAhead) {
            return SilenceVerdict.Status.MEETING_AHEAD;
        }
        if (lastReply == null) {
            return SilenceVerdict.Status.NEVER_REPLIED;
        }
        if (quiet < policy.quietDaysFor(deal.stage())) {
            return SilenceVerdict.Status.RECENT_REPLY;
        }
        if (chase < policy.minFollowUps()) {
            return SilenceVerdict.Status.NOT_CHASED;
        }
        return SilenceVerdict.Status.SILENT;
    }

    /** Follow-ups after the last reply up to now, each distinct touch once (the CRM may send one twice). */
    private static int chaseCount(Collection<Touch> touches, Instant lastReply, Instant now) {
        Set<Touch> chases = null;
        for (Touch touch : touches) {
            if (usable(touch) && touch.isFollowUp() && !touch.autoReply()
                    && (lastReply == null || touch.at().isAfter(lastReply)) && !touch.at().isAfter(now)) {
                if (chases == null) {
                    chases = new HashSet<>();
                }
                chases.add(touch);
            }
        }
        return chases == null ? 0 : chases.size();
    }

    private static boolean usable(Touch touch) {
        return touch != null && touch.at() != null && touch.direction() != null && touch.channel() != null;
    }

    private static Instant latest(Instant current, Instant candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }
}
