package dev.silentdeals.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every benchmark at a tiny size, inside the default build, so the harness keeps working. It checks the
 * table is whole and its figures are numbers; it never judges a timing — figures come from the full run.
 */
class BenchmarksSmokeTest {

    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(\\.\\d+)?");

    @Test
    void every_benchmark_runs_at_a_tiny_size_and_fills_its_rows_of_the_table() throws Exception {
        Path workDir = Path.of("target", "benchmarks-smoke");
        BenchmarkSettings tiny = BenchmarkSettings.tiny();
        Benchmarks benchmarks = new Benchmarks(tiny, workDir, ServiceLauncher.classpath());

        BenchmarkReport report = benchmarks.run("BenchmarksSmokeTest (tiny sizes)");
        Path file = workDir.resolve("BENCHMARKS.md");
        report.write(file);

        assertThat(benchmarks.failures()).isEmpty();
        List<Row> rows = report.rows();
        assertThat(rows).extracting(Row::figure).containsOnly(DetectionBenchmark.FIGURE, DetectionBenchmark.FULL_FIGURE, SyncBenchmark.FIGURE,
                SyncBenchmark.MEMORY_FIGURE, AckBenchmark.FIGURE, NudgeBenchmark.FIGURE, ProcessBenchmarks.RSS_FIGURE,
                ProcessBenchmarks.STARTUP_FIGURE);
        assertThat(rows.stream().filter(r -> r.figure().equals(DetectionBenchmark.FIGURE)))
                .hasSize(tiny.detectionSizes().size());
        assertThat(rows.stream().filter(r -> r.figure().equals(DetectionBenchmark.FULL_FIGURE)))
                .hasSize(tiny.detectionSizes().size());
        assertThat(rows.stream().filter(r -> r.figure().equals(SyncBenchmark.FIGURE))).hasSize(tiny.syncSizes().size());
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.numbers()).as(row.figure()).isNotEmpty();
            assertThat(row.numbers().values()).as(row.figure()).allMatch(Double::isFinite);
            assertThat(row.measured()).as(row.figure()).containsPattern(NUMBER);
            assertThat(row.reference()).as(row.figure()).containsPattern(NUMBER);
        });
        Row detection = rows.get(tiny.detectionSizes().size() - 1);
        assertThat(detection.numbers().get("silent")).isPositive();
        assertThat(detection.numbers().get("judged")).isLessThan(detection.numbers().get("deals"));
        Row nudges = rows.stream().filter(r -> r.figure().equals(NudgeBenchmark.FIGURE)).findFirst().orElseThrow();
        assertThat(nudges.numbers().get("lost")).isZero();
        assertThat(nudges.numbers().get("twice")).isZero();

        String markdown = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(markdown).contains("| figure | size | measured |", report.machine().describe(),
                "BenchmarksSmokeTest (tiny sizes)");
        assertThat(markdown.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| figure")))
                .hasSize(rows.size());
    }
}
