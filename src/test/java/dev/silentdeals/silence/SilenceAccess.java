package dev.silentdeals.silence;

import java.time.Clock;

import dev.silentdeals.deals.DealStore;
import dev.silentdeals.reps.RepDirectory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import redis.clients.jedis.UnifiedJedis;

/** Lets tests in other packages build episodes and detection (default thresholds) on a Redis of their own. */
public final class SilenceAccess {

    private SilenceAccess() {
    }

    public static EpisodeStore episodes(UnifiedJedis redis) {
        return new EpisodeStore(redis);
    }

    /** Detection with the default thresholds; the events it publishes go nowhere. */
    public static SilenceDetection detection(UnifiedJedis redis, DealStore deals, EpisodeStore episodes,
                                             RepDirectory reps, Clock clock) {
        return new SilenceDetection(deals, episodes, new PauseStore(redis), reps, new DetectionProgress(redis),
                new SilenceProperties(0, -1, null, null, null, null, null), clock, event -> {
                }, new SimpleMeterRegistry());
    }
}
