package dev.silentdeals.slack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.silentdeals.digests.DigestChart;
import dev.silentdeals.digests.DigestDelivery;
import dev.silentdeals.digests.RenderedDigest;
import dev.silentdeals.teams.Team;

/**
 * Preview mode: prints the digest it would post (as text) and saves the chart as a PNG under DATA_DIR,
 * saying where.
 */
class DigestPreviewDelivery implements DigestDelivery {

    private final PrintStream out;
    private final Path chartFolder;

    DigestPreviewDelivery(PrintStream out, Path chartFolder) {
        this.out = out;
        this.chartFolder = chartFolder;
    }

    @Override
    public void post(String slackTeam, Team team, RenderedDigest digest, DigestChart chart) {
        StringBuilder text = new StringBuilder()
                .append("\n──── DIGEST (preview) ─ team ").append(team.name()).append(" ─ would go to channel ")
                .append(team.channel()).append(" ────\n")
                .append(digest.asText());
        if (chart != null) {
            text.append(saved(chart)).append('\n');
        }
        synchronized (out) {
            out.print(text);
            out.flush();
        }
    }

    private String saved(DigestChart chart) {
        try {
            Files.createDirectories(chartFolder);
            Path file = chartFolder.resolve(chart.filename());
            Files.write(file, chart.png());
            return "(Chart \"" + chart.title() + "\" saved to " + file.toAbsolutePath() + ")";
        } catch (IOException e) {
            return "(Chart \"" + chart.title() + "\" could not be saved: " + e.getMessage() + ")";
        }
    }
}
