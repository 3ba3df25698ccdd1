package dev.silentdeals.nudges;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.silentdeals.redis.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Each rep's working hours: their own when they set them in the App Home, the configured default
 * otherwise. Nudges, reminders, step-backs and revisits only go out inside them, in the rep's time zone.
 */
@Component
public class RepWorkingHours {

    private static final Logger log = LoggerFactory.getLogger(RepWorkingHours.class);

    private final UnifiedJedis redis;
    private final WorkingHours defaults;

    RepWorkingHours(UnifiedJedis redis, NudgeProperties properties) {
        this.redis = redis;
        this.defaults = properties.hours();
    }

    /** The rep's hours: their own if set (and readable), the default otherwise. */
    public WorkingHours of(String team, String userId) {
        return fromStored(team, userId, redis.hgetAll(RedisKeys.workingHours(team, userId)));
    }

    /** Several reps' hours, by user id, read in one round trip. */
    Map<String, WorkingHours> of(String team, Collection<String> userIds) {
        Map<String, Response<Map<String, String>>> responses = new LinkedHashMap<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (String userId : userIds) {
                responses.put(userId, pipeline.hgetAll(RedisKeys.workingHours(team, userId)));
            }
            pipeline.sync();
        }
        Map<String, WorkingHours> hours = new HashMap<>();
        responses.forEach((userId, response) -> hours.put(userId, fromStored(team, userId, response.get())));
        return hours;
    }

    private WorkingHours fromStored(String team, String userId, Map<String, String> own) {
        if (!own.containsKey("window")) {
            return defaults;
        }
        try {
            return WorkingHours.parse(own.get("window"), own.getOrDefault("days", defaults.daysSpec()));
        } catch (IllegalArgumentException e) {
            log.warn("Working hours stored for {} in {} are unreadable ({}); using the default", userId, team,
                    e.getMessage());
            return defaults;
        }
    }

    /** True when the rep set their own hours. */
    public boolean isOwn(String team, String userId) {
        return redis.hexists(RedisKeys.workingHours(team, userId), "window");
    }

    public void save(String team, String userId, WorkingHours hours) {
        redis.hset(RedisKeys.workingHours(team, userId), Map.of("window", hours.windowSpec(),
                "days", hours.daysSpec()));
    }

    public WorkingHours defaults() {
        return defaults;
    }
}
