package dev.silentdeals.silence;

import java.time.Instant;

/**
 * A silence episode as stored: from the moment a deal went silent until a truth, a reply or a close.
 * {@code episodeId} also identifies the truth that ends it. Nudge fields are null until the nudge is out.
 */
public record Episode(String teamId, String episodeId, String dealId, String ownerEmail, Instant startedAt,
                      Instant anchorReplyAt, int quietDaysAtStart, int chaseCountAtStart, Instant nudgedAt,
                      String nudgeUserId, String nudgeChannel, String nudgeTs, int quietDaysAtNudge,
                      int chaseCountAtNudge, int notReachedCount, Instant endedAt, String endReason) {

    public boolean isNudged() {
        return nudgedAt != null;
    }

    public boolean isEnded() {
        return endedAt != null;
    }

    /** Quiet days and follow-ups as they were when the rep was nudged (or when the episode opened). */
    public int quietDaysShown() {
        return isNudged() ? quietDaysAtNudge : quietDaysAtStart;
    }

    public int chaseCountShown() {
        return isNudged() ? chaseCountAtNudge : chaseCountAtStart;
    }
}
