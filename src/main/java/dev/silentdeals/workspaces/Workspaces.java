package dev.silentdeals.workspaces;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import dev.silentdeals.redis.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Slack workspaces (team ids) this service serves. The primary workspace is the one the CRM feeds:
 * the bot token's team, or the preview team when no Slack credentials are set.
 */
@Component
public class Workspaces {

    private final UnifiedJedis redis;
    private final AtomicReference<String> primary = new AtomicReference<>();

    Workspaces(UnifiedJedis redis) {
        this.redis = redis;
    }

    public void registerPrimary(String teamId) {
        register(teamId);
        redis.set(RedisKeys.primaryTeam(), teamId);
        primary.set(teamId);
    }

    public void register(String teamId) {
        redis.sadd(RedisKeys.teams(), teamId);
    }

    public void unregister(String teamId) {
        redis.srem(RedisKeys.teams(), teamId);
    }

    /** The workspace the CRM data belongs to, once known (Slack's auth.test answered). */
    public Optional<String> primary() {
        String known = primary.get();
        if (known == null) {
            known = redis.get(RedisKeys.primaryTeam());
            if (known != null) {
                primary.set(known);
            }
        }
        return Optional.ofNullable(known);
    }

    public Set<String> all() {
        return new TreeSet<>(redis.smembers(RedisKeys.teams()));
    }
}
