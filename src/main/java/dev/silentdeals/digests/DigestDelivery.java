package dev.silentdeals.digests;

import dev.silentdeals.teams.Team;

/**
 * Where a digest goes: the team's Slack channel (the slack module implements this), or the console in
 * preview mode.
 */
public interface DigestDelivery {

    /**
     * Posts the digest's first message to the team's channel in Slack workspace {@code slackTeam}, then its thread replies and the chart
     * ({@code chart} may be null). Throws {@link DigestNotPosted} when the first message did not get
     * through; a later part that fails is logged and left out, so a digest is never posted twice.
     */
    void post(String slackTeam, Team team, RenderedDigest digest, DigestChart chart);

    /** Thrown when nothing of the digest reached the channel. */
    final class DigestNotPosted extends RuntimeException {
        public DigestNotPosted(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
