package dev.silentdeals.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.silentdeals.deals.CrmSync;
import dev.silentdeals.deals.DealsSynced;
import dev.silentdeals.redis.RedisKeys;
import dev.silentdeals.workspaces.Workspaces;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * A full sync through the file adapter (CSV files → CrmSync → DealStore → Redis), beside the rate at which
 * the same Redis takes plain pipelined HSETs from one client — what redis-benchmark -P measures. Both are
 * counted in Redis commands (INFO commandstats, commands run inside Lua scripts included).
 */
final class SyncBenchmark {

    static final String FIGURE = "sync ingest";
    static final String MEMORY_FIGURE = "Redis memory per deal";
    private static final int HSET_BATCH = 500;

    private final InProcessService service;
    private final LoopbackRedis redis;
    private final String team;
    private final Path dealsFile;
    private final Path touchesFile;

    SyncBenchmark(InProcessService service, LoopbackRedis redis, String team, Path dealsFile, Path touchesFile) {
        this.service = service;
        this.redis = redis;
        this.team = team;
        this.dealsFile = dealsFile;
        this.touchesFile = touchesFile;
    }

    /** One size's figures; memory is measured right after the sync, before detection adds episodes. */
    record SizeResult(int deals, int touchesPerDeal, long syncNanos, long commands, Map<String, Long> commandMix,
                      long hsetCommands, long hsetNanos, long usedMemoryDelta, long sampledKeyBytes,
                      long sharedKeyBytes, double redisCpuSeconds, double syncThreadCpuSeconds,
                      double writerThreadCpuSeconds) {

        double dealsPerSecond() {
            return deals / (syncNanos / 1e9);
        }

        double commandsPerSecond() {
            return commands / (syncNanos / 1e9);
        }

        double hsetPerSecond() {
            return hsetCommands / (hsetNanos / 1e9);
        }
    }

    List<SizeResult> run(List<Integer> sizes, int touchesPerDeal, int reps, int hsetCommands, Instant now,
                         Deadline deadline) throws IOException {
        List<SizeResult> results = new ArrayList<>();
        for (int size : sizes) {
            deadline.check("sync at " + size + " deals");
            new SyntheticCrm("S", reps, touchesPerDeal, now).writeCsv(dealsFile, touchesFile, size);
            redis.flushAll();
            service.bean(Workspaces.class).registerPrimary(team);
            long[] hset = pipelinedHset(hsetCommands);
            redis.flushAll();
            service.bean(Workspaces.class).registerPrimary(team);

            Map<String, Long> before = redis.commandCalls();
            long memoryBefore = redis.usedMemory();
            double redisCpuBefore = redis.cpuSeconds();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long threadCpuBefore = threads.getCurrentThreadCpuTime();
            long writerCpuBefore = writerCpuNanos(threads);
            AtomicLong syncedAt = new AtomicLong();
            AtomicLong memoryAfter = new AtomicLong();
            AtomicLong threadCpuAfter = new AtomicLong();
            AtomicLong writerCpuAfter = new AtomicLong();
            AtomicReference<Double> redisCpuAfter = new AtomicReference<>();
            AtomicReference<Map<String, Long>> after = new AtomicReference<>();
            service.events().onEvent(DealsSynced.class, synced -> {
                syncedAt.set(System.nanoTime());
                threadCpuAfter.set(threads.getCurrentThreadCpuTime());
                writerCpuAfter.set(writerCpuNanos(threads));
                after.set(redis.commandCalls());
                memoryAfter.set(redis.usedMemory());
                redisCpuAfter.set(redis.cpuSeconds());
            });
            long start = System.nanoTime();
            service.bean(CrmSync.class).syncOnce();
            if (after.get() == null) {
                throw new IllegalStateException("the sync of " + size + " deals did not finish (see the log)");
            }
            Map<String, Long> mix = delta(before, after.get());
            long commands = mix.values().stream().mapToLong(Long::longValue).sum();
            long[] keyBytes = keyBytes(size, reps);
            results.add(new SizeResult(size, touchesPerDeal, syncedAt.get() - start, commands, mix, hset[0], hset[1],
                    memoryAfter.get() - memoryBefore, keyBytes[0], keyBytes[1], redisCpuAfter.get() - redisCpuBefore,
                    (threadCpuAfter.get() - threadCpuBefore) / 1e9, (writerCpuAfter.get() - writerCpuBefore) / 1e9));
        }
        return results;
    }

    /** Plain HSETs, pipelined 500 at a time on one connection, as the sync's own batches are. */
    private long[] pipelinedHset(int commands) {
        try (Jedis jedis = redis.connection()) {
            long start = System.nanoTime();
            Pipeline pipeline = jedis.pipelined();
            for (int i = 0; i < commands; i++) {
                pipeline.hset("bench:hset:" + (i % 50_000), "field" + (i % 20), "value-" + i + "-0123456789abcdef");
                if ((i + 1) % HSET_BATCH == 0) {
                    pipeline.sync();
                }
            }
            pipeline.sync();
            return new long[] {commands, System.nanoTime() - start};
        }
    }

    /** MEMORY USAGE of a sample of deals' own keys (average), and of the keys all deals share, per deal. */
    private long[] keyBytes(int deals, int reps) {
        int sample = Math.min(200, deals);
        long own = 0;
        for (int i = 0; i < sample; i++) {
            long index = (long) i * deals / sample;
            own += redis.memoryUsage(RedisKeys.deal(team, "S" + index))
                    + redis.memoryUsage(RedisKeys.touches(team, "S" + index));
        }
        long shared = redis.memoryUsage(RedisKeys.deals(team)) + redis.memoryUsage(RedisKeys.dealsByLastReply(team));
        for (int rep = 0; rep < reps; rep++) {
            shared += redis.memoryUsage(RedisKeys.dealsOfOwner(team, SyntheticCrm.repEmail(rep)));
        }
        return new long[] {own / sample, shared / deals};
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new java.util.TreeMap<>();
        after.forEach((command, calls) -> {
            long d = calls - before.getOrDefault(command, 0L);
            if (d > 0 && !command.equals("info")) {
                delta.put(command, d);
            }
        });
        return delta;
    }

    static List<Row> rows(List<SizeResult> results) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            SizeResult r = results.get(i);
            boolean largest = i == results.size() - 1;
            double share = r.commandsPerSecond() / r.hsetPerSecond();
            rows.add(new Row(FIGURE, Figures.size(r.deals) + " deals × " + r.touchesPerDeal + " touches",
                    Figures.count(r.dealsPerSecond()) + " deals/s, " + Figures.count(r.commandsPerSecond())
                            + " Redis cmds/s (" + Figures.millis(r.syncNanos) + ")",
                    "pipelined HSET: " + Figures.count(r.hsetPerSecond()) + " cmds/s",
                    Figures.percent(share) + " of it",
                    largest ? "≥ 30% of pipelined HSET" : "how it grows",
                    largest ? Row.Verdict.of(share >= 0.30) : Row.Verdict.INFO,
                    Map.of("deals", (double) r.deals, "dealsPerSecond", r.dealsPerSecond(),
                            "commandsPerSecond", r.commandsPerSecond(), "hsetPerSecond", r.hsetPerSecond(),
                            "share", share)));
        }
        SizeResult largest = results.get(results.size() - 1);
        double perDealInfo = (double) largest.usedMemoryDelta / largest.deals;
        double perDealKeys = largest.sampledKeyBytes + largest.sharedKeyBytes;
        rows.add(new Row(MEMORY_FIGURE, Figures.size(largest.deals) + " deals × " + largest.touchesPerDeal + " touches",
                Figures.count(perDealKeys) + " B/deal by MEMORY USAGE (deal hash + touches "
                        + Figures.count(largest.sampledKeyBytes) + " B, shared indexes "
                        + Figures.count(largest.sharedKeyBytes) + " B)",
                "INFO used_memory delta / deals: " + Figures.count(perDealInfo) + " B",
                "—", "≤ 1 KB per deal", Row.Verdict.of(Math.max(perDealKeys, perDealInfo) <= 1024),
                Map.of("memoryUsageBytesPerDeal", perDealKeys, "usedMemoryBytesPerDeal", perDealInfo)));
        return rows;
    }

    static List<String> notes(List<SizeResult> results) {
        List<String> notes = new ArrayList<>();
        StringBuilder growth = new StringBuilder("how sync grows: ");
        for (SizeResult r : results) {
            growth.append(growth.length() > 16 ? "; " : "").append(String.format(java.util.Locale.ROOT,
                    "%s deals → %.1f s (%.0f µs per deal)", Figures.size(r.deals), r.syncNanos / 1e9,
                    r.syncNanos / 1e3 / r.deals));
        }
        notes.add(growth.toString());
        for (SizeResult r : results) {
            notes.add(String.format(java.util.Locale.ROOT, "sync at %s deals: %s Redis commands, %.1f per deal (%s); "
                            + "of its %.1f s, Redis was busy %.1f s, the reading thread %.1f s and the thread saving "
                            + "pages %.1f s",
                    Figures.size(r.deals), Figures.count(r.commands), (double) r.commands / r.deals, r.commandMix,
                    r.syncNanos / 1e9, r.redisCpuSeconds, r.syncThreadCpuSeconds, r.writerThreadCpuSeconds));
        }
        return notes;
    }

    /** CPU time of CrmSync's page-saving thread (it saves one page while the sync reads the next). */
    private static long writerCpuNanos(ThreadMXBean threads) {
        long nanos = 0;
        for (java.lang.management.ThreadInfo thread : threads.dumpAllThreads(false, false)) {
            if (thread.getThreadName().startsWith("crm-sync-writer-")) {
                nanos += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return nanos;
    }
}
