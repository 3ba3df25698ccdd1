package dev.silentdeals.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The full run behind BENCHMARKS.md: {@code ./mvnw -Pbenchmarks verify}. Excluded from the default build
 * (tag "benchmark"); the benchmarks profile runs it with failsafe after the jar is packaged. A partial run,
 * {@code -Dbenchmarks.only=rss}, {@code =sync}, {@code =detection}, {@code =ack} or {@code =start-up} (with
 * {@code -Dbenchmarks.sizes=100000} for chosen detection and sync sizes), measures those rows exactly as the full run
 * does and writes them to target/benchmarks/BENCHMARKS-{rss,sync,start-up}.md instead.
 */
@Tag("benchmark")
class BenchmarksIT {

    static final String COMMAND = "./mvnw -Pbenchmarks verify";

    @Test
    void full_run_writes_the_table_to_BENCHMARKS_md() throws Exception {
        // A partial run (-Dbenchmarks.only=...) must not replace the full table in BENCHMARKS.md.
        String only = Benchmarks.only();
        // So must one at chosen sizes (-Dbenchmarks.sizes=...).
        boolean sized = !System.getProperty("benchmarks.sizes", "").isBlank();
        Path report = only.isEmpty() && !sized ? Path.of(System.getProperty("benchmarks.report", "BENCHMARKS.md"))
                : Path.of("target", "benchmarks", "BENCHMARKS-" + (only.isEmpty() ? "sized" : only) + ".md");
        Path jar = Path.of(System.getProperty("benchmarks.jar", "target/silent-deals.jar"));
        ServiceLauncher launcher = Files.isRegularFile(jar) ? ServiceLauncher.jar(jar) : ServiceLauncher.classpath();
        Benchmarks benchmarks = new Benchmarks(BenchmarkSettings.fromSystemProperties(), Path.of("target", "benchmarks"), launcher);

        BenchmarkReport result = benchmarks.run(only.isEmpty() ? COMMAND : COMMAND + " -Dbenchmarks.only=" + only);
        result.write(report);

        assertThat(result.rows()).isNotEmpty();
        assertThat(benchmarks.failures()).as("benchmarks that could not be measured").isEmpty();
    }
}
