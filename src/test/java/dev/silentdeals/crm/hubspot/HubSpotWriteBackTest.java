package dev.silentdeals.crm.hubspot;

import static dev.silentdeals.crm.hubspot.HubSpotStub.JSON;
import static dev.silentdeals.crm.hubspot.HubSpotStub.fixture;
import static dev.silentdeals.crm.hubspot.HubSpotStub.reply;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.silentdeals.crm.TruthWriteBack;
import dev.silentdeals.crm.WriteBackResult;
import dev.silentdeals.crm.WriteBackResult.Status;
import dev.silentdeals.crm.http.CrmHttpMetrics;
import dev.silentdeals.crm.hubspot.HubSpotStub.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HubSpotWriteBackTest {

    static final String NOTES = "/crm/v3/objects/notes";
    static final String DEAL_9001 = "/crm/v3/objects/deals/9001";

    private final HubSpotStub stub = new HubSpotStub();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final HubSpotCrmAdapter adapter = HubSpotCrmAdapter.create(
            new HubSpotProperties("test-token", null, stub.baseUrl(), 1000, 1000, 100, null, null, null,
                    Duration.ofSeconds(5), 3, null, null, null),
            "test-token", waits::add, CrmHttpMetrics.noop(),
            Clock.fixed(Instant.parse("2025-03-10T12:00:00Z"), ZoneOffset.UTC));

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private static TruthWriteBack no(boolean closeLost) {
        return new TruthWriteBack("1a2b", "9001", "NO", "WENT_ANOTHER_WAY", "Went with another vendor",
                "Chose a local partner <they know the region>.", LocalDate.of(2025, 9, 1), "ana@acme.test",
                Instant.parse("2025-03-10T11:30:00Z"), closeLost);
    }

    @Test
    void aNoWithCloseLostAddsTheNoteToTheDealAndMovesTheDealToClosedLost() {
        new FakePortal(stub);

        WriteBackResult result = adapter.writeBack(no(true));

        assertThat(result.status()).isEqualTo(Status.WRITTEN);
        assertThat(result.detail()).isEqualTo("note 9901 added to deal 9001; deal moved to closedlost");
        assertThat(stub.requests("POST", NOTES)).singleElement().extracting(Request::json).isEqualTo(JSON.readTree("""
                {"properties": {
                   "hs_timestamp": "2025-03-10T11:30:00Z",
                   "hs_note_body": "<p><strong>Truth recorded with silent-deals</strong></p><p>Outcome: Not moving forward</p><p>Reason: Went with another vendor</p><p>Rep's note: Chose a local partner &lt;they know the region&gt;.</p><p>Reconnect on: 2025-09-01</p><p>Recorded by ana@acme.test on 2025-03-10 11:30 UTC</p><p>[silent-deals truth 1a2b]</p>"},
                 "associations": [{"to": {"id": "9001"},
                                   "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 214}]}]}
                """));
        assertThat(stub.requests("PATCH", DEAL_9001)).singleElement().extracting(Request::json).isEqualTo(
                JSON.readTree("""
                        {"properties": {"dealstage": "closedlost", "closed_lost_reason": "Went with another vendor"}}
                        """));
        // before writing, the deal's existing notes were read to look for this truth's marker
        assertThat(stub.requests("POST", "/crm/v4/associations/deals/notes/batch/read"))
                .singleElement().extracting(FakePortal::inputIds).isEqualTo(List.of("9001"));
        assertThat(stub.requests("POST", "/crm/v3/objects/notes/batch/read"))
                .singleElement().extracting(FakePortal::inputIds).isEqualTo(List.of("8301"));
    }

    @Test
    void aRetryOfTheSameTruthFindsItsNoteAndDoesNotWriteItTwice() {
        new FakePortal(stub);

        WriteBackResult first = adapter.writeBack(no(true));
        WriteBackResult retry = adapter.writeBack(no(true));

        assertThat(first.status()).isEqualTo(Status.WRITTEN);
        assertThat(retry.status()).isEqualTo(Status.WRITTEN);
        assertThat(retry.detail()).isEqualTo("note already on deal 9001; deal moved to closedlost");
        assertThat(stub.requests("POST", NOTES)).hasSize(1);
        // moving the stage again is harmless, and finishes a first attempt that failed after the note
        assertThat(stub.requests("PATCH", DEAL_9001)).hasSize(2);
    }

    @Test
    void aNoWithoutCloseLostOnlyAddsTheNote() {
        new FakePortal(stub);

        WriteBackResult result = adapter.writeBack(no(false));

        assertThat(result.status()).isEqualTo(Status.WRITTEN);
        assertThat(stub.requests("POST", NOTES)).hasSize(1);
        assertThat(stub.requests("PATCH", DEAL_9001)).isEmpty();
    }

    @Test
    void aYesLeavesTheStageAlone() {
        new FakePortal(stub);
        TruthWriteBack yes = new TruthWriteBack("3c4d", "9001", "YES", null, null, "Demo for the board next week",
                LocalDate.of(2025, 3, 17), "ana@acme.test", Instant.parse("2025-03-10T11:45:00Z"), true);

        WriteBackResult result = adapter.writeBack(yes);

        assertThat(result.status()).isEqualTo(Status.WRITTEN);
        assertThat(stub.requests("POST", NOTES)).singleElement()
                .extracting(r -> r.json().path("properties").path("hs_note_body").asString())
                .isEqualTo("<p><strong>Truth recorded with silent-deals</strong></p><p>Outcome: Still moving "
                        + "forward</p><p>Rep's note: Demo for the board next week</p><p>Reconnect on: 2025-03-17"
                        + "</p><p>Recorded by ana@acme.test on 2025-03-10 11:45 UTC</p>"
                        + "<p>[silent-deals truth 3c4d]</p>");
        assertThat(stub.requests("PATCH", DEAL_9001)).isEmpty();
    }

    @Test
    void aValidationErrorIsRefusedWithHubSpotsMessageAndNeverTheToken() {
        new FakePortal(stub);
        stub.on("POST", NOTES, r -> reply(400, fixture("error-validation.json")));

        WriteBackResult result = adapter.writeBack(no(true));

        assertThat(result.status()).isEqualTo(Status.REFUSED);
        assertThat(result.detail()).contains("HTTP 400").contains("hs_timestamp was not a valid long")
                .doesNotContain("test-token");
        assertThat(stub.requests("POST", NOTES)).hasSize(1); // a 4xx is not retried
        assertThat(stub.requests("PATCH", DEAL_9001)).isEmpty();
    }

    @Test
    void whenHubSpotStaysDownTheWriteBackIsRetriedLater() {
        new FakePortal(stub);
        stub.on("POST", NOTES, r -> reply(503, ""));

        WriteBackResult result = adapter.writeBack(no(true));

        // A creating POST is not repeated on a 5xx (the note may exist); the write-back queue retries later.
        assertThat(result.status()).isEqualTo(Status.RETRY_LATER);
        assertThat(result.detail()).contains("503");
        assertThat(stub.requests("POST", NOTES)).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aTruthWithoutDealIdIsRefusedWithoutCallingHubSpot() {
        TruthWriteBack orphan = new TruthWriteBack("5e6f", " ", "NO", "BUDGET", "Budget gone", null, null,
                "ana@acme.test", Instant.parse("2025-03-10T11:45:00Z"), false);

        assertThat(adapter.writeBack(orphan).status()).isEqualTo(Status.REFUSED);
        assertThat(stub.requests()).isEmpty();
    }
}
