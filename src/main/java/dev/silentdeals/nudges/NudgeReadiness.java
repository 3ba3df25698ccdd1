package dev.silentdeals.nudges;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.silentdeals.redis.RedisKeys;
import dev.silentdeals.reps.Rep;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Which reps could get a nudge now, read for many reps at once before any deal is loaded: under the daily
 * cap on their own date (the counter claim_nudge.lua keeps) and, when deliveries wait for them, inside
 * their working hours. Only a pre-filter: the Lua claim stays the authority on the cap, so a rep is left
 * out only when a claim for her would fail now.
 */
@Component
class NudgeReadiness {

    private final UnifiedJedis redis;
    private final RepWorkingHours hours;

    NudgeReadiness(UnifiedJedis redis, RepWorkingHours hours) {
        this.redis = redis;
        this.hours = hours;
    }

    /** The user ids of the reps among {@code reps} who could get a nudge at {@code now}. */
    Set<String> canGetNudge(String team, Collection<Rep> reps, Instant now, int dailyCap, boolean inHoursOnly) {
        List<Rep> distinct = reps.stream().filter(rep -> rep != null).distinct().toList();
        List<Response<String>> sent = new ArrayList<>(distinct.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (Rep rep : distinct) {
                sent.add(pipeline.get(RedisKeys.nudgesSent(team, rep.userId(), today(rep, now))));
            }
            pipeline.sync();
        }
        Map<String, WorkingHours> repHours = inHoursOnly
                ? hours.of(team, distinct.stream().map(Rep::userId).toList()) : Map.of();
        Set<String> ready = new HashSet<>();
        for (int i = 0; i < distinct.size(); i++) {
            Rep rep = distinct.get(i);
            boolean underCap = sentToday(sent.get(i).get()) < dailyCap;
            boolean inHours = !inHoursOnly || repHours.get(rep.userId()).contain(now, rep.timeZone());
            if (underCap && inHours) {
                ready.add(rep.userId());
            }
        }
        return ready;
    }

    /** The rep's own date, as the cap counts it (the dispatch names the counter key the same way). */
    static String today(Rep rep, Instant now) {
        return LocalDate.ofInstant(now, rep.timeZone()).toString();
    }

    /** An unreadable counter counts as none: then the claim, not this filter, decides. */
    private static long sentToday(String counter) {
        try {
            return counter == null ? 0 : Long.parseLong(counter.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
