package dev.silentdeals.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.redis.LuaScript;
import dev.silentdeals.redis.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.ZAddParams;
import redis.clients.jedis.resps.Tuple;
import redis.clients.jedis.resps.ScanResult;

/**
 * Deals and touches in Redis (keys in {@link RedisKeys}). Writes are idempotent: a deal only takes a
 * newer updated-at time, touches are a sorted set so duplicates collapse, and the detection index
 * ({@code by-last-reply}) only holds open deals, so detection never scans every deal.
 */
@Component
public class DealStore {

    private static final int PIPELINE_BATCH = 500;

    private final UnifiedJedis redis;
    private final LuaScript syncDeal = LuaScript.load("sync_deal");
    private final LuaScript markGone = LuaScript.load("mark_gone");

    DealStore(UnifiedJedis redis) {
        this.redis = redis;
    }

    /** Saves one page of CRM changes; returns how many deals changed and touches were new. */
    public SavedPage save(String team, Collection<CrmDeal> deals, Collection<CrmTouch> touches, Instant now) {
        Map<String, List<CrmTouch>> touchesByDeal = new HashMap<>();
        for (CrmTouch touch : touches) {
            touchesByDeal.computeIfAbsent(touch.dealId(), id -> new ArrayList<>()).add(touch);
        }
        Set<String> dealIds = new LinkedHashSet<>();
        Map<String, CrmDeal> dealsById = new HashMap<>();
        for (CrmDeal deal : deals) {
            dealIds.add(deal.id());
            dealsById.merge(deal.id(), deal, (a, b) -> a.updatedAt().isAfter(b.updatedAt()) ? a : b);
        }
        dealIds.addAll(touchesByDeal.keySet());
        if (dealIds.isEmpty()) {
            return new SavedPage(0, 0);
        }
        syncDeal.prepare(redis, RedisKeys.deals(team));
        String ownerPrefix = RedisKeys.dealsOfOwner(team, "");
        int changed = 0;
        long added = 0;
        List<String> batch = new ArrayList<>(PIPELINE_BATCH);
        for (String dealId : dealIds) {
            batch.add(dealId);
            if (batch.size() == PIPELINE_BATCH) {
                long[] result = saveBatch(team, batch, dealsById, touchesByDeal, ownerPrefix, now);
                changed += (int) result[0];
                added += result[1];
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            long[] result = saveBatch(team, batch, dealsById, touchesByDeal, ownerPrefix, now);
            changed += (int) result[0];
            added += result[1];
        }
        return new SavedPage(changed, added);
    }

    private long[] saveBatch(String team, List<String> dealIds, Map<String, CrmDeal> dealsById,
                             Map<String, List<CrmTouch>> touchesByDeal, String ownerPrefix, Instant now) {
        List<Response<Object>> responses = new ArrayList<>(dealIds.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (String dealId : dealIds) {
                List<String> keys = List.of(RedisKeys.deal(team, dealId), RedisKeys.touches(team, dealId),
                        RedisKeys.deals(team), RedisKeys.dealsByLastReply(team), RedisKeys.dealsToJudge(team),
                        RedisKeys.detection(team), RedisKeys.silentDeals(team), RedisKeys.episode(team, dealId));
                responses.add(syncDeal.eval(pipeline, keys,
                        arguments(dealId, ownerPrefix, dealsById.get(dealId),
                                touchesByDeal.getOrDefault(dealId, List.of()), now)));
            }
            pipeline.sync();
        }
        long changed = 0;
        long added = 0;
        for (Response<Object> response : responses) {
            List<?> result = (List<?>) response.get();
            changed += (Long) result.get(0);
            added += (Long) result.get(1);
        }
        return new long[] {changed, added};
    }

    private static List<String> arguments(String dealId, String ownerPrefix, CrmDeal deal, List<CrmTouch> touches,
                                          Instant now) {
        List<String> args = new ArrayList<>();
        args.add(dealId);
        args.add(ownerPrefix);
        args.add(deal == null ? "" : String.valueOf(deal.updatedAt().toEpochMilli()));
        long lastReply = 0;
        for (CrmTouch touch : touches) {
            if (TouchCodec.isReplyAt(touch, now)) {
                lastReply = Math.max(lastReply, touch.at().toEpochMilli());
            }
        }
        args.add(String.valueOf(lastReply));
        List<String> fields = deal == null ? List.of() : DealFields.of(deal);
        args.add(String.valueOf(fields.size() / 2));
        args.addAll(fields);
        for (CrmTouch touch : touches) {
            args.add(String.valueOf(touch.at().toEpochMilli()));
            args.add(TouchCodec.encode(touch));
        }
        return args;
    }

    /** Marks every known deal not in {@code seen} as gone; returns how many were newly marked. */
    public int markGoneExcept(String team, Set<String> seen) {
        int marked = 0;
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().count(1000);
        String ownerPrefix = RedisKeys.dealsOfOwner(team, "");
        do {
            ScanResult<String> page = redis.sscan(RedisKeys.deals(team), cursor, params);
            for (String dealId : page.getResult()) {
                if (!seen.contains(dealId)) {
                    Object result = markGone.eval(redis,
                            List.of(RedisKeys.deal(team, dealId), RedisKeys.dealsByLastReply(team),
                                    RedisKeys.dealsToJudge(team)),
                            List.of(dealId, ownerPrefix));
                    marked += ((Long) result).intValue();
                }
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return marked;
    }

    /** Open deals whose last reply (or conversation) is at or before {@code cutoff}: detection's candidates. */
    public List<String> openDealsQuietSince(String team, Instant cutoff) {
        return redis.zrangeByScore(RedisKeys.dealsByLastReply(team), Double.NEGATIVE_INFINITY,
                (double) cutoff.toEpochMilli());
    }

    /**
     * The same candidates with the instant (epoch millis) of the last reply or conversation the index holds
     * for each, in index order: what {@link #loadForJudging} needs.
     */
    public Map<String, Long> openDealsQuietSinceWithLastReply(String team, Instant cutoff) {
        Map<String, Long> quiet = new LinkedHashMap<>();
        for (Tuple entry : redis.zrangeByScoreWithScores(RedisKeys.dealsByLastReply(team), Double.NEGATIVE_INFINITY,
                (double) cutoff.toEpochMilli())) {
            quiet.put(entry.getElement(), (long) entry.getScore());
        }
        return quiet;
    }

    /**
     * Open deals whose last reply (or conversation) is after {@code after} and at or before {@code upTo}, with
     * that instant (epoch millis): the deals a detection pass finds newly quiet long enough to judge.
     */
    public Map<String, Long> openDealsRepliedBetween(String team, Instant after, Instant upTo) {
        Map<String, Long> replied = new LinkedHashMap<>();
        for (Tuple entry : redis.zrangeByScoreWithScores(RedisKeys.dealsByLastReply(team),
                "(" + after.toEpochMilli(), String.valueOf(upTo.toEpochMilli()))) {
            replied.put(entry.getElement(), (long) entry.getScore());
        }
        return replied;
    }

    /** The last reply (or conversation, epoch millis) the index holds for each of these deals that it has. */
    public Map<String, Long> lastRepliesOf(String team, List<String> dealIds) {
        Map<String, Long> lastReplies = new HashMap<>();
        for (int from = 0; from < dealIds.size(); from += PIPELINE_BATCH) {
            List<String> batch = dealIds.subList(from, Math.min(dealIds.size(), from + PIPELINE_BATCH));
            List<Double> scores = redis.zmscore(RedisKeys.dealsByLastReply(team), batch.toArray(String[]::new));
            for (int i = 0; i < batch.size(); i++) {
                if (scores.get(i) != null) {
                    lastReplies.put(batch.get(i), scores.get(i).longValue());
                }
            }
        }
        return lastReplies;
    }

    public long countOpenWithReplies(String team) {
        return redis.zcard(RedisKeys.dealsByLastReply(team));
    }

    public Set<String> openDealIdsOf(String team, String ownerEmail) {
        return redis.smembers(RedisKeys.dealsOfOwner(team, ownerEmail));
    }

    /**
     * The owner email of each of these deals, read in one round trip per batch without loading anything
     * else; deals not in the store are absent. For skipping deals whose rep cannot be messaged now.
     */
    public Map<String, String> ownersOf(String team, Collection<String> dealIds) {
        Map<String, String> owners = new HashMap<>();
        List<String> ids = new ArrayList<>(dealIds);
        for (int from = 0; from < ids.size(); from += PIPELINE_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + PIPELINE_BATCH));
            List<Response<List<String>>> responses = new ArrayList<>(batch.size());
            try (AbstractPipeline pipeline = redis.pipelined()) {
                for (String dealId : batch) {
                    // The short name, and the long one an earlier version wrote (see DealFields.get).
                    responses.add(pipeline.hmget(RedisKeys.deal(team, dealId), DealFields.OWNER, "owner_email"));
                }
                pipeline.sync();
            }
            for (int i = 0; i < batch.size(); i++) {
                List<String> names = responses.get(i).get();
                String owner = names.get(0) != null ? names.get(0) : names.get(1);
                if (owner != null) {
                    owners.put(batch.get(i), owner);
                }
            }
        }
        return owners;
    }

    public Optional<StoredDeal> find(String team, String dealId) {
        return load(team, List.of(dealId)).stream().findFirst();
    }

    /** Loads deals with their touches in one round trip per batch; unknown ids are left out. */
    public List<StoredDeal> load(String team, Collection<String> dealIds) {
        return loadForJudging(team, dealIds, Map.of());
    }

    /**
     * Loads deals as {@link #load} does, except that a deal with an entry in {@code lastReplyMillis} (as
     * {@link #openDealsQuietSinceWithLastReply} gives) comes with only its touches from that instant on.
     * Judging silence needs no older touch: the last reply can only be at or after the indexed one, follow-ups
     * count after it, and a booked meeting lies ahead of now. Most deals carry far fewer recent touches than
     * history, so a detection pass reads a fraction of the data.
     */
    public List<StoredDeal> loadForJudging(String team, Collection<String> dealIds, Map<String, Long> lastReplyMillis) {
        List<StoredDeal> loaded = new ArrayList<>(dealIds.size());
        List<String> ids = new ArrayList<>(dealIds);
        for (int from = 0; from < ids.size(); from += PIPELINE_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + PIPELINE_BATCH));
            List<Response<Map<String, String>>> hashes = new ArrayList<>(batch.size());
            List<Response<List<String>>> touches = new ArrayList<>(batch.size());
            try (AbstractPipeline pipeline = redis.pipelined()) {
                for (String dealId : batch) {
                    hashes.add(pipeline.hgetAll(RedisKeys.deal(team, dealId)));
                    Long since = lastReplyMillis.get(dealId);
                    touches.add(since == null ? pipeline.zrange(RedisKeys.touches(team, dealId), 0, -1)
                            : pipeline.zrangeByScore(RedisKeys.touches(team, dealId), since, Double.POSITIVE_INFINITY));
                }
                pipeline.sync();
            }
            for (int i = 0; i < batch.size(); i++) {
                Map<String, String> hash = hashes.get(i).get();
                if (DealFields.isDeal(hash)) {
                    List<String> members = touches.get(i).get();
                    List<Touch> decoded = new ArrayList<>(members.size());
                    for (String member : members) {
                        decoded.add(TouchCodec.decode(member));
                    }
                    loaded.add(new StoredDeal(DealFields.toDeal(team, batch.get(i), hash), decoded,
                            DealFields.instant(DealFields.get(hash, DealFields.LAST_CONVERSATION_AT))));
                }
            }
        }
        return loaded;
    }

    /**
     * Notes real contact the CRM may not show yet (a yes or no from a call, or "they got back to me"):
     * the quiet time starts again from here, so the deal is not flagged again for the same silence.
     */
    public void recordConversation(String team, String dealId, Instant at) {
        String key = RedisKeys.deal(team, dealId);
        redis.hset(key, DealFields.LAST_CONVERSATION_AT, String.valueOf(at.toEpochMilli()));
        Map<String, String> hash = redis.hgetAll(key);
        if (!"1".equals(DealFields.get(hash, DealFields.CLOSED)) && !"1".equals(DealFields.get(hash, DealFields.GONE))) {
            redis.zadd(RedisKeys.dealsByLastReply(team), at.toEpochMilli(), dealId, ZAddParams.zAddParams().gt());
        }
        redis.sadd(RedisKeys.dealsToJudge(team), dealId);
    }

    /**
     * Deal fields in the hash, and back. Every deal carries these, so the names are short (a tenth of a deal's
     * memory went to long ones); empty values are not stored. Hashes written by earlier versions with the long
     * names (in brackets) are still read, and sync_deal.lua renames them when the deal is next synced. Owner
     * emails are kept lower-case: they key the owner index.
     */
    static final class DealFields {

        static final String NAME = "n";             // (name)
        static final String COMPANY = "co";         // (company)
        static final String STAGE = "s";            // (stage)
        static final String AMOUNT = "a";           // (amount)
        static final String CURRENCY = "cu";        // (currency)
        static final String OWNER = "o";            // (owner_email)
        static final String CONTACT_NAME = "cn";    // (contact_name)
        static final String CONTACT_EMAIL = "ce";   // (contact_email)
        static final String CONTACT_PHONE = "cp";   // (contact_phone)
        static final String CLOSED = "c";           // (closed) "1", or absent
        static final String UPDATED_AT = "u";       // (updated_at) millis; written by sync_deal.lua
        static final String GONE = "g";             // (gone) "1", or absent; written by mark_gone.lua
        static final String LAST_REPLY_AT = "r";    // (last_reply_at) millis; written by sync_deal.lua
        static final String LAST_CONVERSATION_AT = "lc"; // (last_conversation_at) millis
        private static final Map<String, String> LONG_NAMES = Map.ofEntries(Map.entry(NAME, "name"),
                Map.entry(COMPANY, "company"), Map.entry(STAGE, "stage"), Map.entry(AMOUNT, "amount"),
                Map.entry(CURRENCY, "currency"), Map.entry(OWNER, "owner_email"), Map.entry(CONTACT_NAME, "contact_name"),
                Map.entry(CONTACT_EMAIL, "contact_email"), Map.entry(CONTACT_PHONE, "contact_phone"),
                Map.entry(CLOSED, "closed"), Map.entry(UPDATED_AT, "updated_at"), Map.entry(GONE, "gone"),
                Map.entry(LAST_REPLY_AT, "last_reply_at"), Map.entry(LAST_CONVERSATION_AT, "last_conversation_at"));

        private DealFields() {
        }

        /** Field/value pairs for sync_deal.lua, which stores the non-empty ones and removes the empty ones. */
        static List<String> of(CrmDeal deal) {
            return List.of(NAME, nz(deal.name()), COMPANY, nz(deal.company()), STAGE, nz(deal.stage()),
                    AMOUNT, deal.amount() == null ? "" : deal.amount().toPlainString(),
                    CURRENCY, nz(deal.currency()), OWNER, nz(deal.ownerEmail()).strip().toLowerCase(Locale.ROOT),
                    CONTACT_NAME, nz(deal.contactName()), CONTACT_EMAIL, nz(deal.contactEmail()),
                    CONTACT_PHONE, nz(deal.contactPhone()), CLOSED, deal.closed() ? "1" : "");
        }

        /** Whether the hash holds a deal (rather than nothing, or only a conversation recorded for an unknown id). */
        static boolean isDeal(Map<String, String> hash) {
            return get(hash, OWNER) != null;
        }

        static Deal toDeal(String team, String id, Map<String, String> hash) {
            String amount = nz(get(hash, AMOUNT));
            return new Deal(team, id, nz(get(hash, NAME)), nz(get(hash, COMPANY)), nz(get(hash, STAGE)),
                    amount.isEmpty() ? null : new BigDecimal(amount), nz(get(hash, CURRENCY)), nz(get(hash, OWNER)),
                    new Contact(get(hash, CONTACT_NAME), get(hash, CONTACT_EMAIL), get(hash, CONTACT_PHONE)),
                    "1".equals(get(hash, CLOSED)), "1".equals(get(hash, GONE)), instant(get(hash, UPDATED_AT)));
        }

        /** The field under its short name, else under the long name an earlier version wrote. */
        static String get(Map<String, String> hash, String field) {
            String value = hash.get(field);
            return value != null ? value : hash.get(LONG_NAMES.get(field));
        }

        static Instant instant(String millis) {
            return millis == null || millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
        }

        private static String nz(String value) {
            return value == null ? "" : value;
        }
    }

    /** What one page did: deals whose fields changed, and touches not seen before. */
    public record SavedPage(int dealsChanged, long touchesAdded) {
    }
}
