package dev.silentdeals.benchmarks;

import java.time.Duration;

/** A time bound for a whole run: a benchmark checks it before each step and stops when it has passed. */
final class Deadline {

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    static Deadline in(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    void check(String step) {
        if (System.nanoTime() > endNanos) {
            throw new IllegalStateException("the run's time budget is spent; stopped before " + step);
        }
    }

    Duration left() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }
}
