package dev.silentdeals.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkReportTest {

    @TempDir
    Path dir;

    @Test
    void a_new_run_rewrites_the_table_and_keeps_what_was_written_by_hand_below_the_mark() throws Exception {
        Path file = dir.resolve("BENCHMARKS.md");
        report("12.0 ms").write(file);
        Files.writeString(file, Files.readString(file) + "\n" + BenchmarkReport.KEPT_BELOW + "\n## Reading the figures\nby hand\n");

        report("9.0 ms").write(file);

        String written = Files.readString(file);
        assertThat(written).contains("| 9.0 ms |").doesNotContain("12.0 ms");
        assertThat(written).endsWith(BenchmarkReport.KEPT_BELOW + "\n## Reading the figures\nby hand\n");
    }

    private static BenchmarkReport report(String measured) {
        Row row = new Row("detection pass", "1k deals", measured, "naive pass: 40 ms", "4×", "how it grows",
                Row.Verdict.INFO, Map.of("passMillis", 1.0));
        return new BenchmarkReport(Instant.parse("2026-11-22T10:00:00Z"), new Machine(2, 1L << 34, "cpu", "java", "os",
                "7.2"), "cmd", Duration.ofMinutes(1), List.of(row), List.of());
    }
}
