package dev.silentdeals.crm.pipedrive;

import static dev.silentdeals.crm.pipedrive.PipedriveStub.json;
import static dev.silentdeals.crm.pipedrive.PipedriveStub.status;
import static dev.silentdeals.crm.pipedrive.PipedriveTestSupport.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import dev.silentdeals.crm.CrmChanges;
import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.http.CrmUnavailableException;
import dev.silentdeals.crm.pipedrive.PipedriveTestSupport.RecordingSleeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rate limits, server errors and timeouts: handled by the shared client, paced by Pipedrive's headers. */
class PipedriveFaultsTest {

    private static final String DEALS = "/api/v2/deals";

    private final PipedriveStub stub = new PipedriveStub();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final CrmCursor stored = SyncCursor.incremental(NOW.minus(Duration.ofHours(1))).encode();

    @AfterEach
    void tearDown() {
        stub.close();
    }

    @Test
    void waitsAsLongAsRetryAfterSaysThenSucceeds() {
        stub.on("GET", DEALS, status(429, "error-429.json").withHeader("Retry-After", "7"), json("deals-empty.json"));

        CrmChanges page = PipedriveTestSupport.adapter(stub, sleeper).changesSince(stored);

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
        assertThat(stub.received("GET", DEALS)).hasSize(2);
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void retriesAServerErrorAfterABackoff() {
        stub.on("GET", DEALS, status(500, "error-500.json"), json("deals-empty.json"));

        CrmChanges page = PipedriveTestSupport.adapter(stub, sleeper).changesSince(stored);

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
        assertThat(stub.received("GET", DEALS)).hasSize(2);
        assertThat(page.deals()).isEmpty();
    }

    @Test
    void retriesAfterATimeout() {
        stub.on("GET", DEALS, json("deals-empty.json").heldUntil(stub.newHold()), json("deals-empty.json"));
        PipedriveCrmAdapter adapter = PipedriveTestSupport.adapter(stub, sleeper, Duration.ofMillis(300), Map.of());

        CrmChanges page = adapter.changesSince(stored);

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
        assertThat(stub.received("GET", DEALS)).hasSize(2);
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void givesUpWithCrmUnavailableWhenEveryAttemptFails() {
        stub.on("GET", DEALS, status(503, "error-500.json"));
        PipedriveCrmAdapter adapter = PipedriveTestSupport.adapter(stub, sleeper);

        assertThatThrownBy(() -> adapter.changesSince(stored)).isInstanceOf(CrmUnavailableException.class)
                .hasMessageContaining("after 3 attempts");
        assertThat(stub.received("GET", DEALS)).hasSize(3);
    }

    @Test
    void slowsDownWhenTheBurstWindowIsUsedUp() {
        stub.on("GET", DEALS, json("deals-empty.json").withHeader("x-ratelimit-limit", "20")
                .withHeader("x-ratelimit-remaining", "0").withHeader("x-ratelimit-reset", "2")
                .withHeader("x-daily-requests-left", "9000"));

        PipedriveTestSupport.adapter(stub, sleeper).changesSince(stored);

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void doesNotWaitWhileTheWindowHasRoom() {
        stub.on("GET", DEALS, json("deals-empty.json").withHeader("x-ratelimit-remaining", "19")
                .withHeader("x-ratelimit-reset", "2"));

        PipedriveTestSupport.adapter(stub, sleeper).changesSince(stored);

        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void aRejectedTokenStopsThePassWithPipedrivesWordsButNotTheToken() {
        stub.on("GET", DEALS, status(401, "error-401.json"));
        PipedriveCrmAdapter adapter = PipedriveTestSupport.adapter(stub, sleeper);

        assertThatThrownBy(() -> adapter.changesSince(stored)).isInstanceOf(CrmUnavailableException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("unauthorized access")
                .message().doesNotContain(PipedriveStub.TOKEN);
        assertThat(stub.received("GET", DEALS)).hasSize(1);
    }
}
