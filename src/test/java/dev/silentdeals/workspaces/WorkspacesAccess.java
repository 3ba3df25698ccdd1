package dev.silentdeals.workspaces;

import redis.clients.jedis.UnifiedJedis;

/** Lets tests in other packages build Workspaces on a Redis of their own. */
public final class WorkspacesAccess {

    private WorkspacesAccess() {
    }

    public static Workspaces create(UnifiedJedis redis) {
        return new Workspaces(redis);
    }
}
