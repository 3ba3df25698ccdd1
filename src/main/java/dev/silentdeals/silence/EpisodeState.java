package dev.silentdeals.silence;

import java.time.Instant;
import java.util.Objects;

/**
 * An open silence episode: since {@code startedAt} the deal has been silent, measured from the reply at
 * {@code anchorReplyAt}. {@code nudgedAt} is null until the rep has been nudged; an episode is nudged once.
 */
public record EpisodeState(String dealId, Instant startedAt, Instant anchorReplyAt, Instant nudgedAt) {

    public EpisodeState {
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(anchorReplyAt, "anchorReplyAt");
    }

    public boolean isNudged() {
        return nudgedAt != null;
    }

    public EpisodeState nudged(Instant at) {
        return new EpisodeState(dealId, startedAt, anchorReplyAt, Objects.requireNonNull(at, "at"));
    }
}
