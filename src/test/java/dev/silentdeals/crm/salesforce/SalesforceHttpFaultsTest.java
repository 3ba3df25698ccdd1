package dev.silentdeals.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.silentdeals.crm.CrmChanges;
import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.http.CrmUnavailableException;
import dev.silentdeals.crm.salesforce.Fixtures.MovableClock;
import dev.silentdeals.crm.salesforce.Fixtures.RecordingSleeper;
import dev.silentdeals.crm.salesforce.SalesforceStub.Reply;

/** Rate limits, server errors and timeouts, all handled by the shared client under the adapter. */
class SalesforceHttpFaultsTest {

    private static final String DEALS = "FROM Opportunity WHERE (IsClosed = false";

    private final SalesforceStub stub = SalesforceStub.start();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final SalesforceCrmAdapter adapter = new SalesforceCrmAdapter(Fixtures.staticToken(stub.url()),
            Fixtures.http(sleeper), new MovableClock(Fixtures.MONDAY_9AM));

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void a429WaitsExactlyAsLongAsRetryAfterSaysThenSucceeds() {
        stub.onQuery(DEALS, Reply.status(429, "").withHeader("Retry-After", "7"),
                Reply.fixture("opportunities-changed.json"));
        routeEmptyTouches();

        CrmChanges changes = adapter.changesSince(CrmCursor.initial());

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
        assertThat(changes.deals()).hasSize(1);
        assertThat(stub.queriesContaining(DEALS)).hasSize(2);
    }

    @Test
    void a500IsRetriedAfterABackoffAndTheSecondAnswerIsUsed() {
        stub.onQuery(DEALS, Reply.status(500, Fixtures.read("error-unknown.json")),
                Reply.fixture("opportunities-changed.json"));
        routeEmptyTouches();

        CrmChanges changes = adapter.changesSince(CrmCursor.initial());

        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(100));
        assertThat(changes.deals()).hasSize(1);
    }

    @Test
    void aTimeoutIsRetriedAndTheNextAttemptSucceeds() {
        stub.onQuery(DEALS, Reply.stalled(), Reply.fixture("opportunities-changed.json"));
        routeEmptyTouches();

        CrmChanges changes = adapter.changesSince(CrmCursor.initial());

        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(100));
        assertThat(changes.deals()).hasSize(1);
        assertThat(stub.queriesContaining(DEALS)).hasSize(2);
    }

    @Test
    void whenEveryAttemptFailsThePassEndsAsUnavailableAndKeepsItsCursor() {
        stub.onQuery(DEALS, Reply.status(503, "Service Unavailable"));

        assertThatThrownBy(() -> adapter.changesSince(CrmCursor.initial()))
                .isExactlyInstanceOf(CrmUnavailableException.class)
                .hasMessageContaining("after 3 attempts");
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400));
    }

    private void routeEmptyTouches() {
        stub.onQuery(List.of(" IN ('006Dn0000NwindAIAR')"), Reply.fixture("empty.json"));
    }
}
