package dev.silentdeals.silence;

import java.time.Instant;
import java.util.Objects;

/**
 * What to do with a deal's silence episode after a verdict. {@code episode} is the open episode for
 * {@code KEEP} and {@code END}; {@code endReason} is set only for {@code END}; {@code startedAt} and
 * {@code anchorReplyAt} describe the episode to open for {@code OPEN_NEW} (see {@link #newEpisode}).
 */
public record EpisodeDecision(Action action, EpisodeState episode, EpisodeEnd endReason, Instant startedAt,
                              Instant anchorReplyAt) {

    public enum Action {
        /** No open episode and the deal is silent: open one. */
        OPEN_NEW,
        /** Leave the open episode as it is (a paused deal's episode is kept but not nudged). */
        KEEP,
        /** Close the open episode for {@code endReason}. */
        END,
        /** No open episode and the deal is not silent: nothing to do. */
        NONE
    }

    public EpisodeDecision {
        Objects.requireNonNull(action, "action");
    }

    static EpisodeDecision openNew(Instant startedAt, Instant anchorReplyAt) {
        return new EpisodeDecision(Action.OPEN_NEW, null, null, startedAt, anchorReplyAt);
    }

    static EpisodeDecision keep(EpisodeState episode) {
        return new EpisodeDecision(Action.KEEP, episode, null, null, null);
    }

    static EpisodeDecision end(EpisodeState episode, EpisodeEnd reason) {
        return new EpisodeDecision(Action.END, episode, reason, null, null);
    }

    static EpisodeDecision none() {
        return new EpisodeDecision(Action.NONE, null, null, null, null);
    }

    /** The episode to store for an {@code OPEN_NEW} decision, not yet nudged. */
    public EpisodeState newEpisode(String dealId) {
        if (action != Action.OPEN_NEW) {
            throw new IllegalStateException("only an OPEN_NEW decision opens an episode, this one is " + action);
        }
        return new EpisodeState(dealId, startedAt, anchorReplyAt, null);
    }
}
