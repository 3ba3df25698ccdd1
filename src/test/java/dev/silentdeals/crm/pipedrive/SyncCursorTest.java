package dev.silentdeals.crm.pipedrive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.pipedrive.SyncCursor.Phase;
import org.junit.jupiter.api.Test;

class SyncCursorTest {

    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");

    @Test
    void anInitialCursorStartsAFullSyncNow() {
        assertThat(SyncCursor.decode(CrmCursor.initial(), NOW)).isEqualTo(SyncCursor.fullSync(NOW));
    }

    @Test
    void survivesARoundTripIncludingPipedrivesPagingCursor() {
        SyncCursor cursor = new SyncCursor(Phase.ACTIVITIES, NOW.minus(Duration.ofHours(1)), NOW, "eyJpZCI6N30=");

        assertThat(SyncCursor.decode(cursor.encode(), NOW.plusSeconds(30))).isEqualTo(cursor);
    }

    @Test
    void aStoredCursorBetweenPassesBeginsANewPassNow() {
        CrmCursor stored = SyncCursor.incremental(NOW.minus(Duration.ofMinutes(17))).encode();

        SyncCursor decoded = SyncCursor.decode(stored, NOW);

        assertThat(decoded.passStart()).isEqualTo(NOW);
        assertThat(decoded.nextPass(Duration.ofMinutes(2)).since()).isEqualTo(NOW.minus(Duration.ofMinutes(2)));
    }

    @Test
    void aCursorItCannotReadFallsBackToAFullSync() {
        assertThat(SyncCursor.decode(new CrmCursor("2025-06-01T00:00:00Z"), NOW)).isEqualTo(SyncCursor.fullSync(NOW));
        assertThat(SyncCursor.decode(new CrmCursor("pd1|MAIL|||"), NOW)).isEqualTo(SyncCursor.fullSync(NOW));
    }
}
