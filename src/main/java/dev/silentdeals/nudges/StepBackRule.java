package dev.silentdeals.nudges;

import java.time.Instant;
import java.util.Collection;

import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import dev.silentdeals.deals.Touch;

/**
 * When the rep deserves the step-back nudge: after the nudge, another written follow-up went out while no
 * truth was recorded. A call is not a follow-up here (calling is what the nudge asks for), nor a note or a
 * meeting; and once the rep has tried to call twice without reaching the contact, the short email is one of
 * the versions we offered, so it is not held against them.
 */
final class StepBackRule {

    private StepBackRule() {
    }

    /**
     * True when at least one outbound, non-automatic email was sent after {@code nudgedAt} and at or before
     * {@code now}, and fewer than two "couldn't reach them" were recorded on the episode.
     */
    static boolean isDue(Instant nudgedAt, Collection<Touch> touches, int notReachedCount, Instant now) {
        if (nudgedAt == null || notReachedCount >= NudgeComposer.ATTEMPTS_BEFORE_LAST_RESORT) {
            return false;
        }
        for (Touch touch : touches) {
            if (touch != null && touch.at() != null && touch.direction() == Direction.OUTBOUND
                    && touch.channel() == Channel.EMAIL && !touch.autoReply()
                    && touch.at().isAfter(nudgedAt) && !touch.at().isAfter(now)) {
                return true;
            }
        }
        return false;
    }
}
