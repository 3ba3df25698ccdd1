package dev.silentdeals.silence;

import java.time.Instant;
import java.time.LocalDate;
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

/** Pauses in Redis, one hash per paused deal; resuming deletes it. */
@Component
public class PauseStore {

    private final UnifiedJedis redis;

    PauseStore(UnifiedJedis redis) {
        this.redis = redis;
    }

    public void pause(String team, Pause pause) {
        redis.hset(RedisKeys.pause(team, pause.dealId()), Map.of("reason", pause.reason(),
                "note", pause.note() == null ? "" : pause.note(), "until", pause.until().toString(),
                "by", pause.pausedBy(), "at", String.valueOf(pause.pausedAt().toEpochMilli())));
    }

    public boolean resume(String team, String dealId) {
        return redis.del(RedisKeys.pause(team, dealId)) > 0;
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
