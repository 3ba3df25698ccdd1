package dev.silentdeals.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * Every size and bound of a run. {@link #full()} is what BENCHMARKS.md reports; {@link #tiny()} keeps the
 * harness working inside the default build, in seconds.
 */
record BenchmarkSettings(List<Integer> detectionSizes, int detectionTouches, int reps, int repeats,
                         List<Integer> syncSizes, int syncTouches, int hsetCommands,
                         int ackRatePerSecond, Duration ackWarmUp, Duration ackDuration, int ackDeals, int ackReps,
                         int nudges, int workspaceMessagesPerSecond, double injected429Share,
                         int rssDeals, int rssTouches, int startupRuns, Duration budget) {

    static BenchmarkSettings full() {
        return new BenchmarkSettings(List.of(1_000, 10_000, 100_000, 1_000_000), 20, 1000, 3,
                List.of(1_000, 10_000, 100_000), 20, 2_000_000,
                300, Duration.ofSeconds(10), Duration.ofSeconds(60), 10_000, 100,
                1000, 10, 0.10,
                100_000, 20, 3, Duration.ofMinutes(25));
    }

    /**
     * The full settings, narrowed by {@code -Dbenchmarks.sizes=100000} (or {@code 10000,100000}): the sizes the
     * detection and sync benchmarks run at, for measuring one change at one size. Nothing else changes.
     */
    static BenchmarkSettings fromSystemProperties() {
        BenchmarkSettings full = full();
        String sizes = System.getProperty("benchmarks.sizes", "").strip();
        if (sizes.isEmpty()) {
            return full;
        }
        List<Integer> chosen = java.util.Arrays.stream(sizes.split(",")).map(String::strip).map(Integer::valueOf)
                .toList();
        return new BenchmarkSettings(chosen, full.detectionTouches(), full.reps(), full.repeats(), chosen,
                full.syncTouches(), full.hsetCommands(), full.ackRatePerSecond(), full.ackWarmUp(), full.ackDuration(),
                full.ackDeals(), full.ackReps(), full.nudges(), full.workspaceMessagesPerSecond(),
                full.injected429Share(), full.rssDeals(), full.rssTouches(), full.startupRuns(), full.budget());
    }

    static BenchmarkSettings tiny() {
        return new BenchmarkSettings(List.of(200, 600), 5, 20, 1,
                List.of(300), 20, 20_000,
                30, Duration.ofMillis(300), Duration.ofSeconds(1), 200, 5,
                12, 50, 0.10,
                300, 20, 1, Duration.ofMinutes(4));
    }
}
