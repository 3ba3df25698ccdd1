package dev.silentdeals.crm.pipedrive;

import static dev.silentdeals.crm.pipedrive.PipedriveStub.fixture;
import static dev.silentdeals.crm.pipedrive.PipedriveStub.json;
import static dev.silentdeals.crm.pipedrive.PipedriveStub.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import dev.silentdeals.crm.TruthWriteBack;
import dev.silentdeals.crm.WriteBackResult;
import dev.silentdeals.crm.WriteBackResult.Status;
import dev.silentdeals.crm.pipedrive.PipedriveTestSupport.RecordingSleeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A truth becomes a note on the deal (once), and a NO with closeLost also marks the deal lost. */
class PipedriveWriteBackTest {

    private static final TruthWriteBack YES = new TruthWriteBack("t-41", "101", "YES", null, null,
            "Anna & her CFO want a <short> pilot first", LocalDate.parse("2025-06-16"), "rita@acme-sales.example",
            Instant.parse("2025-06-02T09:55:00Z"), false);
    private static final TruthWriteBack NO_CLOSE_LOST = new TruthWriteBack("t-42", "101", "NO", "WENT_ANOTHER_WAY",
            "Went another way", "Chose an in-house tool", null, "rita@acme-sales.example",
            Instant.parse("2025-06-02T09:57:00Z"), true);

    private final PipedriveStub stub = new PipedriveStub();
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @AfterEach
    void tearDown() {
        stub.close();
    }

    @Test
    void writesTheTruthAsANoteOnTheDeal() {
        stub.on("GET", "/api/v1/notes", json("notes-none.json"));
        stub.on("POST", "/api/v1/notes", json("note-created.json"));

        WriteBackResult result = adapter().writeBack(YES);

        assertThat(result.status()).isEqualTo(Status.WRITTEN);
        assertThat(stub.received("GET", "/api/v1/notes")).singleElement()
                .satisfies(get -> assertThat(get.query()).containsEntry("deal_id", "101"));
        assertThat(stub.received("POST", "/api/v1/notes")).singleElement()
                .satisfies(post -> assertThat(tree(post.body())).isEqualTo(tree(fixture("expected-note-yes.json"))));
        assertThat(stub.received("PATCH", "/api/v2/deals/101")).isEmpty();
    }

    @Test
    void aNoWithCloseLostAlsoMarksTheDealLostWithTheReason() {
        stub.on("GET", "/api/v1/notes", json("notes-none.json"));
        stub.on("POST", "/api/v1/notes", json("note-created.json"));
        stub.on("PATCH", "/api/v2/deals/101", json("deal-lost.json"));

        WriteBackResult result = adapter().writeBack(NO_CLOSE_LOST);

        assertThat(result.status()).isEqualTo(Status.WRITTEN);
        assertThat(stub.received("POST", "/api/v1/notes")).singleElement()
                .satisfies(post -> assertThat(tree(post.body())).isEqualTo(tree(fixture("expected-note-no.json"))));
        assertThat(stub.received("PATCH", "/api/v2/deals/101")).singleElement()
                .satisfies(patch -> assertThat(tree(patch.body()))
                        .isEqualTo(tree(fixture("expected-deal-lost.json"))));
    }

    @Test
    void usesTheCompanysOwnLostReasonWhenOneIsConfiguredForTheCode() {
        stub.on("GET", "/api/v1/notes", json("notes-none.json"));
        stub.on("POST", "/api/v1/notes", json("note-created.json"));
        stub.on("PATCH", "/api/v2/deals/101", json("deal-lost.json"));
        PipedriveCrmAdapter adapter = PipedriveTestSupport.adapter(stub, sleeper, Duration.ofSeconds(5),
                Map.of("WENT_ANOTHER_WAY", "Competitor chosen"));

        adapter.writeBack(NO_CLOSE_LOST);

        assertThat(stub.received("PATCH", "/api/v2/deals/101")).singleElement()
                .satisfies(patch -> assertThat(tree(patch.body()).path("lost_reason").asString())
                        .isEqualTo("Competitor chosen"));
    }

    @Test
    void aRetryOfTheSameTruthDoesNotWriteTheNoteTwice() {
        stub.on("GET", "/api/v1/notes", json("notes-with-marker.json"));
        stub.on("PATCH", "/api/v2/deals/101", json("deal-lost.json"));

        WriteBackResult result = adapter().writeBack(NO_CLOSE_LOST);

        assertThat(result.status()).isEqualTo(Status.WRITTEN);
        assertThat(result.detail()).contains("note already on deal 101");
        assertThat(stub.received("POST", "/api/v1/notes")).isEmpty();
        // Marking lost again is harmless, and finishes a retry whose first attempt stopped after the note.
        assertThat(stub.received("PATCH", "/api/v2/deals/101")).hasSize(1);
    }

    @Test
    void aRefusalIsReportedWithPipedrivesMessage() {
        stub.on("GET", "/api/v1/notes", json("notes-none.json"));
        stub.on("POST", "/api/v1/notes", status(400, "error-400-deal.json"));

        WriteBackResult result = adapter().writeBack(YES);

        assertThat(result.status()).isEqualTo(Status.REFUSED);
        assertThat(result.detail()).isEqualTo("HTTP 400: Deal not found").doesNotContain(PipedriveStub.TOKEN);
        assertThat(stub.received("POST", "/api/v1/notes")).hasSize(1);
    }

    @Test
    void anUnreachableCrmIsWorthRetryingLater() {
        stub.on("GET", "/api/v1/notes", json("notes-none.json"));
        stub.on("POST", "/api/v1/notes", status(502, "error-500.json"));

        WriteBackResult result = adapter().writeBack(YES);

        // A creating POST is not repeated on a 5xx (the note may exist); the write-back queue retries later.
        assertThat(result.status()).isEqualTo(Status.RETRY_LATER);
        assertThat(stub.received("POST", "/api/v1/notes")).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void aDealIdThatIsNotPipedrivesIsRefusedWithoutCallingIt() {
        TruthWriteBack foreign = new TruthWriteBack("t-43", "hs-9911", "YES", null, null, null, null, null,
                Instant.parse("2025-06-02T09:57:00Z"), false);

        WriteBackResult result = adapter().writeBack(foreign);

        assertThat(result.status()).isEqualTo(Status.REFUSED);
        assertThat(result.detail()).contains("hs-9911");
        assertThat(stub.received()).isEmpty();
    }

    private PipedriveCrmAdapter adapter() {
        return PipedriveTestSupport.adapter(stub, sleeper);
    }

    private static JsonNode tree(String json) {
        return PipedriveApi.JSON.readTree(json);
    }
}
