package dev.silentdeals.silence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.silentdeals.redis.LuaScript;
import dev.silentdeals.redis.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * What detection keeps between passes, so that a pass judges only what can have changed: how far passes have
 * got (the cutoff each started with and the last one that finished), the deals marked for judging by syncs
 * and other writers, the deals whose verdict time alone will change, and the deals found silent.
 */
@Component
class DetectionProgress {

    private static final String HORIZON = "horizon";
    private static final String THROUGH = "through";
    private static final String FULL_AT = "full_at";
    private static final String POLICY = "policy";

    private final UnifiedJedis redis;
    private final LuaScript take = LuaScript.load("take_deals_to_judge");

    DetectionProgress(UnifiedJedis redis) {
        this.redis = redis;
    }

    /** Where passes over {@code team} have got; empty fields before the first finished pass. */
    record State(Instant through, Instant fullAt, String policy) {
    }

    State state(String team) {
        Map<String, String> hash = redis.hgetAll(RedisKeys.detection(team));
        return new State(instant(hash.get(THROUGH)), instant(hash.get(FULL_AT)), hash.get(POLICY));
    }

    /**
     * Announces the cutoff of a pass about to read the index: from now on a sync marks for judging any deal
     * replied to at or before it, so nothing synced while the pass reads is left for no pass to see.
     */
    void begin(String team, Instant cutoff) {
        String current = redis.hget(RedisKeys.detection(team), HORIZON);
        if (current == null || Long.parseLong(current) < cutoff.toEpochMilli()) {
            redis.hset(RedisKeys.detection(team), HORIZON, String.valueOf(cutoff.toEpochMilli()));
        }
    }

    /** The deals marked for judging since the last finished pass (those a failed pass held included). */
    Set<String> takeDealsToJudge(String team) {
        String taken = RedisKeys.dealsTakenToJudge(team);
        take.eval(redis, List.of(RedisKeys.dealsToJudge(team), taken), List.of());
        Set<String> ids = new HashSet<>();
        ScanParams params = new ScanParams().count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.sscan(taken, cursor, params);
            ids.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return ids;
    }

    /** Deals whose verdict time alone has changed by {@code now}. */
    List<String> dueForRecheck(String team, Instant now) {
        return redis.zrangeByScore(RedisKeys.dealsToRecheck(team), Double.NEGATIVE_INFINITY,
                (double) now.toEpochMilli());
    }

    /** One batch of judged deals: whether each is silent, and when (if ever) time alone changes its verdict. */
    void judged(String team, Map<String, Boolean> silent, Map<String, Optional<Instant>> recheckAt) {
        if (silent.isEmpty() && recheckAt.isEmpty()) {
            return;
        }
        String silentKey = RedisKeys.silentDeals(team);
        String recheckKey = RedisKeys.dealsToRecheck(team);
        try (AbstractPipeline pipeline = redis.pipelined()) {
            silent.forEach((dealId, isSilent) -> {
                if (isSilent) {
                    pipeline.sadd(silentKey, dealId);
                } else {
                    pipeline.srem(silentKey, dealId);
                }
            });
            recheckAt.forEach((dealId, at) -> {
                if (at.isPresent()) {
                    pipeline.zadd(recheckKey, at.get().toEpochMilli(), dealId);
                } else {
                    pipeline.zrem(recheckKey, dealId);
                }
            });
            pipeline.sync();
        }
    }

    /**
     * Ends a full pass: every deal that can be silent was judged, so any other id in the silent set is left
     * from before (a deal that went past the pass's notice, e.g. with a rep whose time zone changed).
     */
    void keepOnlySilent(String team, Set<String> silentNow) {
        List<String> stale = new ArrayList<>();
        for (String dealId : redis.smembers(RedisKeys.silentDeals(team))) {
            if (!silentNow.contains(dealId)) {
                stale.add(dealId);
            }
        }
        for (int from = 0; from < stale.size(); from += 1000) {
            redis.srem(RedisKeys.silentDeals(team), stale.subList(from, Math.min(stale.size(), from + 1000))
                    .toArray(String[]::new));
        }
    }

    long silentCount(String team) {
        return redis.scard(RedisKeys.silentDeals(team));
    }

    /** Records a finished pass: the next one starts from {@code cutoff}; a full one also notes when and how. */
    void finish(String team, Instant cutoff, Instant fullPassAt, String policy) {
        Map<String, String> fields = fullPassAt == null ? Map.of(THROUGH, String.valueOf(cutoff.toEpochMilli()))
                : Map.of(THROUGH, String.valueOf(cutoff.toEpochMilli()),
                        FULL_AT, String.valueOf(fullPassAt.toEpochMilli()), POLICY, policy);
        redis.hset(RedisKeys.detection(team), fields);
        redis.del(RedisKeys.dealsTakenToJudge(team));
    }

    private static Instant instant(String millis) {
        return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }
}
