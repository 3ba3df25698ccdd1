package dev.silentdeals.reps;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import redis.clients.jedis.UnifiedJedis;

/** Lets tests in other packages build a RepDirectory on a Redis and a lookup of their own. */
public final class RepDirectoryAccess {

    private RepDirectoryAccess() {
    }

    public static RepDirectory create(RepLookup lookup, UnifiedJedis redis) {
        return create(lookup, redis, new SimpleMeterRegistry());
    }

    /** With the meters the test reads (e.g. owners not found in Slack). */
    public static RepDirectory create(RepLookup lookup, UnifiedJedis redis, MeterRegistry meters) {
        return new RepDirectory(lookup, redis, Duration.ofHours(24), meters);
    }
}
