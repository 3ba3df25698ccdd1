package dev.silentdeals.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The table every run prints and writes to BENCHMARKS.md, with where and how it was measured. */
record BenchmarkReport(Instant date, Machine machine, String command, Duration wallTime, List<Row> rows,
                       List<String> notes) {

    /** Everything from this line on in BENCHMARKS.md is written by hand and kept when a run rewrites the table. */
    static final String KEPT_BELOW =
            "<!-- Written by hand from here on; the harness keeps it when it rewrites the table above. -->";

    static final List<String> HEADER = List.of("figure", "size", "measured", "physical reference (same run)",
            "ratio", "goal", "verdict");

    BenchmarkReport {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Measured ").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(date.atOffset(ZoneOffset.UTC)
                .withNano(0))).append(" UTC on ").append(machine.describe()).append(".\n\n");
        md.append("Command: `").append(command).append("` (harness: `src/test/java/dev/silentdeals/benchmarks`); ")
                .append("the whole run took ").append(minutes(wallTime)).append(".\n\n");
        md.append("Every figure sits beside a physical reference measured in the same run on the same machine, ")
                .append("because this machine is shared and absolute times drift; compare the ratios.\n\n");
        md.append(line(HEADER)).append('\n');
        md.append("|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            md.append(line(cells(row))).append('\n');
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            for (String note : notes) {
                md.append("- ").append(note).append('\n');
            }
        }
        return md.toString();
    }

    /** The same table for a terminal: fixed-width columns. */
    String console() {
        List<List<String>> table = new ArrayList<>();
        table.add(HEADER);
        rows.forEach(row -> table.add(cells(row)));
        int[] widths = new int[HEADER.size()];
        for (List<String> cells : table) {
            for (int i = 0; i < cells.size(); i++) {
                widths[i] = Math.max(widths[i], cells.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder("\nBenchmarks on " + machine.describe() + "\n");
        for (List<String> cells : table) {
            for (int i = 0; i < cells.size(); i++) {
                out.append(String.format("%-" + widths[i] + "s", cells.get(i))).append(i + 1 < cells.size() ? " | " : "");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Writes the table, keeping what an earlier file holds below {@link #KEPT_BELOW}. */
    void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String kept = "";
        if (Files.isRegularFile(file)) {
            String earlier = Files.readString(file, StandardCharsets.UTF_8);
            int at = earlier.indexOf(KEPT_BELOW);
            if (at >= 0) {
                kept = "\n" + earlier.substring(at);
            }
        }
        Files.writeString(file, markdown() + kept, StandardCharsets.UTF_8);
    }

    private static List<String> cells(Row row) {
        return List.of(row.figure(), row.size(), row.measured(), row.reference(), row.ratio(), row.goal(),
                row.verdict().text());
    }

    private static String line(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList()) + " |";
    }

    private static String minutes(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 120 ? seconds + " s" : String.format("%.1f min", seconds / 60.0);
    }
}
