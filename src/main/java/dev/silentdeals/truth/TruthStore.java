package dev.silentdeals.truth;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.silentdeals.redis.LuaScript;
import dev.silentdeals.redis.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/** Truths in Redis; the first write for an episode wins, later ones change nothing. */
@Component
public class TruthStore {

    private final UnifiedJedis redis;
    private final LuaScript recordTruth = LuaScript.load("record_truth");

    TruthStore(UnifiedJedis redis) {
        this.redis = redis;
    }

    /** Stores the truth unless one is there for the episode; returns true when stored now. */
    boolean record(Truth truth, boolean queueWriteBack) {
        List<String> args = new ArrayList<>(List.of(truth.truthId(), String.valueOf(truth.recordedAt().toEpochMilli()),
                queueWriteBack ? "1" : "0"));
        put(args, "truth_id", truth.truthId());
        put(args, "deal_id", truth.dealId());
        put(args, "outcome", truth.outcome().name());
        put(args, "reason", truth.reason() == null ? null : truth.reason().name());
        put(args, "next_step", truth.nextStep());
        put(args, "date", truth.date() == null ? null : truth.date().toString());
        put(args, "note", truth.note());
        put(args, "recorded_by", truth.recordedBy());
        put(args, "owner_email", truth.ownerEmail());
        put(args, "recorded_at", String.valueOf(truth.recordedAt().toEpochMilli()));
        put(args, "episode_started_at", truth.episodeStartedAt() == null ? null
                : String.valueOf(truth.episodeStartedAt().toEpochMilli()));
        put(args, "quiet_days", String.valueOf(truth.quietDays()));
        put(args, "chase_count", String.valueOf(truth.chaseCount()));
        put(args, "amount", truth.amount() == null ? null : truth.amount().toPlainString());
        put(args, "currency", truth.currency());
        put(args, "company", truth.company());
        put(args, "contact_name", truth.contactName());
        Object result = recordTruth.eval(redis, List.of(RedisKeys.truth(truth.teamId(), truth.truthId()),
                RedisKeys.truths(truth.teamId()), RedisKeys.writeBackQueue(truth.teamId())), args);
        return Long.valueOf(1).equals(result);
    }

    public Optional<Truth> find(String team, String truthId) {
        Map<String, String> hash = redis.hgetAll(RedisKeys.truth(team, truthId));
        return hash.containsKey("outcome") ? Optional.of(toTruth(team, hash)) : Optional.empty();
    }

    /** Truths recorded in [from, to), oldest first. */
    public List<Truth> recordedBetween(String team, Instant from, Instant to) {
        List<Truth> truths = new ArrayList<>();
        for (String id : redis.zrangeByScore(RedisKeys.truths(team), from.toEpochMilli(), to.toEpochMilli() - 1)) {
            find(team, id).ifPresent(truths::add);
        }
        return truths;
    }

    List<String> dueForWriteBack(String team, Instant now, int limit) {
        return redis.zrangeByScore(RedisKeys.writeBackQueue(team), 0, now.toEpochMilli(), 0, limit);
    }

    void retryWriteBackAt(String team, String truthId, Instant at) {
        redis.zadd(RedisKeys.writeBackQueue(team), at.toEpochMilli(), truthId);
    }

    void writeBackFinished(String team, String truthId, String status, String detail) {
        redis.zrem(RedisKeys.writeBackQueue(team), truthId);
        redis.hset(RedisKeys.truth(team, truthId), Map.of("write_back", status, "write_back_detail",
                detail == null ? "" : detail));
    }

    int writeBackAttempt(String team, String truthId) {
        return (int) redis.hincrBy(RedisKeys.truth(team, truthId), "write_back_attempts", 1);
    }

    private static void put(List<String> args, String field, String value) {
        if (value != null) {
            args.add(field);
            args.add(value);
        }
    }

    private static Truth toTruth(String team, Map<String, String> h) {
        return new Truth(team, h.get("truth_id"), h.get("deal_id"), Outcome.valueOf(h.get("outcome")),
                h.containsKey("reason") ? NoReason.valueOf(h.get("reason")) : null, h.get("next_step"),
                h.containsKey("date") ? LocalDate.parse(h.get("date")) : null, h.get("note"), h.get("recorded_by"),
                h.get("owner_email"), Instant.ofEpochMilli(Long.parseLong(h.get("recorded_at"))),
                h.containsKey("episode_started_at") ? Instant.ofEpochMilli(Long.parseLong(h.get("episode_started_at")))
                        : null,
                Integer.parseInt(h.getOrDefault("quiet_days", "0")), Integer.parseInt(h.getOrDefault("chase_count", "0")),
                h.containsKey("amount") ? new BigDecimal(h.get("amount")) : null, h.get("currency"), h.get("company"),
                h.get("contact_name"));
    }
}
