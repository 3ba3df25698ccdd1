package dev.silentdeals.workspaces;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.silentdeals.redis.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The Slack workspaces (team ids) this service serves. The primary workspace is the one the CRM feeds:
 * the bot token's team, the preview team when no Slack credentials are set, or, with OAuth, the first
 * workspace that installed the app.
 */
@Component
public class Workspaces {

    private final UnifiedJedis redis;

    Workspaces(UnifiedJedis redis) {
        this.redis = redis;
    }

    public void registerPrimary(String teamId) {
        register(teamId);
        redis.set(RedisKeys.primaryTeam(), teamId);
    }

    /**
     * Makes {@code teamId} the primary workspace unless one is already recorded; returns whether it became
     * primary. Never moves the CRM's data to another workspace on its own.
     */
    public boolean registerPrimaryIfAbsent(String teamId) {
        register(teamId);
        return "OK".equals(redis.set(RedisKeys.primaryTeam(), teamId, SetParams.setParams().nx()));
    }

    public void register(String teamId) {
        redis.sadd(RedisKeys.teams(), teamId);
    }

    /** The workspace is no longer served (the app was uninstalled); its data stays until deleted by hand. */
    public void unregister(String teamId) {
        redis.srem(RedisKeys.teams(), teamId);
    }

    /**
     * The workspace the CRM data belongs to, while it is known and still served. Read from Redis each time,
     * so every replica sees an uninstall at once.
     */
    public Optional<String> primary() {
        String known = redis.get(RedisKeys.primaryTeam());
        return known != null && isServed(known) ? Optional.of(known) : Optional.empty();
    }

    public boolean isServed(String teamId) {
        return redis.sismember(RedisKeys.teams(), teamId);
    }

    public Set<String> all() {
        return new TreeSet<>(redis.smembers(RedisKeys.teams()));
    }
}
