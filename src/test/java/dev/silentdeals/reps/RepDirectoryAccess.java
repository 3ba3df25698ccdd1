package dev.silentdeals.reps;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.UnifiedJedis;

/** Lets tests in other packages build a RepDirectory on a Redis of their own, with their own lookup. */
public final class RepDirectoryAccess {

    private RepDirectoryAccess() {
    }

    public static RepDirectory create(RepLookup lookup, UnifiedJedis redis, MeterRegistry meters) {
        return new RepDirectory(lookup, redis, Duration.ofHours(24), meters);
    }
}
