package dev.silentdeals.silence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.silentdeals.redis.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Pauses in Redis, one hash per paused deal; resuming deletes it, and an expired pause deletes itself two
 * days after its resume date (by then the date has come in every time zone and the deal was judged afresh).
 */
@Component
public class PauseStore {

    /** From the start of the resume date in UTC, long enough for the date to have begun everywhere. */
    private static final Duration CLEAN_UP_AFTER = Duration.ofDays(2);

    private final UnifiedJedis redis;

    PauseStore(UnifiedJedis redis) {
        this.redis = redis;
    }

    public void pause(String team, Pause pause) {
        redis.hset(RedisKeys.pause(team, pause.dealId()), Map.of("reason", pause.reason(),
                "note", pause.note() == null ? "" : pause.note(), "until", pause.until().toString(),
                "by", pause.pausedBy(), "at", String.valueOf(pause.pausedAt().toEpochMilli())));
        // Relative to the app's clock (pausedAt), not Redis's, so a controlled clock in tests behaves the same.
        Instant cleanUpAt = pause.until().atStartOfDay(ZoneOffset.UTC).plus(CLEAN_UP_AFTER).toInstant();
        redis.pexpire(RedisKeys.pause(team, pause.dealId()),
                Math.max(1, Duration.between(pause.pausedAt(), cleanUpAt).toMillis()));
        redis.sadd(RedisKeys.dealsToJudge(team), pause.dealId());
    }

    public boolean resume(String team, String dealId) {
        boolean resumed = redis.del(RedisKeys.pause(team, dealId)) > 0;
        if (resumed) {
            redis.sadd(RedisKeys.dealsToJudge(team), dealId);
        }
        return resumed;
    }

    public Optional<Pause> find(String team, String dealId) {
        return Optional.ofNullable(find(team, java.util.List.of(dealId)).get(dealId));
    }

    public Map<String, Pause> find(String team, Collection<String> dealIds) {
        Map<String, Response<Map<String, String>>> responses = new LinkedHashMap<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (String dealId : dealIds) {
                responses.put(dealId, pipeline.hgetAll(RedisKeys.pause(team, dealId)));
            }
            pipeline.sync();
        }
        Map<String, Pause> pauses = new HashMap<>();
        responses.forEach((dealId, response) -> {
            Map<String, String> hash = response.get();
            if (hash.containsKey("until")) {
                pauses.put(dealId, new Pause(dealId, hash.get("reason"), hash.get("note"),
                        LocalDate.parse(hash.get("until")), hash.get("by"),
                        Instant.ofEpochMilli(Long.parseLong(hash.get("at")))));
            }
        });
        return pauses;
    }
}
