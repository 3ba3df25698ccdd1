package dev.silentdeals.nudges;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.silentdeals.redis.LuaScript;
import dev.silentdeals.redis.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/** Which episodes had their one follow-up (step-back or reminder), claimed atomically before sending. */
@Component
class FollowUpStore {

    /** Long enough to outlive any episode; the hash is tiny. */
    private static final Duration TTL = Duration.ofDays(400);

    private final UnifiedJedis redis;
    private final LuaScript claim = LuaScript.load("claim_follow_up");

    FollowUpStore(UnifiedJedis redis) {
        this.redis = redis;
    }

    Claim claim(String team, String dealId, String episodeId, FollowUpKind kind, Instant now) {
        List<String> args = new ArrayList<>(List.of(episodeId, kind.claimedField(), String.valueOf(now.toEpochMilli()),
                String.valueOf(TTL.toSeconds())));
        Arrays.stream(FollowUpKind.values()).map(FollowUpKind::claimedField).forEach(args::add);
        Object result = claim.eval(redis, List.of(RedisKeys.episode(team, dealId), RedisKeys.followUps(team, episodeId)),
                args);
        long code = (Long) result;
        return code == 1 ? Claim.CLAIMED : code == 0 ? Claim.ALREADY_FOLLOWED_UP : Claim.EPISODE_ENDED;
    }

    /** Gives the claim back after a failed delivery, so the next pass tries again. */
    void release(String team, String episodeId, FollowUpKind kind) {
        redis.hdel(RedisKeys.followUps(team, episodeId), kind.claimedField());
    }

    void recordMessage(String team, String episodeId, FollowUpKind kind, String channel, String ts) {
        redis.hset(RedisKeys.followUps(team, episodeId), Map.of(kind.channelField(), channel, kind.tsField(), ts));
    }

    /** The episodes among these that already had their follow-up (or have one being sent). */
    Set<String> followedUp(String team, Collection<String> episodeIds) {
        Map<String, Response<Boolean>> responses = new LinkedHashMap<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (String episodeId : episodeIds) {
                responses.put(episodeId, pipeline.exists(RedisKeys.followUps(team, episodeId)));
            }
            pipeline.sync();
        }
        Set<String> done = new HashSet<>();
        responses.forEach((id, exists) -> {
            if (Boolean.TRUE.equals(exists.get())) {
                done.add(id);
            }
        });
        return done;
    }

    /** What a claim found. */
    enum Claim { CLAIMED, ALREADY_FOLLOWED_UP, EPISODE_ENDED }
}
