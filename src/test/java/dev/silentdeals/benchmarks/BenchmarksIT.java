package dev.silentdeals.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The full run behind BENCHMARKS.md: {@code ./mvnw -Pbenchmarks verify}. Excluded from the default build
 * (tag "benchmark"); the benchmarks profile runs it with failsafe after the jar is packaged.
 */
@Tag("benchmark")
class BenchmarksIT {

    static final String COMMAND = "./mvnw -Pbenchmarks verify";

    /**
     * One benchmark at one size, e.g. {@code ./mvnw -o -Pbenchmarks verify -Dbenchmarks.only=detection
     * -Dbenchmarks.sizes=100000} (see {@link Benchmarks#ONLY}, {@link BenchmarkSettings#fromSystemProperties}):
     * the table then goes to target/benchmarks/BENCHMARKS-partial.md, never over BENCHMARKS.md.
     */
    static boolean partial() {
        return !System.getProperty(Benchmarks.ONLY, "").isBlank() || !System.getProperty("benchmarks.sizes", "").isBlank();
    }

    @Test
    void full_run_writes_the_table_to_BENCHMARKS_md() throws Exception {
        Path report = partial() ? Path.of("target", "benchmarks", "BENCHMARKS-partial.md")
                : Path.of(System.getProperty("benchmarks.report", "BENCHMARKS.md"));
        Path jar = Path.of(System.getProperty("benchmarks.jar", "target/silent-deals.jar"));
        ServiceLauncher launcher = Files.isRegularFile(jar) ? ServiceLauncher.jar(jar) : ServiceLauncher.classpath();
        Benchmarks benchmarks = new Benchmarks(BenchmarkSettings.fromSystemProperties(), Path.of("target", "benchmarks"), launcher);

        BenchmarkReport result = benchmarks.run(partial() ? COMMAND + " (partial: " + System.getProperty(Benchmarks.ONLY,
                "all") + ", sizes " + System.getProperty("benchmarks.sizes", "all") + ")" : COMMAND);
        result.write(report);

        assertThat(result.rows()).isNotEmpty();
        assertThat(benchmarks.failures()).as("benchmarks that could not be measured").isEmpty();
    }
}
