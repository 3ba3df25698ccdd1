package dev.silentdeals.redis;

import redis.clients.jedis.UnifiedJedis;

/** Lets tests in other packages build a JobLease on a Redis of their own. */
public final class JobLeaseAccess {

    private JobLeaseAccess() {
    }

    public static JobLease create(UnifiedJedis redis) {
        return new JobLease(redis);
    }
}
