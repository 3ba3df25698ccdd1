package dev.silentdeals.redis;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Makes sure only one replica runs a job at a time: a Redis key set with NX and an expiry, released on
 * completion by its holder only, and expiring on its own if the holder dies mid-run.
 */
@Component
public class JobLease {

    private static final Logger log = LoggerFactory.getLogger(JobLease.class);
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """;

    private final UnifiedJedis redis;
    private final String holderPrefix = UUID.randomUUID().toString();

    JobLease(UnifiedJedis redis) {
        this.redis = redis;
    }

    /** Runs {@code work} if no other replica holds the lease for {@code job}; returns whether it ran. */
    public boolean runExclusively(String job, Duration ttl, Runnable work) {
        String key = RedisKeys.lease(job);
        String holder = holderPrefix + ":" + Thread.currentThread().getId();
        String ok = redis.set(key, holder, SetParams.setParams().nx().px(ttl.toMillis()));
        if (!"OK".equals(ok)) {
            log.debug("Job {} is running on another replica; skipping this turn", job);
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            redis.eval(RELEASE, List.of(key), List.of(holder));
        }
    }
}
