package dev.silentdeals.nudges;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import dev.silentdeals.deals.Touch;

/**
 * Counts follow-ups sent into silence: written follow-ups (outbound, non-automatic emails) sent while an
 * earlier follow-up (email or call) was still unanswered. The first message after the prospect's reply is
 * conversation, not chasing; a real reply or a meeting that took place answers everything before it.
 */
public final class FollowUpsIntoSilence {

    private FollowUpsIntoSilence() {
    }

    /** Follow-ups into silence sent in [from, to). */
    public static int count(Collection<Touch> touches, Instant from, Instant to) {
        List<Touch> ordered = touches.stream()
                .filter(t -> t != null && t.at() != null && t.direction() != null && t.channel() != null)
                .filter(t -> t.at().isBefore(to))
                // at the same instant, the prospect's side first: a reply answers what came before it
                .sorted(Comparator.comparing(Touch::at).thenComparing(t -> t.direction() == Direction.OUTBOUND))
                .toList();
        boolean unanswered = false;
        int count = 0;
        for (Touch touch : ordered) {
            if (touch.isRealInbound() || (touch.isMeeting() && !touch.autoReply())) {
                unanswered = false;
            } else if (touch.isFollowUp() && !touch.autoReply()) {
                if (unanswered && touch.channel() == Channel.EMAIL && !touch.at().isBefore(from)) {
                    count++;
                }
                unanswered = true;
            }
        }
        return count;
    }
}
