package dev.silentdeals.reps;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.silentdeals.redis.RedisKeys;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Deal owners resolved to Slack users, cached in Redis with a TTL so Slack is asked once a day per rep,
 * not once per deal. An owner who is not in Slack is remembered too (for the same TTL), logged once per
 * deal and counted.
 */
@Service
public class RepDirectory {

    private static final Logger log = LoggerFactory.getLogger(RepDirectory.class);

    private final RepLookup lookup;
    private final UnifiedJedis redis;
    private final Duration ttl;
    private final MeterRegistry meters;

    RepDirectory(RepLookup lookup, UnifiedJedis redis, @Value("${silent-deals.slack.user-cache-ttl:24h}") Duration ttl,
                 MeterRegistry meters) {
        this.lookup = lookup;
        this.redis = redis;
        this.ttl = ttl;
        this.meters = meters;
    }

    public Optional<Rep> find(String team, String email) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> cached = redis.hgetAll(RedisKeys.rep(team, normalized));
        if (cached.containsKey("user_id")) {
            return Optional.of(new Rep(normalized, cached.get("user_id"), cached.get("name"),
                    ZoneId.of(cached.get("tz"))));
        }
        if (redis.exists(RedisKeys.repMissing(team, normalized))) {
            return Optional.empty();
        }
        Optional<Rep> found = lookup.byEmail(team, normalized);
        if (found.isPresent()) {
            cache(team, found.get());
        } else {
            redis.set(RedisKeys.repMissing(team, normalized), "1", SetParams.setParams().ex(ttl.toSeconds()));
        }
        return found;
    }

    private void cache(String team, Rep rep) {
        String email = rep.email().toLowerCase(Locale.ROOT);
        String key = RedisKeys.rep(team, email);
        redis.hset(key, Map.of("user_id", rep.userId(), "name", rep.realName() == null ? "" : rep.realName(),
                "tz", rep.timeZone().getId()));
        redis.expire(key, ttl.toSeconds());
        redis.set(RedisKeys.repByUser(team, rep.userId()), email, SetParams.setParams().ex(ttl.toSeconds()));
    }

    /** Resolves the owner of a deal, logging once per deal (and counting) when they are not in Slack. */
    public Optional<Rep> ownerOf(String team, String dealId, String ownerEmail) {
        Optional<Rep> rep = find(team, ownerEmail);
        if (rep.isEmpty() && redis.sadd(RedisKeys.ownerMissingLogged(team), dealId) == 1) {
            meters.counter("silentdeals.reps.owner_not_in_slack").increment();
            log.warn("Deal {}: its owner {} was not found in Slack; the deal stays visible but no one can be nudged",
                    dealId, ownerEmail);
        }
        return rep;
    }

    /** True when {@code userId} is the Slack user behind {@code ownerEmail}. */
    public boolean isOwner(String team, String userId, String ownerEmail) {
        return find(team, ownerEmail).map(rep -> rep.userId().equals(userId)).orElse(false);
    }

    /** The rep behind a Slack user id (who clicked, who typed a command). */
    public Optional<Rep> findByUserId(String team, String userId) {
        String email = redis.get(RedisKeys.repByUser(team, userId));
        if (email != null) {
            return find(team, email);
        }
        Optional<Rep> found = lookup.byUserId(team, userId);
        found.ifPresent(rep -> cache(team, rep));
        return found;
    }
}
