package dev.silentdeals.crm.salesforce;

import static dev.silentdeals.crm.salesforce.SalesforceStub.DATA;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.silentdeals.crm.TruthWriteBack;
import dev.silentdeals.crm.WriteBackResult;
import dev.silentdeals.crm.WriteBackResult.Status;
import dev.silentdeals.crm.salesforce.Fixtures.MovableClock;
import dev.silentdeals.crm.salesforce.Fixtures.RecordingSleeper;
import dev.silentdeals.crm.salesforce.SalesforceStub.Reply;

class SalesforceWriteBackTest {

    private static final String NORTHWIND = "006Dn0000NwindAIAR";
    private static final String TASKS = DATA + "/sobjects/Task";
    private static final String NORTHWIND_PATH = DATA + "/sobjects/Opportunity/" + NORTHWIND;
    private static final String CHECK = "SELECT Id FROM Task WHERE WhatId = '006Dn0000NwindAIAR' AND Subject LIKE "
            + "'%[truth t-7f3a]%' LIMIT 1";
    private static final TruthWriteBack NO_AND_CLOSE = new TruthWriteBack("t-7f3a", NORTHWIND, "NO",
            "WENT_ANOTHER_WAY", "Chose another vendor", "They picked a local partner; open to talk again next year.",
            LocalDate.parse("2026-01-15"), "dana.rep@example.com", Instant.parse("2025-06-02T10:30:00Z"), true);

    private final JsonMapper json = JsonMapper.builder().build();
    private final SalesforceStub stub = SalesforceStub.start();
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void aNoIsWrittenAsACompletedTaskAndTheDealMovesToClosedLost() {
        stub.onQuery(CHECK, Reply.fixture("empty.json"));
        stub.onPath("POST", TASKS, Reply.status(201, Fixtures.read("task-created.json")));
        stub.onPath("PATCH", NORTHWIND_PATH, Reply.noContent());

        WriteBackResult result = adapter(Fixtures.staticToken(stub.url())).writeBack(NO_AND_CLOSE);

        assertThat(result.status()).isEqualTo(Status.WRITTEN);
        assertThat(result.detail()).isEqualTo("Task 00TDn0000Truth1AAA created; stage set to Closed Lost");
        assertThat(stub.requests()).extracting(SalesforceStub.Request::method).containsExactly("GET", "POST", "PATCH");
        assertThat(stub.queriesContaining("FROM Task").get(0).soql()).isEqualTo(CHECK);
        assertThat(body(stub.requestsTo("POST", TASKS).get(0))).isEqualTo(json.readTree("""
                {
                  "WhatId": "006Dn0000NwindAIAR",
                  "Subject": "silent-deals: NO [truth t-7f3a]",
                  "Description": "silent-deals recorded what the rep learned on this deal.\\nOutcome: NO (not moving forward)\\nReason: Chose another vendor (WENT_ANOTHER_WAY)\\nRep's note: They picked a local partner; open to talk again next year.\\nReconnect on: 2026-01-15\\nRecorded by: dana.rep@example.com at 2025-06-02T10:30:00Z\\n[silent-deals truth t-7f3a]",
                  "Status": "Completed",
                  "ActivityDate": "2025-06-02"
                }
                """));
        assertThat(body(stub.requestsTo("PATCH", NORTHWIND_PATH).get(0))).isEqualTo(json.readTree("""
                {"StageName": "Closed Lost", "Loss_Reason__c": "Chose another vendor"}
                """));
        assertThat(stub.requestsTo("POST", TASKS).get(0).header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void aRetryOfTheSameTruthFindsItsTaskAndDoesNotWriteTwice() {
        stub.onQuery(CHECK, Reply.fixture("truth-task-found.json"));
        stub.onPath("PATCH", NORTHWIND_PATH, Reply.noContent());

        WriteBackResult result = adapter(Fixtures.staticToken(stub.url())).writeBack(NO_AND_CLOSE);

        assertThat(result.status()).isEqualTo(Status.WRITTEN);
        assertThat(result.detail()).startsWith("Task 00TDn0000Truth1AAA was already there");
        assertThat(stub.requestsTo("POST", TASKS)).isEmpty();
        assertThat(stub.requestsTo("PATCH", NORTHWIND_PATH)).as("closing lost is safe to repeat").hasSize(1);
    }

    @Test
    void aYesIsATaskOnlyAndLeavesTheStageAlone() {
        stub.onQuery("FROM Task WHERE WhatId", Reply.fixture("empty.json"));
        stub.onPath("POST", TASKS, Reply.status(201, Fixtures.read("task-created.json")));
        TruthWriteBack yes = new TruthWriteBack("t-9c1d", NORTHWIND, "YES", null, null, "Legal review next week",
                null, "dana.rep@example.com", Instant.parse("2025-06-02T10:30:00Z"), true);

        WriteBackResult result = adapter(Fixtures.staticToken(stub.url())).writeBack(yes);

        assertThat(result.status()).isEqualTo(Status.WRITTEN);
        assertThat(body(stub.requestsTo("POST", TASKS).get(0))).isEqualTo(json.readTree("""
                {
                  "WhatId": "006Dn0000NwindAIAR",
                  "Subject": "silent-deals: YES [truth t-9c1d]",
                  "Description": "silent-deals recorded what the rep learned on this deal.\\nOutcome: YES (still moving forward)\\nRep's note: Legal review next week\\nRecorded by: dana.rep@example.com at 2025-06-02T10:30:00Z\\n[silent-deals truth t-9c1d]",
                  "Status": "Completed",
                  "ActivityDate": "2025-06-02"
                }
                """));
        assertThat(stub.requestsTo("PATCH", NORTHWIND_PATH)).isEmpty();
    }

    @Test
    void withNoLossReasonFieldConfiguredOnlyTheStageChanges() {
        stub.onQuery(CHECK, Reply.fixture("empty.json"));
        stub.onPath("POST", TASKS, Reply.status(201, Fixtures.read("task-created.json")));
        stub.onPath("PATCH", NORTHWIND_PATH, Reply.noContent());

        adapter(Fixtures.settings(stub.url(), Fixtures.STATIC_TOKEN, null, null, null, "", null)).writeBack(NO_AND_CLOSE);

        assertThat(body(stub.requestsTo("PATCH", NORTHWIND_PATH).get(0)))
                .isEqualTo(json.readTree("{\"StageName\": \"Closed Lost\"}"));
    }

    @Test
    void aRefusedTaskIsRefusedWithSalesforcesWords() {
        stub.onQuery(CHECK, Reply.fixture("empty.json"));
        stub.onPath("POST", TASKS, Reply.status(400, Fixtures.read("error-field-integrity.json")));

        WriteBackResult result = adapter(Fixtures.staticToken(stub.url())).writeBack(NO_AND_CLOSE);

        assertThat(result).isEqualTo(WriteBackResult.refused(
                "FIELD_INTEGRITY_EXCEPTION: Related To ID: id value of incorrect type: 006Dn0000NwindAIAR"));
        assertThat(stub.requestsTo("PATCH", NORTHWIND_PATH)).isEmpty();
    }

    @Test
    void aRefusedLossReasonIsRefused() {
        stub.onQuery(CHECK, Reply.fixture("empty.json"));
        stub.onPath("POST", TASKS, Reply.status(201, Fixtures.read("task-created.json")));
        stub.onPath("PATCH", NORTHWIND_PATH, Reply.status(400, Fixtures.read("error-picklist.json")));

        WriteBackResult result = adapter(Fixtures.staticToken(stub.url())).writeBack(NO_AND_CLOSE);

        assertThat(result.status()).isEqualTo(Status.REFUSED);
        assertThat(result.detail()).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: Loss Reason: bad value for "
                + "restricted picklist field: Chose another vendor");
    }

    @Test
    void aServerErrorOnTheCreatingPostMeansRetryLaterWithoutRepeatingIt() {
        stub.onQuery(CHECK, Reply.fixture("empty.json"));
        stub.onPath("POST", TASKS, Reply.status(500, Fixtures.read("error-unknown.json")));

        WriteBackResult result = adapter(Fixtures.staticToken(stub.url())).writeBack(NO_AND_CLOSE);

        assertThat(result.status()).isEqualTo(Status.RETRY_LATER);
        assertThat(stub.requestsTo("POST", TASKS)).hasSize(1);
    }

    @Test
    void aReachedDailyRequestLimitMeansRetryLater() {
        stub.onQuery(CHECK, Reply.status(403, Fixtures.read("error-request-limit.json")));

        WriteBackResult result = adapter(Fixtures.staticToken(stub.url())).writeBack(NO_AND_CLOSE);

        assertThat(result.status()).isEqualTo(Status.RETRY_LATER);
        assertThat(result.detail()).contains("REQUEST_LIMIT_EXCEEDED");
    }

    @Test
    void anExpiredStaticTokenIsRefusedWithoutShowingTheToken() {
        stub.onQuery(CHECK, Reply.status(401, Fixtures.read("error-invalid-session.json")));

        WriteBackResult result = adapter(Fixtures.staticToken(stub.url())).writeBack(NO_AND_CLOSE);

        assertThat(result).isEqualTo(WriteBackResult.refused("INVALID_SESSION_ID: Session expired or invalid"));
    }

    @Test
    void aDealIdThatIsNotAnOpportunityIdIsRefusedWithoutAskingSalesforce() {
        TruthWriteBack odd = new TruthWriteBack("t-1", "x' OR Name != '", "NO", null, null, null, null,
                "dana.rep@example.com", Instant.parse("2025-06-02T10:30:00Z"), false);

        WriteBackResult result = adapter(Fixtures.staticToken(stub.url())).writeBack(odd);

        assertThat(result.status()).isEqualTo(Status.REFUSED);
        assertThat(stub.requests()).isEmpty();
    }

    private SalesforceCrmAdapter adapter(SalesforceProperties properties) {
        return new SalesforceCrmAdapter(properties, Fixtures.http(sleeper), new MovableClock(Fixtures.MONDAY_9AM));
    }

    private JsonNode body(SalesforceStub.Request request) {
        return json.readTree(request.body());
    }
}
