package dev.silentdeals.silence;

import java.time.Instant;
import java.util.Objects;

/**
 * What the silence rule found for one deal. {@code quietBusinessDays}, {@code chaseCount} and
 * {@code lastReplyAt} are filled whenever they can be computed, whatever the status, because the rep sees
 * them. With no reply ever, {@code lastReplyAt} is null, quiet time is 0 and the chase count is every
 * follow-up so far.
 */
public record SilenceVerdict(Status status, int quietBusinessDays, int chaseCount, Instant lastReplyAt) {

    /** The first that applies, in this order. */
    public enum Status {
        /** Closed in the CRM, or gone from it. */
        CLOSED,
        /** The rep parked the deal. */
        PAUSED,
        /** A meeting is booked ahead. */
        MEETING_AHEAD,
        /** The prospect never engaged, so cannot have gone quiet. */
        NEVER_REPLIED,
        /** Fewer quiet business days than the stage's threshold. */
        RECENT_REPLY,
        /** Quiet long enough, but followed up fewer times than the minimum. */
        NOT_CHASED,
        /** Quiet long enough and chased enough: the rep does not know the truth yet. */
        SILENT
    }

    public SilenceVerdict {
        Objects.requireNonNull(status, "status");
        if (status == Status.SILENT && lastReplyAt == null) {
            throw new IllegalArgumentException("a silent verdict needs the last reply it is measured from");
        }
    }

    public boolean isSilent() {
        return status == Status.SILENT;
    }
}
