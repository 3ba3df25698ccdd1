package dev.silentdeals.deals;

import redis.clients.jedis.UnifiedJedis;

/** Lets tests in other packages build a DealStore on a Redis of their own. */
public final class DealStoreAccess {

    private DealStoreAccess() {
    }

    public static DealStore create(UnifiedJedis redis) {
        return new DealStore(redis);
    }
}
