package dev.silentdeals.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.salesforce.SyncCursor.Mode;
import dev.silentdeals.crm.salesforce.SyncCursor.Phase;

class SyncCursorTest {

    private static final Instant NINE = Instant.parse("2025-06-02T09:00:00Z");
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theInitialCursorIsAFirstFullPass() {
        SyncCursor cursor = SyncCursor.from(CrmCursor.initial(), json);

        assertThat(cursor.mode()).isEqualTo(Mode.FULL);
        assertThat(cursor.atPassStart()).isTrue();
    }

    @Test
    void aCursorSurvivesStorage() {
        SyncCursor cursor = new SyncCursor(Mode.INCREMENTAL, Phase.EVENTS, NINE.minusSeconds(300), NINE,
                NINE.minusSeconds(3600), NINE.minusSeconds(30), "/services/data/v62.0/query/01gXX-400", 2);

        assertThat(SyncCursor.from(cursor.toCrmCursor(json), json)).isEqualTo(cursor);
    }

    @Test
    void afterAFullPassTheNextIsIncrementalFromItsStartLessTheOverlap() {
        SyncCursor full = SyncCursor.firstFull().begin(NINE, Duration.ofHours(24));

        SyncCursor next = full.nextPass(Duration.ofMinutes(5));

        assertThat(next.mode()).isEqualTo(Mode.INCREMENTAL);
        assertThat(next.since()).isEqualTo(Instant.parse("2025-06-02T08:55:00Z"));
        assertThat(next.lastFullStart()).isEqualTo(NINE);
        assertThat(next.begin(NINE.plus(Duration.ofHours(1)), Duration.ofHours(24)).mode())
                .isEqualTo(Mode.INCREMENTAL);
        assertThat(next.begin(NINE.plus(Duration.ofHours(24)), Duration.ofHours(24)).mode())
                .as("a full pass is due again after a day").isEqualTo(Mode.FULL);
        assertThat(next.begin(NINE.plus(Duration.ofDays(30)), Duration.ZERO).mode())
                .as("zero turns periodic full passes off").isEqualTo(Mode.INCREMENTAL);
    }

    @Test
    void skippedDealsAreCountedAcrossThePagesOfAPassAndForgottenByTheNext() {
        SyncCursor full = SyncCursor.firstFull().begin(NINE, Duration.ofHours(24));

        SyncCursor later = full.continueWith("/services/data/v62.0/query/01gXX-200", NINE, 1)
                .continueWith("/services/data/v62.0/query/01gXX-400", NINE, 0);

        assertThat(later.skippedDeals()).isEqualTo(1);
        assertThat(later.withoutLocator().skippedDeals()).isEqualTo(1);
        assertThat(SyncCursor.from(later.toCrmCursor(json), json).skippedDeals()).isEqualTo(1);
        assertThat(later.nextPass(Duration.ofMinutes(5)).skippedDeals()).isZero();
        assertThat(later.nextPass(Duration.ofMinutes(5)).begin(NINE.plus(Duration.ofDays(1)), Duration.ofHours(24))
                .skippedDeals()).isZero();
    }

    @Test
    void incrementalPhasesRunDealsTasksEventsEmailsThenTheNextPass() {
        SyncCursor deals = new SyncCursor(Mode.INCREMENTAL, Phase.OPPORTUNITIES, NINE, NINE, NINE, null, null,
                0);

        assertThat(deals.nextPhase().orElseThrow().phase()).isEqualTo(Phase.TASKS);
        assertThat(deals.nextPhase().orElseThrow().nextPhase().orElseThrow().nextPhase().orElseThrow().phase())
                .isEqualTo(Phase.EMAILS);
        assertThat(deals.nextPhase().orElseThrow().nextPhase().orElseThrow().nextPhase().orElseThrow().nextPhase())
                .isEmpty();
        assertThat(SyncCursor.firstFull().nextPhase()).as("a full pass reads touches with its deals").isEmpty();
    }

    @Test
    void aLocatorOutsideTheDataApiIsNotAccepted() {
        String stored = "{\"v\":1,\"mode\":\"FULL\",\"phase\":\"OPPORTUNITIES\",\"passStart\":\"2025-06-02T09:00:00Z\","
                + "\"next\":\"https://elsewhere.example/steal\"}";

        assertThatThrownBy(() -> SyncCursor.from(new CrmCursor(stored), json))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
