package dev.silentdeals.digests;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.silentdeals.redis.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * What Redis remembers about each team's digests, so that every replica and every restart agrees: the end
 * of the last period posted (the next period starts there) and a claim per period end (SET NX), which is
 * what makes a period's digest go out once however many schedulers fire.
 */
@Component
class DigestLedger {

    private static final Duration CLAIM_KEPT = Duration.ofDays(90);
    /** Moves the period end forward only: a late, older digest never winds it back. */
    private static final String RECORD_POSTED = """
            local last = tonumber(redis.call('HGET', KEYS[1], 'last_period_end') or '0')
            if tonumber(ARGV[1]) <= last then return 0 end
            redis.call('HSET', KEYS[1], 'last_period_end', ARGV[1], 'last_silent_deals', ARGV[2], 'last_posted_at', ARGV[3])
            return 1
            """;

    private final UnifiedJedis redis;

    DigestLedger(UnifiedJedis redis) {
        this.redis = redis;
    }

    Optional<Instant> lastPeriodEnd(String slackTeam, String teamName) {
        String millis = redis.hget(RedisKeys.digest(slackTeam, teamName), "last_period_end");
        return millis == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(millis)));
    }

    Optional<Integer> silentAtLastDigest(String slackTeam, String teamName) {
        String count = redis.hget(RedisKeys.digest(slackTeam, teamName), "last_silent_deals");
        return count == null ? Optional.empty() : Optional.of(Integer.parseInt(count));
    }

    /** True for exactly one caller per team and period end, across replicas. */
    boolean claim(String slackTeam, String teamName, Instant periodEnd, String by) {
        return "OK".equals(redis.set(RedisKeys.digestSent(slackTeam, teamName, periodEnd.toEpochMilli()), by,
                SetParams.setParams().nx().ex(CLAIM_KEPT.toSeconds())));
    }

    /** Gives a claim back when nothing was posted, so the next fire covers this period too. */
    void release(String slackTeam, String teamName, Instant periodEnd) {
        redis.del(RedisKeys.digestSent(slackTeam, teamName, periodEnd.toEpochMilli()));
    }

    void posted(String slackTeam, String teamName, Instant periodEnd, int silentDeals, Instant postedAt) {
        redis.eval(RECORD_POSTED, List.of(RedisKeys.digest(slackTeam, teamName)),
                List.of(String.valueOf(periodEnd.toEpochMilli()), String.valueOf(silentDeals),
                        String.valueOf(postedAt.toEpochMilli())));
    }
}
