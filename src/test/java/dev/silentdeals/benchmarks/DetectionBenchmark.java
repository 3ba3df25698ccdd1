package dev.silentdeals.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.silentdeals.deals.DealStore;
import dev.silentdeals.reps.RepDirectory;
import dev.silentdeals.silence.DetectionPassFinished;
import dev.silentdeals.silence.EpisodeStore;
import dev.silentdeals.silence.PauseStore;
import dev.silentdeals.silence.SilenceDetection;
import dev.silentdeals.workspaces.Workspaces;

/**
 * Detection passes over growing numbers of synthetic deals, each beside a naive pass over the same data.
 * The pass is timed from {@code detect()} to the moment it publishes DetectionPassFinished; the nudge
 * dispatch that listens to that event runs inside {@code detect()} too and is reported apart.
 */
final class DetectionBenchmark {

    static final String FIGURE = "detection pass";

    private final InProcessService service;
    private final LoopbackRedis redis;
    private final String team;

    DetectionBenchmark(InProcessService service, LoopbackRedis redis, String team) {
        this.service = service;
        this.redis = redis;
        this.team = team;
    }

    /** One size's figures. */
    record SizeResult(long deals, long loadNanos, long firstPassNanos, long firstTotalNanos,
                      DetectionPassFinished first, long passNanos, long dispatchNanos, DetectionPassFinished steady,
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
            redis.flushAll();
            service.bean(Workspaces.class).registerPrimary(team);
            long memoryBefore = redis.usedMemory();
            SyntheticCrm crm = new SyntheticCrm("D", reps, touchesPerDeal, now);
            long loadNanos = DealLoader.load(store, crm, team, size, now);
            long redisBytes = redis.usedMemory() - memoryBefore;

            Timed first = pass(detection);
            long[] passes = new long[repeats];
            long[] dispatches = new long[repeats];
            Timed steady = null;
            for (int i = 0; i < repeats; i++) {
                steady = pass(detection);
                passes[i] = steady.passNanos;
                dispatches[i] = steady.totalNanos - steady.passNanos;
            }
            int naiveRepeats = size >= 1_000_000 ? 1 : repeats;
            long[] naiveNanos = new long[naiveRepeats];
            NaivePass.Outcome outcome = null;
            for (int i = 0; i < naiveRepeats; i++) {
                long start = System.nanoTime();
                outcome = naive.run(team, now);
                naiveNanos[i] = System.nanoTime() - start;
            }
            if (outcome.silent() != steady.finished.silentNow()) {
                throw new IllegalStateException("the naive pass found " + outcome.silent() + " silent deals, the "
                        + "detection pass " + steady.finished.silentNow() + ": the two must agree");
            }
            results.add(new SizeResult(size, loadNanos, first.passNanos, first.totalNanos, first.finished,
                    Figures.median(passes), Figures.median(dispatches), steady.finished, Figures.median(naiveNanos),
                    outcome, service.bean(EpisodeStore.class).awaitingNudge(team).size(), redisBytes));
        }
        return results;
    }

    private Timed pass(SilenceDetection detection) {
        long start = System.nanoTime();
        DetectionPassFinished finished = detection.detect(team);
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
                    Figures.millis(r.passNanos) + " (judged " + Figures.count(r.steady.dealsJudged()) + " = "
                            + Figures.percent((double) r.steady.dealsJudged() / r.deals) + "; "
                            + Figures.count(r.steady.silentNow()) + " silent)",
                    "naive pass: " + Figures.millis(r.naiveNanos) + " (judged " + Figures.count(r.naive.judged()) + ")",
                    Figures.ratio(speedup) + " faster",
                    largest ? "< 1 s at 1M, ≥ 20× naive" : "how it grows",
                    largest ? Row.Verdict.of(met) : Row.Verdict.INFO,
                    Map.of("deals", (double) r.deals, "passMillis", r.passNanos / 1e6,
                            "naiveMillis", r.naiveNanos / 1e6, "speedup", speedup,
                            "judged", (double) r.steady.dealsJudged(), "silent", (double) r.steady.silentNow())));
        }
        return rows;
    }

    static List<String> notes(List<SizeResult> results) {
        List<String> notes = new ArrayList<>();
        StringBuilder growth = new StringBuilder("how detection grows: ");
        for (SizeResult r : results) {
            growth.append(growth.length() > 27 ? "; " : "").append(String.format(java.util.Locale.ROOT,
                    "%s deals → pass %s (%.2f µs per deal in store), naive %s (%.1f µs per deal)",
                    Figures.size(r.deals), Figures.millis(r.passNanos), r.passNanos / 1e3 / r.deals,
                    Figures.millis(r.naiveNanos), r.naiveNanos / 1e3 / r.deals));
        }
        notes.add(growth.toString());
        for (SizeResult r : results) {
            notes.add(String.format("detection at %s deals: loaded through DealStore.save at %s deals/s "
                            + "(Redis grew %s); first pass %s, opened %s episodes, then the nudge dispatch it triggers "
                            + "took %s more; each steady pass then took %s and its nudge dispatch %s more "
                            + "(%s episodes awaiting a nudge, all over the daily cap); per judged deal %.1f µs, "
                            + "per deal in the naive pass %.1f µs",
                    Figures.size(r.deals), Figures.count(r.deals / (r.loadNanos / 1e9)), Figures.mib(r.redisBytes),
                    Figures.millis(r.firstPassNanos), Figures.count(r.first.episodesOpened()),
                    Figures.millis(r.firstTotalNanos - r.firstPassNanos), Figures.millis(r.passNanos),
                    Figures.millis(r.dispatchNanos), Figures.count(r.awaitingNudge),
                    r.passNanos / 1e3 / Math.max(1, r.steady.dealsJudged()), r.naiveNanos / 1e3 / r.naive.judged()));
        }
        return notes;
    }
}
