package dev.silentdeals.nudges;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import dev.silentdeals.deals.DealStore;
import dev.silentdeals.deals.DealStoreAccess;
import dev.silentdeals.deals.StoredDeal;
import dev.silentdeals.redis.RedisKeys;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.reps.RepDirectory;
import dev.silentdeals.reps.RepDirectoryAccess;
import dev.silentdeals.reps.RepLookup;
import dev.silentdeals.silence.EpisodeStore;
import dev.silentdeals.silence.SilenceAccess;
import dev.silentdeals.silence.SilenceDetection;
import dev.silentdeals.silence.SilentDeal;
import dev.silentdeals.testing.MutableClock;
import dev.silentdeals.texts.Texts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import redis.clients.jedis.UnifiedJedis;

/**
 * The dispatchers on a real Redis with the real stores and detection, a Slack that knows some reps, a
 * delivery that records what went out, and deal reads that count what was loaded and judged.
 */
final class DispatchFixture {

    static final String TEAM = "T1";
    /** A Wednesday, 10:00 in London. */
    static final Instant WEDNESDAY_10_UTC = Instant.parse("2026-11-18T10:00:00Z");
    static final int DAILY_CAP = 3;

    final UnifiedJedis redis;
    final MutableClock clock = new MutableClock(WEDNESDAY_10_UTC);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Map<String, Rep> slackUsers = new HashMap<>();
    final DealStore deals;
    final EpisodeStore episodes;
    final RepDirectory reps;
    final SilenceDetection detection;
    final CountingDealReads reads;
    final RecordingDelivery delivery = new RecordingDelivery();
    final NudgeProperties properties = new NudgeProperties("09:00-17:00", "MON-FRI", DAILY_CAP, "");
    final RepWorkingHours hours;

    DispatchFixture(UnifiedJedis redis) {
        this.redis = redis;
        this.deals = DealStoreAccess.create(redis);
        this.episodes = SilenceAccess.episodes(redis);
        this.reps = RepDirectoryAccess.create(new RepLookup() {
            @Override
            public Optional<Rep> byEmail(String teamId, String email) {
                return Optional.ofNullable(slackUsers.get(email));
            }

            @Override
            public Optional<Rep> byUserId(String teamId, String userId) {
                return slackUsers.values().stream().filter(rep -> rep.userId().equals(userId)).findFirst();
            }
        }, redis, meters);
        this.detection = SilenceAccess.detection(redis, deals, episodes, reps, clock);
        this.reads = new CountingDealReads(new StoredDealReads(deals, detection));
        this.hours = new RepWorkingHours(redis, properties);
    }

    NudgeDispatcher nudgeDispatcher() {
        return new NudgeDispatcher(episodes, reads, reps, new NudgeReadiness(redis, hours), composer(), delivery, hours,
                properties, clock, meters);
    }

    FollowUpDispatcher followUpDispatcher() {
        return new FollowUpDispatcher(episodes, new FollowUpStore(redis), reads, reps, hours, composer(), delivery,
                properties, clock, meters);
    }

    private NudgeComposer composer() {
        return new NudgeComposer(Texts.english(), properties);
    }

    /** A rep Slack knows, e.g. {@code rep("ana", "Europe/London")}: ana@example.com, user U_ANA. */
    Rep rep(String name, String zone) {
        Rep rep = new Rep(name + "@example.com", userId(name), name, ZoneId.of(zone));
        slackUsers.put(rep.email(), rep);
        return rep;
    }

    static String userId(String name) {
        return "U_" + name.toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Deals of {@code owner} that are silent at the fixture's start: the prospect last replied four weeks
     * before, and the rep wrote twice since.
     */
    List<String> silentDeals(String owner, String... ids) {
        List<CrmDeal> crmDeals = new ArrayList<>();
        List<CrmTouch> touches = new ArrayList<>();
        for (String id : ids) {
            crmDeals.add(new CrmDeal(id, "Deal " + id, "Company " + id, "Proposal", new BigDecimal("1000"), "EUR",
                    owner + "@example.com", "Dana Reyes", "dana@example.com", "", false,
                    Instant.parse("2026-10-01T00:00:00Z")));
            touches.add(new CrmTouch(id, Instant.parse("2026-10-20T10:00:00Z"), Direction.INBOUND, Channel.EMAIL, false));
            touches.add(new CrmTouch(id, Instant.parse("2026-10-27T10:00:00Z"), Direction.OUTBOUND, Channel.EMAIL, false));
            touches.add(new CrmTouch(id, Instant.parse("2026-11-03T10:00:00Z"), Direction.OUTBOUND, Channel.EMAIL, false));
        }
        deals.save(TEAM, crmDeals, touches, clock.instant());
        return List.of(ids);
    }

    /** A detection pass: opens an episode, awaiting its nudge, for each silent deal. */
    void detect() {
        detection.detect(TEAM);
    }

    /** The rep already had {@code count} nudges on {@code localDate}, as claim_nudge.lua counts them. */
    void nudgesAlreadySent(String name, String localDate, int count) {
        redis.set(RedisKeys.nudgesSent(TEAM, userId(name), localDate), String.valueOf(count));
    }

    List<String> awaiting() {
        return episodes.awaitingNudge(TEAM);
    }

    /** Deal reads that note every deal loaded or judged. */
    static final class CountingDealReads implements DealReads {

        private final DealReads real;
        final List<String> loaded = new ArrayList<>();
        final List<String> judged = new ArrayList<>();

        CountingDealReads(DealReads real) {
            this.real = real;
        }

        @Override
        public Map<String, String> ownersOf(String team, Collection<String> dealIds) {
            return real.ownersOf(team, dealIds);
        }

        @Override
        public synchronized List<StoredDeal> load(String team, Collection<String> dealIds) {
            loaded.addAll(dealIds);
            return real.load(team, dealIds);
        }

        @Override
        public Optional<SilentDeal> judgeNow(String team, String dealId) {
            synchronized (this) {
                judged.add(dealId);
            }
            return real.judgeNow(team, dealId);
        }

        synchronized List<String> loadedOrJudged() {
            List<String> all = new ArrayList<>(loaded);
            all.addAll(judged);
            return all;
        }

        synchronized void reset() {
            loaded.clear();
            judged.clear();
        }
    }

    /** Records what would have gone to Slack. */
    static final class RecordingDelivery implements NudgeDelivery {

        final List<Nudge> nudges = new ArrayList<>();
        final List<Nudge> followUps = new ArrayList<>();
        boolean respectsWorkingHours = true;

        @Override
        public synchronized Delivered deliver(Nudge nudge) {
            nudges.add(nudge);
            return new Delivered("D_" + nudge.rep().userId(), String.valueOf(nudges.size()));
        }

        @Override
        public synchronized Delivered deliverFollowUp(FollowUpKind kind, Nudge nudge) {
            followUps.add(nudge);
            return new Delivered("D_" + nudge.rep().userId(), "f" + followUps.size());
        }

        @Override
        public Delivered deliverRevisit(Revisit revisit) {
            throw new UnsupportedOperationException("no revisits in these tests");
        }

        @Override
        public boolean respectsWorkingHours() {
            return respectsWorkingHours;
        }

        synchronized List<String> dealsNudgedTo(String name) {
            return nudges.stream().filter(n -> n.rep().userId().equals(userId(name))).map(Nudge::dealId).toList();
        }
    }
}
