package dev.silentdeals.crm.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import ch.qos.logback.classic.Level;
import dev.silentdeals.crm.CrmChanges;
import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.CrmTouch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.silentdeals.crm.file.LocationsTest.ONE_DEAL;
import static dev.silentdeals.crm.file.LocationsTest.ONE_TOUCH;
import static org.assertj.core.api.Assertions.assertThat;

class CursorTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T15:30:00Z");

    @TempDir
    Path dir;

    private Path deals;
    private Path touches;

    @BeforeEach
    void files() throws IOException {
        deals = Files.writeString(dir.resolve("deals.csv"), ONE_DEAL, StandardCharsets.UTF_8);
        touches = Files.writeString(dir.resolve("touches.csv"), ONE_TOUCH, StandardCharsets.UTF_8);
    }

    @Test
    void theNextCursorHoldsAFingerprintOfBothFilesAndTheAnchor() {
        CrmChanges first = adapterAt(MONDAY).changesSince(CrmCursor.initial());

        assertThat(first.next().value()).matches("file:v1;sha256=[0-9a-f]{64};anchor=2026-11-23T00:00:00Z");
    }

    @Test
    void unchangedFilesGiveTheSameCursorAndStillEveryRecord() {
        FileCrmAdapter adapter = adapterAt(MONDAY);
        CrmChanges first = adapter.changesSince(CrmCursor.initial());

        CrmChanges second = adapter.changesSince(first.next());

        assertThat(second.next()).isEqualTo(first.next());
        assertThat(second.deals()).isEqualTo(first.deals());
        assertThat(second.touches()).isEqualTo(first.touches());
    }

    @Test
    void anEditToEitherFileChangesTheFingerprint() throws IOException {
        FileCrmAdapter adapter = adapterAt(MONDAY);
        CrmCursor before = adapter.changesSince(CrmCursor.initial()).next();

        Files.writeString(touches, ONE_TOUCH + "F-1,now-1d,outbound,call,false\n", StandardCharsets.UTF_8);
        CrmChanges after = adapter.changesSince(before);

        assertThat(after.next()).isNotEqualTo(before);
        assertThat(after.touches()).hasSize(2);
    }

    @Test
    void relativeTimesKeepTheirInstantOnLaterPassesSoTouchesAreNotDuplicated() {
        CrmChanges monday = adapterAt(MONDAY).changesSince(CrmCursor.initial());

        CrmChanges thursday = adapterAt(MONDAY.plus(Duration.ofDays(3))).changesSince(monday.next());

        assertThat(thursday.touches()).isEqualTo(monday.touches());
        assertThat(thursday.touches()).extracting(CrmTouch::at)
                .containsExactly(Instant.parse("2026-11-21T00:00:00Z"));
    }

    @Test
    void aFreshStartAnchorsToTheStartOfTheCurrentUtcDay() {
        CrmChanges thursday = adapterAt(MONDAY.plus(Duration.ofDays(3))).changesSince(CrmCursor.initial());

        assertThat(thursday.touches()).extracting(CrmTouch::at).containsExactly(Instant.parse("2026-11-24T00:00:00Z"));
    }

    @Test
    void aCursorFromElsewhereIsLoggedAndReadFromAFreshAnchor() {
        try (LogCapture log = new LogCapture(FileCrmAdapter.class)) {
            CrmChanges changes = adapterAt(MONDAY).changesSince(new CrmCursor("2026-01-01T00:00:00Z"));

            assertThat(changes.touches()).extracting(CrmTouch::at)
                    .containsExactly(Instant.parse("2026-11-21T00:00:00Z"));
            assertThat(log.lines(Level.WARN)).containsExactly(
                    "file CRM: cursor '2026-01-01T00:00:00Z' is not one this adapter wrote; reading from a fresh anchor");
        }
    }

    private FileCrmAdapter adapterAt(Instant now) {
        return new FileCrmAdapter(deals.toString(), touches.toString(), Clock.fixed(now, ZoneOffset.UTC));
    }
}
