package dev.silentdeals.crm.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import ch.qos.logback.classic.Level;
import dev.silentdeals.crm.TruthWriteBack;
import dev.silentdeals.crm.WriteBackResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.silentdeals.crm.file.LocationsTest.ONE_DEAL;
import static dev.silentdeals.crm.file.LocationsTest.ONE_TOUCH;
import static org.assertj.core.api.Assertions.assertThat;

class WriteBackTest {

    @TempDir
    Path dir;

    @Test
    void aTruthIsAcknowledgedAndTheFilesStayAsTheyWere() throws IOException {
        Path deals = Files.writeString(dir.resolve("deals.csv"), ONE_DEAL, StandardCharsets.UTF_8);
        Path touches = Files.writeString(dir.resolve("touches.csv"), ONE_TOUCH, StandardCharsets.UTF_8);
        FileTime dealsModified = Files.getLastModifiedTime(deals);
        FileTime touchesModified = Files.getLastModifiedTime(touches);
        FileCrmAdapter adapter = new FileCrmAdapter(deals.toString(), touches.toString(),
                Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));

        try (LogCapture log = new LogCapture(FileCrmAdapter.class)) {
            WriteBackResult result = adapter.writeBack(new TruthWriteBack("t-1", "F-1", "NO", "WENT_ANOTHER_WAY",
                    "They went another way", "Chose an in-house tool", LocalDate.parse("2027-03-01"),
                    "ana.lopez@example.com", Instant.parse("2026-11-22T10:00:00Z"), true));

            assertThat(result).isEqualTo(WriteBackResult.written("file adapter: nothing to write"));
            assertThat(log.lines(Level.INFO))
                    .containsExactly("file CRM: truth for deal F-1 not written back (files are read-only)");
        }
        assertThat(Files.readString(deals)).isEqualTo(ONE_DEAL);
        assertThat(Files.readString(touches)).isEqualTo(ONE_TOUCH);
        assertThat(Files.getLastModifiedTime(deals)).isEqualTo(dealsModified);
        assertThat(Files.getLastModifiedTime(touches)).isEqualTo(touchesModified);
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void theAdapterIsNamedFile() {
        assertThat(new FileCrmAdapter("a.csv", "b.csv", Clock.systemUTC()).name()).isEqualTo("file");
    }
}
