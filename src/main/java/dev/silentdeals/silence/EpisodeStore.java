package dev.silentdeals.silence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.silentdeals.redis.LuaScript;
import dev.silentdeals.redis.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ZAddParams;

/** Silence episodes in Redis. Every change that must happen once is a Lua script (see resources/redis). */
@Component
public class EpisodeStore {

    private static final Duration COUNTER_TTL = Duration.ofDays(2);

    private final UnifiedJedis redis;
    private final LuaScript openEpisode = LuaScript.load("open_episode");
    private final LuaScript endEpisode = LuaScript.load("end_episode");
    private final LuaScript claimNudge = LuaScript.load("claim_nudge");
    private final LuaScript releaseNudge = LuaScript.load("release_nudge");

    EpisodeStore(UnifiedJedis redis) {
        this.redis = redis;
    }

    /** Opens an episode for the deal unless one is open; returns true when this call opened it. */
    boolean open(String team, String dealId, String ownerEmail, SilenceVerdict verdict, Instant now) {
        String episodeId = dealId + "-" + now.toEpochMilli();
        List<String> args = new ArrayList<>(List.of(dealId, String.valueOf(now.toEpochMilli()),
                "episode_id", episodeId, "deal_id", dealId, "owner_email", ownerEmail,
                "started_at", millis(now), "anchor_reply_at", millis(verdict.lastReplyAt()),
                "quiet_days_at_start", String.valueOf(verdict.quietBusinessDays()),
                "chase_at_start", String.valueOf(verdict.chaseCount()), "not_reached", "0"));
        Object result = openEpisode.eval(redis, List.of(RedisKeys.episode(team, dealId),
                RedisKeys.openEpisodes(team), RedisKeys.awaitingNudge(team)), args);
        return Long.valueOf(1).equals(result);
    }

    /** Ends the deal's open episode (if {@code episodeId} is given, only that one); true if it ended now. */
    public boolean end(String team, String dealId, String episodeId, EpisodeEnd reason, Instant now) {
        Object result = endEpisode.eval(redis, List.of(RedisKeys.episode(team, dealId), RedisKeys.openEpisodes(team),
                        RedisKeys.awaitingNudge(team), RedisKeys.endedEpisodes(team), RedisKeys.dealsToJudge(team)),
                List.of(dealId, String.valueOf(now.toEpochMilli()), reason.name(),
                        RedisKeys.endedEpisode(team, ""), episodeId == null ? "" : episodeId));
        return Long.valueOf(1).equals(result);
    }

    public Optional<Episode> openEpisode(String team, String dealId) {
        return Optional.ofNullable(openEpisodes(team, List.of(dealId)).get(dealId));
    }

    /** Open episodes of these deals, by deal id; deals without one are absent. */
    public Map<String, Episode> openEpisodes(String team, Collection<String> dealIds) {
        Map<String, Response<Map<String, String>>> responses = new LinkedHashMap<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (String dealId : dealIds) {
                responses.put(dealId, pipeline.hgetAll(RedisKeys.episode(team, dealId)));
            }
            pipeline.sync();
        }
        Map<String, Episode> episodes = new HashMap<>();
        responses.forEach((dealId, response) -> {
            Map<String, String> hash = response.get();
            if (hash.containsKey("episode_id")) {
                episodes.put(dealId, toEpisode(team, hash));
            }
        });
        return episodes;
    }

    /** Any episode, open or ended, by its id. */
    public Optional<Episode> find(String team, String dealId, String episodeId) {
        Optional<Episode> open = openEpisode(team, dealId).filter(e -> e.episodeId().equals(episodeId));
        if (open.isPresent()) {
            return open;
        }
        Map<String, String> archived = redis.hgetAll(RedisKeys.endedEpisode(team, episodeId));
        return archived.containsKey("episode_id") ? Optional.of(toEpisode(team, archived)) : Optional.empty();
    }

    public List<String> openEpisodeDealIds(String team) {
        return redis.zrange(RedisKeys.openEpisodes(team), 0, -1);
    }

    public List<String> awaitingNudge(String team) {
        return redis.zrange(RedisKeys.awaitingNudge(team), 0, -1);
    }

    /** Ended episodes whose end falls in [from, to). */
    public List<Episode> endedBetween(String team, Instant from, Instant to) {
        List<String> ids = redis.zrangeByScore(RedisKeys.endedEpisodes(team), from.toEpochMilli(),
                to.toEpochMilli() - 1);
        List<Episode> episodes = new ArrayList<>(ids.size());
        for (String id : ids) {
            Map<String, String> hash = redis.hgetAll(RedisKeys.endedEpisode(team, id));
            if (hash.containsKey("episode_id")) {
                episodes.add(toEpisode(team, hash));
            }
        }
        return episodes;
    }

    /**
     * Claims the episode's single nudge for {@code userId} within {@code dailyCap} nudges on
     * {@code localDate} (the rep's date).
     */
    public NudgeClaim claimNudge(String team, String dealId, String userId, String localDate, int dailyCap,
                                 int quietDays, int chaseCount, Instant now) {
        Object result = claimNudge.eval(redis, List.of(RedisKeys.episode(team, dealId), RedisKeys.awaitingNudge(team),
                        RedisKeys.nudgesSent(team, userId, localDate)),
                List.of(dealId, String.valueOf(now.toEpochMilli()), String.valueOf(dailyCap),
                        String.valueOf(COUNTER_TTL.toSeconds()), userId, String.valueOf(quietDays),
                        String.valueOf(chaseCount)));
        long code = (Long) result;
        return code == 1 ? NudgeClaim.CLAIMED : code == -1 ? NudgeClaim.OVER_DAILY_CAP : NudgeClaim.ALREADY_NUDGED;
    }

    /** Gives the claim back after a failed delivery: the nudge waits for the next pass. */
    public void releaseNudge(String team, String dealId, String userId, String localDate, Instant startedAt) {
        releaseNudge.eval(redis, List.of(RedisKeys.episode(team, dealId), RedisKeys.awaitingNudge(team),
                        RedisKeys.nudgesSent(team, userId, localDate)),
                List.of(dealId, String.valueOf(startedAt.toEpochMilli())));
    }

    /** Remembers where the nudge DM is, so it can be updated in place when a truth is recorded. */
    public void recordNudgeMessage(String team, String dealId, String channel, String ts) {
        redis.hset(RedisKeys.episode(team, dealId), Map.of("nudge_channel", channel, "nudge_ts", ts));
    }

    /**
     * Records a "couldn't reach them" attempt once per Slack action (a retry of the same request counts
     * once); returns the episode's attempt count afterwards, or -1 if this action was already counted.
     */
    public int recordNotReached(String team, String dealId, String episodeId, String actionId, Instant now) {
        long added = redis.zadd(RedisKeys.attempts(team, episodeId), now.toEpochMilli(), actionId,
                ZAddParams.zAddParams().nx());
        if (added == 0) {
            return -1;
        }
        redis.zadd(RedisKeys.allAttempts(team), now.toEpochMilli(), episodeId + "|" + actionId);
        long count = redis.zcard(RedisKeys.attempts(team, episodeId));
        String key = RedisKeys.episode(team, dealId);
        if (episodeId.equals(redis.hget(key, "episode_id"))) {
            redis.hset(key, "not_reached", String.valueOf(count));
        }
        return (int) count;
    }

    /** Attempts recorded in [from, to), as episode ids (one entry per attempt). */
    public List<String> notReachedBetween(String team, Instant from, Instant to) {
        return redis.zrangeByScore(RedisKeys.allAttempts(team), from.toEpochMilli(), to.toEpochMilli() - 1)
                .stream().map(member -> member.substring(0, member.lastIndexOf('|'))).toList();
    }

    private static Episode toEpisode(String team, Map<String, String> hash) {
        return new Episode(team, hash.get("episode_id"), hash.get("deal_id"), hash.getOrDefault("owner_email", ""),
                instant(hash.get("started_at")), instant(hash.get("anchor_reply_at")),
                integer(hash.get("quiet_days_at_start")), integer(hash.get("chase_at_start")),
                instant(hash.get("nudged_at")), hash.get("nudge_user"), hash.get("nudge_channel"),
                hash.get("nudge_ts"), integer(hash.get("quiet_days_at_nudge")), integer(hash.get("chase_at_nudge")),
                integer(hash.get("not_reached")), instant(hash.get("ended_at")), hash.get("end_reason"));
    }

    private static String millis(Instant instant) {
        return instant == null ? "" : String.valueOf(instant.toEpochMilli());
    }

    private static Instant instant(String millis) {
        return millis == null || millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private static int integer(String value) {
        return value == null || value.isEmpty() ? 0 : Integer.parseInt(value);
    }

    /** How a nudge claim went. */
    public enum NudgeClaim { CLAIMED, ALREADY_NUDGED, OVER_DAILY_CAP }
}
