package dev.silentdeals.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The full run behind BENCHMARKS.md: {@code ./mvnw -Pbenchmarks verify}. Excluded from the default build
 * (tag "benchmark"); the benchmarks profile runs it with failsafe after the jar is packaged. Only the start-up
 * runs: {@code ./mvnw -Pbenchmarks verify -Dbenchmarks.only=start-up} (table in target/benchmarks/START-UP.md).
 */
@Tag("benchmark")
class BenchmarksIT {

    static final String COMMAND = "./mvnw -Pbenchmarks verify";

    @Test
    void full_run_writes_the_table_to_BENCHMARKS_md() throws Exception {
        // A start-up-only run (-Dbenchmarks.only=start-up) must not replace the full table.
        Path report = Benchmarks.startUpOnly() ? Path.of("target", "benchmarks", "START-UP.md")
                : Path.of(System.getProperty("benchmarks.report", "BENCHMARKS.md"));
        Path jar = Path.of(System.getProperty("benchmarks.jar", "target/silent-deals.jar"));
        ServiceLauncher launcher = Files.isRegularFile(jar) ? ServiceLauncher.jar(jar) : ServiceLauncher.classpath();
        Benchmarks benchmarks = new Benchmarks(BenchmarkSettings.full(), Path.of("target", "benchmarks"), launcher);

        BenchmarkReport result = benchmarks.run(COMMAND);
        result.write(report);

        assertThat(result.rows()).isNotEmpty();
        assertThat(benchmarks.failures()).as("benchmarks that could not be measured").isEmpty();
    }
}
