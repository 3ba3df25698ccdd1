package dev.silentdeals.nudges;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.silentdeals.redis.LuaScript;
import dev.silentdeals.redis.RedisKeys;
import dev.silentdeals.truth.Outcome;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Revisits in Redis: one per deal (a newer truth replaces it), in a sorted set by due time so they
 * survive restarts and any replica can send them; a hash per deal with what the message needs.
 */
@Component
class RevisitStore {

    /** A sent or cancelled revisit is kept a while for support questions, then expires. */
    private static final Duration KEEP_DONE = Duration.ofDays(30);

    private final UnifiedJedis redis;
    private final LuaScript scheduleScript = LuaScript.load("schedule_revisit");
    private final LuaScript claim = LuaScript.load("claim_revisit");
    private final LuaScript finishScript = LuaScript.load("finish_revisit");

    RevisitStore(UnifiedJedis redis) {
        this.redis = redis;
    }

    void schedule(String team, ScheduledRevisit revisit, Instant dueAt) {
        List<String> args = new ArrayList<>(List.of(revisit.dealId(), String.valueOf(dueAt.toEpochMilli()),
                RedisKeys.revisitsOfOwner(team, "")));
        put(args, "deal_id", revisit.dealId());
        put(args, "truth_id", revisit.truthId());
        put(args, "owner_email", revisit.ownerEmail().toLowerCase(Locale.ROOT));
        put(args, "outcome", revisit.outcome().name());
        put(args, "date", revisit.date().toString());
        put(args, "next_step", revisit.nextStep());
        put(args, "company", revisit.company());
        put(args, "contact_name", revisit.contactName());
        put(args, "recorded_at", String.valueOf(revisit.truthRecordedAt().toEpochMilli()));
        scheduleScript.eval(redis, List.of(RedisKeys.revisit(team, revisit.dealId()), RedisKeys.revisits(team),
                RedisKeys.revisitsOfOwner(team, revisit.ownerEmail())), args);
    }

    Optional<ScheduledRevisit> find(String team, String dealId) {
        Map<String, String> hash = redis.hgetAll(RedisKeys.revisit(team, dealId));
        if (!hash.containsKey("truth_id") || hash.containsKey("sent_at") || hash.containsKey("cancelled")) {
            return Optional.empty();
        }
        return Optional.of(toRevisit(hash));
    }

    /** Deal ids whose revisit is due at {@code now}, oldest first. */
    List<String> due(String team, Instant now) {
        return redis.zrangeByScore(RedisKeys.revisits(team), 0, now.toEpochMilli());
    }

    /** Takes a due revisit for sending; if this replica dies, it is due again at {@code retryAt}. */
    boolean claim(String team, String dealId, String truthId, Instant now, Instant retryAt) {
        Object result = claim.eval(redis, List.of(RedisKeys.revisits(team), RedisKeys.revisit(team, dealId)),
                List.of(dealId, String.valueOf(now.toEpochMilli()), String.valueOf(retryAt.toEpochMilli()), truthId));
        return Long.valueOf(1).equals(result);
    }

    void sent(String team, ScheduledRevisit revisit, Instant at, String channel, String ts) {
        done(team, revisit, Map.of("sent_at", String.valueOf(at.toEpochMilli()), "channel", channel, "ts", ts));
    }

    void cancel(String team, ScheduledRevisit revisit, RevisitRule.Cancellation why, Instant at) {
        done(team, revisit, Map.of("cancelled", why.name(), "cancelled_at", String.valueOf(at.toEpochMilli())));
    }

    /** Pending revisits of a rep (not yet sent nor cancelled), soonest first. */
    List<ScheduledRevisit> pendingOf(String team, String ownerEmail) {
        List<ScheduledRevisit> pending = new ArrayList<>();
        for (String dealId : redis.smembers(RedisKeys.revisitsOfOwner(team, ownerEmail))) {
            find(team, dealId).ifPresent(pending::add);
        }
        pending.sort(Comparator.comparing(ScheduledRevisit::date).thenComparing(ScheduledRevisit::dealId));
        return pending;
    }

    private void done(String team, ScheduledRevisit revisit, Map<String, String> fields) {
        List<String> args = new ArrayList<>(List.of(revisit.dealId(), revisit.truthId(),
                String.valueOf(KEEP_DONE.toSeconds())));
        fields.forEach((field, value) -> put(args, field, value));
        finishScript.eval(redis, List.of(RedisKeys.revisit(team, revisit.dealId()), RedisKeys.revisits(team),
                RedisKeys.revisitsOfOwner(team, revisit.ownerEmail())), args);
    }

    private static void put(List<String> args, String field, String value) {
        args.add(field);
        args.add(value == null ? "" : value);
    }

    private static ScheduledRevisit toRevisit(Map<String, String> h) {
        String nextStep = h.getOrDefault("next_step", "");
        return new ScheduledRevisit(h.get("deal_id"), h.get("truth_id"), h.get("owner_email"),
                Outcome.valueOf(h.get("outcome")), LocalDate.parse(h.get("date")), nextStep.isEmpty() ? null : nextStep,
                h.getOrDefault("company", ""), h.getOrDefault("contact_name", ""),
                Instant.ofEpochMilli(Long.parseLong(h.get("recorded_at"))));
    }
}
