package dev.silentdeals.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import dev.silentdeals.deals.DealStore;
import dev.silentdeals.reps.RepDirectory;
import dev.silentdeals.silence.DetectionPassFinished;
import dev.silentdeals.silence.EpisodeStore;
import dev.silentdeals.silence.PauseStore;
import dev.silentdeals.silence.SilenceDetection;
import dev.silentdeals.testing.MutableClock;
import dev.silentdeals.workspaces.Workspaces;

/**
 * Detection passes over growing numbers of synthetic deals, each beside a naive pass over the same data.
 * The regular pass (every DETECTION_INTERVAL) judges only what can have changed, so it is measured as it runs in
 * production: the clock moves on one interval and the CRM sync brings new touches to 1% of the deals before
 * each pass. The full pass the service makes once a day is measured too. A pass is timed from {@code detect()}
 * to the moment it publishes DetectionPassFinished; the nudge dispatch that listens to that event runs inside
 * {@code detect()} too and is reported apart.
 */
final class DetectionBenchmark {

    static final String FIGURE = "detection pass";
    static final String FULL_FIGURE = "detection full pass (daily)";
    /** The share of deals the sync brings a new touch to between two regular passes. */
    static final double CHURN = 0.01;
    static final Duration INTERVAL = Duration.ofMinutes(15);

    private final InProcessService service;
    private final LoopbackRedis redis;
    private final MutableClock clock;
    private final String team;

    DetectionBenchmark(InProcessService service, LoopbackRedis redis, MutableClock clock, String team) {
        this.service = service;
        this.redis = redis;
        this.clock = clock;
        this.team = team;
    }

    /** One size's figures. */
    record SizeResult(long deals, long loadNanos, long firstPassNanos, long firstTotalNanos,
                      DetectionPassFinished first, long fullPassNanos, DetectionPassFinished full, int churned,
                      long passNanos, long dispatchNanos, DetectionPassFinished steady,
                      long naiveNanos, NaivePass.Outcome naive, int awaitingNudge, long redisBytes) {
    }

    List<SizeResult> run(List<Integer> sizes, int touchesPerDeal, int reps, int repeats, Instant now,
                         Deadline deadline) {
        DealStore store = service.bean(DealStore.class);
        SilenceDetection detection = service.bean(SilenceDetection.class);
        NaivePass naive = new NaivePass(redis.client(), store, service.bean(PauseStore.class),
                service.bean(EpisodeStore.class), service.bean(RepDirectory.class));
        List<SizeResult> results = new ArrayList<>();
        for (int size : sizes) {
            deadline.check("detection at " + size + " deals");
            clock.set(now);
            redis.flushAll();
            service.bean(Workspaces.class).registerPrimary(team);
            long memoryBefore = redis.usedMemory();
            SyntheticCrm crm = new SyntheticCrm("D", reps, touchesPerDeal, now);
            long loadNanos = DealLoader.load(store, crm, team, size, now);
            long redisBytes = redis.usedMemory() - memoryBefore;

            Timed first = pass(() -> detection.detect(team));
            long[] fulls = new long[repeats];
            Timed full = null;
            for (int i = 0; i < repeats; i++) {
                full = pass(() -> detection.detectFully(team));
                fulls[i] = full.passNanos;
            }
            int churned = Math.max(1, (int) (size * CHURN));
            long[] passes = new long[repeats];
            long[] dispatches = new long[repeats];
            Timed steady = null;
            for (int i = 0; i < repeats; i++) {
                clock.advance(INTERVAL);
                store.save(team, List.of(), churn(crm, size, churned, i), clock.instant());
                steady = pass(() -> detection.detect(team));
                passes[i] = steady.passNanos;
                dispatches[i] = steady.totalNanos - steady.passNanos;
            }
            int naiveRepeats = size >= 1_000_000 ? 1 : repeats;
            long[] naiveNanos = new long[naiveRepeats];
            NaivePass.Outcome outcome = null;
            for (int i = 0; i < naiveRepeats; i++) {
                long start = System.nanoTime();
                outcome = naive.run(team, clock.instant());
                naiveNanos[i] = System.nanoTime() - start;
            }
            if (outcome.silent() != steady.finished.silentNow()) {
                throw new IllegalStateException("the naive pass found " + outcome.silent() + " silent deals, the "
                        + "detection pass " + steady.finished.silentNow() + ": the two must agree");
            }
            results.add(new SizeResult(size, loadNanos, first.passNanos, first.totalNanos, first.finished,
                    Figures.median(fulls), full.finished, churned, Figures.median(passes), Figures.median(dispatches),
                    steady.finished, Figures.median(naiveNanos), outcome,
                    service.bean(EpisodeStore.class).awaitingNudge(team).size(), redisBytes));
        }
        clock.set(now);
        return results;
    }

    /** New touches for {@code count} deals picked at random: two follow-ups for every reply, as a day brings. */
    private List<CrmTouch> churn(SyntheticCrm crm, int size, int count, int round) {
        SplittableRandom random = new SplittableRandom(31L * round + size);
        Instant now = clock.instant();
        List<CrmTouch> touches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String dealId = crm.dealId(random.nextInt(size));
            Instant at = now.minusSeconds(random.nextInt((int) INTERVAL.toSeconds()));
            touches.add(i % 3 == 0 ? new CrmTouch(dealId, at, Direction.INBOUND, Channel.EMAIL, false)
                    : new CrmTouch(dealId, at, Direction.OUTBOUND, Channel.EMAIL, false));
        }
        return touches;
    }

    private Timed pass(Supplier<DetectionPassFinished> detect) {
        long start = System.nanoTime();
        DetectionPassFinished finished = detect.get();
        long end = System.nanoTime();
        long published = service.events().lastNanos(DetectionPassFinished.class);
        return new Timed(published - start, end - start, finished);
    }

    private record Timed(long passNanos, long totalNanos, DetectionPassFinished finished) {
    }

    static List<Row> rows(List<SizeResult> results, int touchesPerDeal) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            SizeResult r = results.get(i);
            boolean largest = i == results.size() - 1;
            double speedup = (double) r.naiveNanos / r.passNanos;
            boolean met = r.passNanos < 1_000_000_000L && speedup >= 20;
            rows.add(new Row(FIGURE, Figures.size(r.deals) + " deals × " + touchesPerDeal + " touches",
                    Figures.millis(r.passNanos) + " after " + INTERVAL.toMinutes() + " min and new touches on "
                            + Figures.count(r.churned) + " deals (judged " + Figures.count(r.steady.dealsJudged())
                            + " = " + Figures.percent((double) r.steady.dealsJudged() / r.deals) + "; "
                            + Figures.count(r.steady.silentNow()) + " silent)",
                    "naive pass: " + Figures.millis(r.naiveNanos) + " (judged " + Figures.count(r.naive.judged()) + ")",
                    Figures.ratio(speedup) + " faster",
                    largest ? "< 1 s at 1M, ≥ 20× naive" : "how it grows",
                    largest ? Row.Verdict.of(met) : Row.Verdict.INFO,
                    Map.of("deals", (double) r.deals, "passMillis", r.passNanos / 1e6,
                            "naiveMillis", r.naiveNanos / 1e6, "speedup", speedup,
                            "judged", (double) r.steady.dealsJudged(), "silent", (double) r.steady.silentNow())));
        }
        for (SizeResult r : results) {
            double speedup = (double) r.naiveNanos / r.fullPassNanos;
            rows.add(new Row(FULL_FIGURE, Figures.size(r.deals) + " deals × " + touchesPerDeal + " touches",
                    Figures.millis(r.fullPassNanos) + " (judged " + Figures.count(r.full.dealsJudged()) + " = "
                            + Figures.percent((double) r.full.dealsJudged() / r.deals) + "; "
                            + Figures.count(r.full.silentNow()) + " silent)",
                    "naive pass: " + Figures.millis(r.naiveNanos) + " (judged " + Figures.count(r.naive.judged()) + ")",
                    Figures.ratio(speedup) + " faster", "how it grows", Row.Verdict.INFO,
                    Map.of("deals", (double) r.deals, "passMillis", r.fullPassNanos / 1e6, "speedup", speedup,
                            "judged", (double) r.full.dealsJudged(), "silent", (double) r.full.silentNow())));
        }
        return rows;
    }

    static List<String> notes(List<SizeResult> results) {
        List<String> notes = new ArrayList<>();
        StringBuilder growth = new StringBuilder("how detection grows: ");
        for (SizeResult r : results) {
            growth.append(growth.length() > 27 ? "; " : "").append(String.format(java.util.Locale.ROOT,
                    "%s deals → regular pass %s (%.2f µs per deal in store), full pass %s (%.2f µs), naive %s "
                            + "(%.1f µs per deal)",
                    Figures.size(r.deals), Figures.millis(r.passNanos), r.passNanos / 1e3 / r.deals,
                    Figures.millis(r.fullPassNanos), r.fullPassNanos / 1e3 / r.deals,
                    Figures.millis(r.naiveNanos), r.naiveNanos / 1e3 / r.deals));
        }
        notes.add(growth.toString());
        for (SizeResult r : results) {
            notes.add(String.format("detection at %s deals: loaded through DealStore.save at %s deals/s "
                            + "(Redis grew %s); first pass %s, opened %s episodes, then the nudge dispatch it triggers "
                            + "took %s more; a full pass then took %s (%.1f µs per judged deal); each regular pass "
                            + "(clock on %d min, new touches on %s deals) took %s and its nudge dispatch %s more "
                            + "(%s episodes awaiting a nudge, all over the daily cap); per judged deal %.1f µs, "
                            + "per deal in the naive pass %.1f µs",
                    Figures.size(r.deals), Figures.count(r.deals / (r.loadNanos / 1e9)), Figures.mib(r.redisBytes),
                    Figures.millis(r.firstPassNanos), Figures.count(r.first.episodesOpened()),
                    Figures.millis(r.firstTotalNanos - r.firstPassNanos), Figures.millis(r.fullPassNanos),
                    r.fullPassNanos / 1e3 / Math.max(1, r.full.dealsJudged()), INTERVAL.toMinutes(),
                    Figures.count(r.churned), Figures.millis(r.passNanos),
                    Figures.millis(r.dispatchNanos), Figures.count(r.awaitingNudge),
                    r.passNanos / 1e3 / Math.max(1, r.steady.dealsJudged()), r.naiveNanos / 1e3 / r.naive.judged()));
        }
        return notes;
    }
}
