package dev.silentdeals.benchmarks;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Sends requests at a fixed rate for a fixed time (bounded in count and time), each on its own worker so a
 * slow answer never delays the next send. Latency runs from when a request was due, not from when a worker
 * got to it, so queueing on either side shows in the figures.
 */
final class ConstantRateLoad {

    private static final int WORKERS = 64;
    private static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(60);

    private ConstantRateLoad() {
    }

    /** What one load saw after its warm-up; latencies in microseconds, by the kind of request. */
    record Result(int requests, long errors, Histogram all, Map<String, Histogram> byKind, Map<String, Long> errorKinds,
                  Duration elapsed) {

        double millisAt(double percentile) {
            return all.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMillis() {
            return all.getMaxValue() / 1000.0;
        }
    }

    /** A request to send: its kind (for the per-kind figures) and how to send it. */
    record Request(String kind, java.util.function.Supplier<HttpResponse<String>> send) {
    }

    static Result run(IntFunction<Request> requests, int perSecond, Duration warmUp, Duration duration) {
        int warmUpCount = (int) (perSecond * warmUp.toMillis() / 1000);
        int total = warmUpCount + (int) (perSecond * duration.toMillis() / 1000);
        long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
        Histogram all = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        Map<String, Histogram> byKind = new ConcurrentHashMap<>();
        Map<String, Long> errorKinds = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        long start = System.nanoTime();
        try {
            for (int i = 0; i < total; i++) {
                long due = start + i * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                Request request = requests.apply(i);
                boolean measured = i >= warmUpCount;
                workers.execute(() -> {
                    String problem = null;
                    try {
                        HttpResponse<String> response = request.send().get();
                        if (response.statusCode() != 200) {
                            problem = "http " + response.statusCode();
                        }
                    } catch (RuntimeException e) {
                        Throwable cause = e.getCause() != null ? e.getCause() : e;
                        problem = cause.getClass().getSimpleName() + " " + cause.getMessage();
                    }
                    long micros = Math.min(HIGHEST_MICROS, (System.nanoTime() - due) / 1000);
                    if (measured) {
                        all.recordValue(micros);
                        byKind.computeIfAbsent(request.kind(), k -> new ConcurrentHistogram(HIGHEST_MICROS, 3))
                                .recordValue(micros);
                        if (problem != null) {
                            errors.incrementAndGet();
                            errorKinds.merge(request.kind() + ": " + problem, 1L, Long::sum);
                        }
                    }
                });
            }
        } finally {
            workers.shutdown();
            try {
                if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                    workers.shutdownNow();
                }
            } catch (InterruptedException e) {
                workers.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        int measuredCount = total - warmUpCount;
        long unanswered = measuredCount - all.getTotalCount();
        if (unanswered > 0) {
            errors.addAndGet(unanswered);
            errorKinds.merge("no answer within the bound", unanswered, Long::sum);
        }
        return new Result(measuredCount, errors.get(), all, byKind, errorKinds,
                Duration.ofNanos(System.nanoTime() - start));
    }
}
