package dev.silentdeals.silence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import dev.silentdeals.deals.DealStore;
import dev.silentdeals.deals.DealStoreAccess;
import dev.silentdeals.redis.RedisKeys;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.reps.RepDirectoryAccess;
import dev.silentdeals.reps.RepLookup;
import dev.silentdeals.testing.MutableClock;
import dev.silentdeals.testing.RedisForTests;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pass that judges only what changed must reach the same verdicts and episodes as one that judges
 * everything: here two workspaces get the same deals and the same events, one detected incrementally and one
 * with a full pass every time, and after every step their silent deals and open episodes must agree.
 */
class IncrementalDetectionTest {

    static final RedisForTests redis = RedisForTests.start();
    static final String INCREMENTAL = "TINC";
    static final String FULL = "TFULL";
    static final Instant START = Instant.parse("2026-03-04T10:00:00Z"); // a Wednesday
    static final List<String> REPS = List.of("ana@sales.example", "ben@sales.example", "chloe@sales.example",
            "not-in-slack@sales.example");
    static final Map<String, ZoneId> ZONES = Map.of("ana@sales.example", ZoneId.of("Europe/Berlin"),
            "ben@sales.example", ZoneId.of("America/Los_Angeles"), "chloe@sales.example", ZoneId.of("Pacific/Auckland"));

    final MutableClock clock = new MutableClock(START);
    final DealStore deals = DealStoreAccess.create(redis.client());
    final EpisodeStore episodes = new EpisodeStore(redis.client());
    final PauseStore pauses = new PauseStore(redis.client());
    final RepLookup lookup = new RepLookup() {
        @Override
        public Optional<Rep> byEmail(String teamId, String email) {
            return Optional.ofNullable(ZONES.get(email)).map(zone -> new Rep(email, "U" + email.charAt(0), email, zone));
        }

        @Override
        public Optional<Rep> byUserId(String teamId, String userId) {
            return Optional.empty();
        }
    };
    final SilenceProperties properties = new SilenceProperties(7, 2, "Negotiation=3", "MON-FRI",
            Duration.ofMinutes(15), ZoneId.of("UTC"), Duration.ofDays(3650));
    final SilenceDetection detection = new SilenceDetection(deals, episodes, pauses,
            RepDirectoryAccess.create(lookup, redis.client()), new DetectionProgress(redis.client()), properties, clock,
            event -> { }, new SimpleMeterRegistry());

    final Random random = new Random(20261122L);
    final Set<String> gone = new HashSet<>();

    @BeforeEach
    void emptyRedis() {
        redis.flush();
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    void incremental_passes_find_what_full_passes_find_through_weeks_of_syncs_pauses_truths_and_time() {
        int count = 240;
        both(team -> deals.save(team, dealsNumbered(count, false), initialTouches(count), START));
        DetectionPassFinished first = detection.detect(INCREMENTAL);
        detection.detectFully(FULL);
        assertThat(first.dealsJudged()).as("the first pass is a full one").isGreaterThan(0);
        int judgedIncrementally = 0;
        int judgedFully = 0;

        List<Duration> steps = List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(2),
                Duration.ofHours(9), Duration.ofHours(26));
        for (int step = 0; step < 60; step++) {
            for (int i = 0; i < 8; i++) {
                happen(random.nextInt(10), "D" + random.nextInt(count), count);
            }
            clock.advance(steps.get(random.nextInt(steps.size())));

            judgedIncrementally += detection.detect(INCREMENTAL).dealsJudged();
            judgedFully += detection.detectFully(FULL).dealsJudged();

            assertThat(silentDeals(INCREMENTAL)).as("silent deals after step %d at %s", step, clock.instant())
                    .isEqualTo(silentDeals(FULL)).isEqualTo(silentJudgedNow(INCREMENTAL, count));
            assertThat(openEpisodes(INCREMENTAL)).as("open episodes after step %d at %s", step, clock.instant())
                    .isEqualTo(openEpisodes(FULL));
            assertThat(silentListed(INCREMENTAL)).as("what /silent-deals lists after step %d", step)
                    .isEqualTo(silentDeals(INCREMENTAL));
        }
        assertThat(silentDeals(FULL)).as("the world has silent deals to find").isNotEmpty();
        assertThat(judgedIncrementally).as("incremental passes judge far fewer deals").isLessThan(judgedFully / 3);
    }

    @Test
    void a_pass_with_nothing_changed_and_no_threshold_crossed_judges_nothing() {
        deals.save(INCREMENTAL, dealsNumbered(50, false), initialTouches(50), START);
        detection.detect(INCREMENTAL);
        clock.advance(Duration.ofSeconds(30));

        DetectionPassFinished next = detection.detect(INCREMENTAL);

        assertThat(next.dealsJudged()).isZero();
        assertThat(next.silentNow()).isEqualTo(silentDeals(INCREMENTAL).size()).isPositive();
    }

    @Test
    void a_second_follow_up_synced_into_a_quiet_deal_makes_it_silent_at_the_next_pass() {
        Instant reply = START.minus(Duration.ofDays(20));
        deals.save(INCREMENTAL, List.of(deal("D1", "ana@sales.example", "Demo", false, START)),
                List.of(touch("D1", reply, Direction.INBOUND), touch("D1", reply.plus(Duration.ofDays(2)),
                        Direction.OUTBOUND)), START);
        assertThat(detection.detect(INCREMENTAL).silentNow()).isZero();
        clock.advance(Duration.ofMinutes(15));

        deals.save(INCREMENTAL, List.of(), List.of(touch("D1", clock.instant(), Direction.OUTBOUND)), clock.instant());
        DetectionPassFinished next = detection.detect(INCREMENTAL);

        assertThat(next.dealsJudged()).isEqualTo(1);
        assertThat(next.episodesOpened()).isEqualTo(1);
        assertThat(silentDeals(INCREMENTAL)).containsExactly("D1");
    }

    @Test
    void a_recent_reply_is_judged_when_its_quiet_days_are_reached_without_any_sync() {
        Instant reply = START.minus(Duration.ofDays(1));
        deals.save(INCREMENTAL, List.of(deal("D1", "ana@sales.example", "Demo", false, START)),
                List.of(touch("D1", reply, Direction.INBOUND), touch("D1", reply.plus(Duration.ofHours(2)),
                        Direction.OUTBOUND), touch("D1", reply.plus(Duration.ofHours(4)), Direction.OUTBOUND)), START);
        detection.detect(INCREMENTAL);
        assertThat(silentDeals(INCREMENTAL)).isEmpty();

        clock.advance(Duration.ofDays(12));
        DetectionPassFinished later = detection.detect(INCREMENTAL);

        assertThat(later.episodesOpened()).isEqualTo(1);
        assertThat(silentDeals(INCREMENTAL)).containsExactly("D1");
    }

    @Test
    void a_full_pass_comes_round_again_after_the_interval() {
        deals.save(INCREMENTAL, dealsNumbered(50, false), initialTouches(50), START);
        int full = detection.detect(INCREMENTAL).dealsJudged();
        clock.advance(Duration.ofDays(3650).plusMinutes(1));

        assertThat(detection.detect(INCREMENTAL).dealsJudged()).isGreaterThanOrEqualTo(full);
    }

    /** One random event, applied to both workspaces alike. */
    private void happen(int kind, String dealId, int count) {
        Instant now = clock.instant();
        int index = Integer.parseInt(dealId.substring(1));
        switch (kind) {
            case 0 -> both(team -> deals.save(team, List.of(), List.of(touch(dealId, now, Direction.OUTBOUND)), now));
            case 1 -> both(team -> deals.save(team, List.of(),
                    List.of(touch(dealId, now.minus(Duration.ofMinutes(20)), Direction.INBOUND)), now));
            case 2 -> {
                boolean closed = random.nextBoolean();
                both(team -> deals.save(team, List.of(deal(dealId, ownerOf(index), stageOf(index), closed, now)),
                        List.of(), now));
            }
            case 3 -> both(team -> deals.save(team, List.of(), List.of(new CrmTouch(dealId,
                    now.plus(Duration.ofHours(20)), Direction.OUTBOUND, Channel.MEETING, false)), now));
            case 4 -> {
                LocalDate until = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1 + random.nextInt(4));
                both(team -> pauses.pause(team, new Pause(dealId, "waiting_budget", null, until, "U1", now)));
            }
            case 5 -> both(team -> pauses.resume(team, dealId));
            case 6 -> both(team -> {
                deals.recordConversation(team, dealId, now);
                episodes.end(team, dealId, null, EpisodeEnd.TRUTH_RECORDED, now);
            });
            case 7 -> both(team -> deals.save(team, List.of(),
                    List.of(touch(dealId, now.plus(Duration.ofMinutes(40)), Direction.OUTBOUND)), now));
            case 8 -> both(team -> deals.save(team, List.of(),
                    List.of(touch(dealId, now.minus(Duration.ofDays(9)), Direction.INBOUND)), now));
            default -> {
                gone.add(dealId);
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < count; i++) {
                    if (!gone.contains("D" + i)) {
                        seen.add("D" + i);
                    }
                }
                both(team -> deals.markGoneExcept(team, seen));
            }
        }
    }

    private void both(Consumer<String> event) {
        event.accept(INCREMENTAL);
        event.accept(FULL);
    }

    private Set<String> silentDeals(String team) {
        return new TreeSet<>(redis.client().smembers(RedisKeys.silentDeals(team)));
    }

    /** What each rep's /silent-deals lists (judged with only the touches since each last reply). */
    private Set<String> silentListed(String team) {
        Set<String> listed = new TreeSet<>();
        REPS.forEach(rep -> detection.silentDealsOf(team, rep).forEach(deal -> listed.add(deal.dealId())));
        return listed;
    }

    /** The definition: every deal judged on its own, now. */
    private Set<String> silentJudgedNow(String team, int count) {
        Set<String> silent = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            detection.judgeNow(team, "D" + i).filter(deal -> deal.verdict().isSilent())
                    .ifPresent(deal -> silent.add(deal.dealId()));
        }
        return silent;
    }

    private Map<String, Instant> openEpisodes(String team) {
        List<String> ids = episodes.openEpisodeDealIds(team);
        return episodes.openEpisodes(team, ids).values().stream()
                .collect(Collectors.toMap(Episode::dealId, Episode::anchorReplyAt, (a, b) -> a, TreeMap::new));
    }

    private List<CrmDeal> dealsNumbered(int count, boolean closed) {
        List<CrmDeal> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(deal("D" + i, ownerOf(i), stageOf(i), closed || i % 9 == 0, START.minus(Duration.ofDays(30))));
        }
        return list;
    }

    /** Histories spread so that replies cross the quiet thresholds at all times of the coming weeks. */
    private List<CrmTouch> initialTouches(int count) {
        Random histories = new Random(count);
        List<CrmTouch> touches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "D" + i;
            touches.add(touch(id, START.minus(Duration.ofDays(40)), Direction.OUTBOUND));
            if (i % 11 == 0) {
                continue; // never replied
            }
            Instant reply = START.minus(Duration.ofMinutes(histories.nextInt(20 * 24 * 60)));
            touches.add(touch(id, reply, Direction.INBOUND));
            int followUps = histories.nextInt(4);
            for (int f = 1; f <= followUps; f++) {
                Instant at = reply.plus(Duration.ofHours(7L * f));
                touches.add(touch(id, at.isAfter(START) ? START : at, Direction.OUTBOUND));
            }
        }
        return touches;
    }

    private static String ownerOf(int index) {
        return REPS.get(index % REPS.size());
    }

    private static String stageOf(int index) {
        return index % 3 == 0 ? "Negotiation" : "Demo";
    }

    private static CrmDeal deal(String id, String owner, String stage, boolean closed, Instant updatedAt) {
        return new CrmDeal(id, "Deal " + id, "Company " + id, stage, new BigDecimal("1000"), "EUR", owner,
                "Contact " + id, id.toLowerCase() + "@prospect.example", null, closed, updatedAt);
    }

    private static CrmTouch touch(String dealId, Instant at, Direction direction) {
        return new CrmTouch(dealId, at, direction, Channel.EMAIL, false);
    }
}
