package dev.silentdeals.crm.salesforce;

import static dev.silentdeals.crm.salesforce.SalesforceStub.DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.silentdeals.crm.CrmChanges;
import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import dev.silentdeals.crm.http.CrmUnavailableException;
import dev.silentdeals.crm.salesforce.Fixtures.MovableClock;
import dev.silentdeals.crm.salesforce.Fixtures.RecordingSleeper;
import dev.silentdeals.crm.salesforce.SalesforceStub.Reply;

class SalesforceSyncTest {

    private static final String NORTHWIND = "006Dn0000NwindAIAR";
    private static final String FABRIKAM = "006Dn0000FabriAIAR";
    private static final String CONTOSO = "006Dn0000ContoAIAR";
    private static final String FULL_SCOPE = "FROM Opportunity WHERE (IsClosed = false OR CloseDate >= 2025-05-03)";
    private static final String PAGE_2_LOCATOR = DATA + "/query/01gDn00000QlocAIAR-2";

    private final SalesforceStub stub = SalesforceStub.start();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final MovableClock clock = new MovableClock(Fixtures.MONDAY_9AM);

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void aFullSyncReadsDealsPageByPageEachWithItsTouches() {
        routeFullSync();
        SalesforceCrmAdapter adapter = adapter(Fixtures.staticToken(stub.url()));

        CrmChanges first = adapter.changesSince(CrmCursor.initial());

        assertThat(first.hasMore()).isTrue();
        assertThat(first.complete()).isFalse();
        assertThat(first.deals()).containsExactly(
                new CrmDeal(NORTHWIND, "Northwind - 40 seats", "Northwind Traders", "Proposal/Price Quote",
                        new BigDecimal("48000.50"), "USD", "dana.rep@example.com", "Maria Lopez",
                        "maria.lopez@northwind.example", "+1 415 555 0101", false,
                        Instant.parse("2025-05-20T10:15:00Z")),
                new CrmDeal(FABRIKAM, "Fabrikam renewal", "Fabrikam", "Negotiation/Review", null, "USD",
                        "lee.rep@example.com", null, null, null, false, Instant.parse("2025-05-21T08:00:00Z")));
        assertThat(first.touches()).containsExactlyInAnyOrder(
                touch(NORTHWIND, "2025-05-12T14:02:00Z", Direction.INBOUND, Channel.EMAIL, false),
                touch(NORTHWIND, "2025-05-19T09:00:00Z", Direction.OUTBOUND, Channel.EMAIL, false),
                touch(NORTHWIND, "2025-05-19T09:01:00Z", Direction.INBOUND, Channel.EMAIL, true),
                touch(NORTHWIND, "2025-05-26T15:30:00Z", Direction.OUTBOUND, Channel.CALL, false),
                touch(FABRIKAM, "2025-05-21T16:00:00Z", Direction.INBOUND, Channel.CALL, false),
                touch(FABRIKAM, "2025-05-27T12:00:00Z", Direction.OUTBOUND, Channel.EMAIL, false),
                touch(FABRIKAM, "2025-06-10T16:00:00Z", Direction.OUTBOUND, Channel.MEETING, false));
        assertThat(first.skipped()).as("the task with an unreadable CompletedDateTime").isEqualTo(1);

        CrmChanges second = adapter.changesSince(first.next());

        assertThat(stub.requestsTo("GET", PAGE_2_LOCATOR)).hasSize(1);
        assertThat(second.deals()).extracting(CrmDeal::id).containsExactly(CONTOSO);
        assertThat(second.deals().get(0).contactName()).as("first contact role when none is primary")
                .isEqualTo("Sam Okafor");
        assertThat(second.deals().get(0).closed()).isTrue();
        assertThat(second.skipped()).as("the opportunity whose SystemModstamp is not a date").isEqualTo(1);
        assertThat(second.hasMore()).isFalse();
        assertThat(second.complete()).as("an unreadable opportunity must not be taken for a deleted one").isFalse();
        assertThat(List.of(first.startsFullPass(), second.startsFullPass())).containsExactly(true, false);
    }

    @Test
    void aFullPassThatSkippedAnUnreadableOpportunityOnAnEarlierPageIsNotCompleteOnItsLast() {
        stub.onPath("GET", DATA + "/query/01gDn00000QlocAIAR-9", Reply.fixture("opportunities-full-readable.json"));
        stub.onQuery(FULL_SCOPE, Reply.fixture("opportunities-full-skipped-first.json"));
        stub.onQuery(List.of(" IN ('" + CONTOSO + "')"), Reply.fixture("empty.json"));
        SalesforceCrmAdapter adapter = adapter(Fixtures.staticToken(stub.url()));

        CrmChanges first = adapter.changesSince(CrmCursor.initial());
        CrmChanges last = adapter(Fixtures.staticToken(stub.url())).changesSince(first.next());

        assertThat(first.skipped()).isEqualTo(1);
        assertThat(first.deals()).isEmpty();
        assertThat(last.deals()).extracting(CrmDeal::id).containsExactly(CONTOSO);
        assertThat(last.skipped()).isZero();
        assertThat(last.hasMore()).isFalse();
        assertThat(last.complete()).as("the cursor remembers the skipped opportunity across pages").isFalse();
    }

    @Test
    void theDailyFullPassSaysOnItsFirstPageThatAFullPassStartsThere() {
        routeFullSync();
        SalesforceCrmAdapter adapter = adapter(Fixtures.staticToken(stub.url()));
        CrmChanges firstPass = adapter.changesSince(adapter.changesSince(CrmCursor.initial()).next());
        clock.advance(Duration.ofHours(24));
        stub.onQuery("FROM Opportunity WHERE (IsClosed = false OR CloseDate >= 2025-05-04)",
                Reply.fixture("opportunities-full-readable.json"));

        CrmChanges daily = adapter.changesSince(firstPass.next());

        assertThat(stub.queriesContaining("CloseDate >= 2025-05-04")).hasSize(1);
        assertThat(daily.startsFullPass()).as("the sync job may collect the deals it sees from here").isTrue();
        assertThat(firstPass.complete()).as("the first pass skipped an unreadable opportunity").isFalse();
        assertThat(daily.complete()).as("every opportunity of this pass was readable").isTrue();
    }

    @Test
    void everyQueryAsksForTheConfiguredBatchSizeWithTheBearerToken() {
        routeFullSync();
        adapter(Fixtures.staticToken(stub.url())).changesSince(CrmCursor.initial());

        assertThat(stub.requests()).isNotEmpty().allSatisfy(request -> {
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + Fixtures.STATIC_TOKEN);
            assertThat(request.header("Sforce-Query-Options")).isEqualTo("batchSize=200");
        });
        assertThat(stub.queriesContaining(FULL_SCOPE).get(0).soql()).isEqualTo("SELECT Id, Name, Account.Name, "
                + "StageName, Amount, IsClosed, IsWon, CloseDate, Owner.Email, SystemModstamp, (SELECT IsPrimary, "
                + "Contact.Name, Contact.Email, Contact.Phone FROM OpportunityContactRoles ORDER BY IsPrimary DESC, "
                + "CreatedDate ASC LIMIT 1) FROM Opportunity WHERE (IsClosed = false OR CloseDate >= 2025-05-03) "
                + "ORDER BY SystemModstamp ASC, Id ASC");
        assertThat(stub.queriesContaining("FROM Task WHERE WhatId IN").get(0).soql())
                .contains("WhatId IN ('" + NORTHWIND + "','" + FABRIKAM + "') AND IsClosed = true");
    }

    @Test
    void theNextPassAsksOnlyForWhatChangedSinceTheLastPassBeganLessTheOverlap() {
        routeFullSync();
        SalesforceCrmAdapter adapter = adapter(Fixtures.staticToken(stub.url()));
        CrmCursor cursor = adapter.changesSince(adapter.changesSince(CrmCursor.initial()).next()).next();
        routeChanges();
        clock.advance(Duration.ofMinutes(15));

        CrmChanges deals = adapter.changesSince(cursor);
        CrmChanges tasks = adapter.changesSince(deals.next());
        CrmChanges events = adapter.changesSince(tasks.next());
        CrmChanges emails = adapter.changesSince(events.next());

        assertThat(stub.queriesContaining("FROM Opportunity WHERE SystemModstamp > 2025-06-02T08:55:00Z ORDER BY "
                + "SystemModstamp ASC, Id ASC")).hasSize(1);
        assertThat(stub.queriesContaining("FROM Task WHERE What.Type = 'Opportunity' AND IsClosed = true AND "
                + "SystemModstamp > 2025-06-02T08:55:00Z")).hasSize(1);
        assertThat(stub.queriesContaining("FROM Event WHERE What.Type = 'Opportunity' AND "
                + "SystemModstamp > 2025-06-02T08:55:00Z")).hasSize(1);
        assertThat(stub.queriesContaining("FROM EmailMessage WHERE RelatedTo.Type = 'Opportunity' AND "
                + "SystemModstamp > 2025-06-02T08:55:00Z")).hasSize(1);

        assertThat(deals.deals()).singleElement().satisfies(deal -> {
            assertThat(deal.stage()).isEqualTo("Negotiation/Review");
            assertThat(deal.amount()).isEqualByComparingTo("52000");
        });
        assertThat(tasks.touches()).as("the email task is skipped: its EmailMessage brings the direction")
                .containsExactly(touch(FABRIKAM, "2025-06-02T09:06:00Z", Direction.OUTBOUND, Channel.CALL, false));
        assertThat(stub.queriesContaining("SELECT ActivityId FROM EmailMessage WHERE ActivityId IN "
                + "('00TDn00000EmTk4AAA')")).hasSize(1);
        assertThat(events.touches()).isEmpty();
        assertThat(emails.touches()).containsExactlyInAnyOrder(
                touch(NORTHWIND, "2025-06-02T09:07:00Z", Direction.INBOUND, Channel.EMAIL, false),
                touch(FABRIKAM, "2025-06-02T09:08:00Z", Direction.INBOUND, Channel.EMAIL, true));
        assertThat(List.of(deals.hasMore(), tasks.hasMore(), events.hasMore(), emails.hasMore()))
                .containsExactly(true, true, true, false);
        assertThat(List.of(deals.complete(), tasks.complete(), events.complete(), emails.complete()))
                .containsOnly(false);
        assertThat(List.of(deals.startsFullPass(), tasks.startsFullPass(), events.startsFullPass(),
                emails.startsFullPass())).containsOnly(false);

        routeChangesAgain();
        adapter.changesSince(emails.next());
        assertThat(stub.queriesContaining("FROM Opportunity WHERE SystemModstamp > 2025-06-02T09:10:00Z"))
                .as("the pass after starts from this pass's start minus five minutes").hasSize(1);
    }

    @Test
    void anInterruptedSyncResumesFromTheStoredCursorWithAFreshAdapter() {
        routeFullSync();
        CrmCursor stored = adapter(Fixtures.staticToken(stub.url())).changesSince(CrmCursor.initial()).next();

        CrmChanges resumed = adapter(Fixtures.staticToken(stub.url())).changesSince(stored);

        assertThat(resumed.deals()).extracting(CrmDeal::id).containsExactly(CONTOSO);
        assertThat(stub.queriesContaining(FULL_SCOPE)).as("the first page is not read twice").hasSize(1);
    }

    @Test
    void anExpiredQueryLocatorRestartsThePhaseFromTheLastSystemModstampSeen() {
        stub.onPath("GET", PAGE_2_LOCATOR, Reply.status(400, Fixtures.read("error-invalid-locator.json")));
        stub.onQuery(List.of(FULL_SCOPE, "AND SystemModstamp >= 2025-05-21T08:00:00Z"),
                Reply.fixture("opportunities-full-readable.json"));
        routeFullSync();
        SalesforceCrmAdapter adapter = adapter(Fixtures.staticToken(stub.url()));

        CrmChanges resumed = adapter.changesSince(adapter.changesSince(CrmCursor.initial()).next());

        assertThat(resumed.deals()).extracting(CrmDeal::id).containsExactly(CONTOSO);
        assertThat(resumed.complete()).isTrue();
    }

    @Test
    void aPassStopsEarlyOnceTheOrgPassesTheConfiguredShareOfItsDailyApiAllocation() {
        stub.onQuery(FULL_SCOPE, Reply.fixture("opportunities-full-1.json")
                .withHeader("Sforce-Limit-Info", "api-usage=12500/15000"));
        routeFullSync();
        SalesforceCrmAdapter adapter = adapter(Fixtures.staticToken(stub.url()));

        CrmChanges stopped = adapter.changesSince(CrmCursor.initial());

        assertThat(stopped.deals()).hasSize(2);
        assertThat(stopped.hasMore()).as("stopped early").isFalse();
        assertThat(stopped.complete()).isFalse();
        assertThat(stopped.startsFullPass()).isTrue();
        assertThat(adapter.apiUsage().share()).isGreaterThan(0.8);
        CrmChanges continued = adapter.changesSince(stopped.next());
        assertThat(continued.deals()).as("the next pass continues where this one stopped")
                .extracting(CrmDeal::id).containsExactly(CONTOSO);
        assertThat(continued.startsFullPass()).as("it resumes a pass, so it may not say which deals are gone")
                .isFalse();
        assertThat(stub.requestsTo("GET", PAGE_2_LOCATOR)).hasSize(1);
    }

    @Test
    void aReachedRequestLimitIsTryLaterAndGivesNoNewCursor() {
        stub.onQuery(FULL_SCOPE, Reply.status(403, Fixtures.read("error-request-limit.json")));
        SalesforceCrmAdapter adapter = adapter(Fixtures.staticToken(stub.url()));

        assertThatThrownBy(() -> adapter.changesSince(CrmCursor.initial()))
                .isExactlyInstanceOf(CrmUnavailableException.class)
                .hasMessageContaining("REQUEST_LIMIT_EXCEEDED");
    }

    @Test
    void anExpiredSessionIsRenewedOnceWithClientCredentialsAndTheCallRetried() {
        String token = Fixtures.read("token.json").replace("${INSTANCE}", stub.url());
        stub.onPath("POST", "/services/oauth2/token", Reply.json(token),
                Reply.json(token.replace("FirstTokenValue", "SecondTokenValue")));
        stub.on(request -> request.isQuery() && "Bearer 00DDn000001TEST!AQ0AQFirstTokenValue"
                .equals(request.header("Authorization")), Reply.status(401, Fixtures.read("error-invalid-session.json")));
        routeFullSync();
        SalesforceCrmAdapter adapter = adapter(Fixtures.clientCredentials(stub.url()));

        CrmChanges changes = adapter.changesSince(CrmCursor.initial());

        assertThat(changes.deals()).hasSize(2);
        List<SalesforceStub.Request> tokenRequests = stub.requestsTo("POST", "/services/oauth2/token");
        assertThat(tokenRequests).hasSize(2).allSatisfy(request -> {
            assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
            assertThat(request.body()).isEqualTo("grant_type=client_credentials&client_id=3MVG9testConsumerKey"
                    + "&client_secret=test-consumer-secret");
        });
        assertThat(stub.queriesContaining(FULL_SCOPE)).extracting(request -> request.header("Authorization"))
                .containsExactly("Bearer 00DDn000001TEST!AQ0AQFirstTokenValue",
                        "Bearer 00DDn000001TEST!AQ0AQSecondTokenValue");
    }

    @Test
    void anExpiredStaticTokenStopsThePassWithSalesforcesWordsButNeverTheToken() {
        stub.onQuery(FULL_SCOPE, Reply.status(401, Fixtures.read("error-invalid-session.json")));
        SalesforceCrmAdapter adapter = adapter(Fixtures.staticToken(stub.url()));

        assertThatThrownBy(() -> adapter.changesSince(CrmCursor.initial()))
                .isInstanceOf(CrmUnavailableException.class)
                .hasMessageContaining("INVALID_SESSION_ID: Session expired or invalid")
                .hasMessageNotContaining(Fixtures.STATIC_TOKEN);
        assertThat(stub.queriesContaining(FULL_SCOPE)).hasSize(1);
    }

    @Test
    void anUnreadableCursorStartsAFullSyncRatherThanLosingAnything() {
        routeFullSync();

        CrmChanges changes = adapter(Fixtures.staticToken(stub.url())).changesSince(new CrmCursor("{not json"));

        assertThat(changes.deals()).hasSize(2);
        assertThat(stub.queriesContaining(FULL_SCOPE)).hasSize(1);
    }

    private void routeFullSync() {
        stub.onPath("GET", PAGE_2_LOCATOR, Reply.fixture("opportunities-full-2.json"));
        stub.onQuery(FULL_SCOPE, Reply.fixture("opportunities-full-1.json"));
        stub.onQuery(List.of("FROM EmailMessage WHERE RelatedToId IN", NORTHWIND), Reply.fixture("emails-page-1.json"));
        stub.onQuery(List.of("FROM Task WHERE WhatId IN", NORTHWIND), Reply.fixture("tasks-page-1.json"));
        stub.onQuery(List.of("FROM Event WHERE WhatId IN", NORTHWIND), Reply.fixture("events-page-1.json"));
        stub.onQuery(List.of(" IN ('" + CONTOSO + "')"), Reply.fixture("empty.json"));
    }

    private void routeChanges() {
        stub.onQuery("FROM Opportunity WHERE SystemModstamp > 2025-06-02T08:55:00Z",
                Reply.fixture("opportunities-changed.json"));
        stub.onQuery("WHERE What.Type = 'Opportunity' AND IsClosed = true AND SystemModstamp > 2025-06-02T08:55:00Z",
                Reply.fixture("tasks-changed.json"));
        stub.onQuery("SELECT ActivityId FROM EmailMessage WHERE ActivityId IN", Reply.fixture("email-links.json"));
        stub.onQuery("FROM Event WHERE What.Type = 'Opportunity' AND SystemModstamp > 2025-06-02T08:55:00Z",
                Reply.fixture("empty.json"));
        stub.onQuery("FROM EmailMessage WHERE RelatedTo.Type = 'Opportunity' AND SystemModstamp > 2025-06-02T08:55:00Z",
                Reply.fixture("emails-changed.json"));
    }

    private void routeChangesAgain() {
        stub.onQuery("FROM Opportunity WHERE SystemModstamp > 2025-06-02T09:10:00Z", Reply.fixture("empty.json"));
    }

    private SalesforceCrmAdapter adapter(SalesforceProperties properties) {
        return new SalesforceCrmAdapter(properties, Fixtures.http(sleeper), clock);
    }

    private static CrmTouch touch(String dealId, String at, Direction direction, Channel channel, boolean autoReply) {
        return new CrmTouch(dealId, Instant.parse(at), direction, channel, autoReply);
    }
}
