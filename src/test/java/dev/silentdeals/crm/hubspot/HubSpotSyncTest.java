package dev.silentdeals.crm.hubspot;

import static dev.silentdeals.crm.hubspot.HubSpotStub.fixture;
import static dev.silentdeals.crm.hubspot.HubSpotStub.hanging;
import static dev.silentdeals.crm.hubspot.HubSpotStub.ok;
import static dev.silentdeals.crm.hubspot.HubSpotStub.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.silentdeals.crm.CrmChanges;
import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import dev.silentdeals.crm.http.CrmHttpMetrics;
import dev.silentdeals.crm.http.CrmUnavailableException;
import dev.silentdeals.crm.hubspot.HubSpotStub.Request;
import dev.silentdeals.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HubSpotSyncTest {

    static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    static final String SEARCH = "/crm/v3/objects/deals/search";

    private final HubSpotStub stub = new HubSpotStub();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private HubSpotCrmAdapter adapter(Duration requestTimeout) {
        return adapter(requestTimeout, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private HubSpotCrmAdapter adapter(Duration requestTimeout, Clock clock) {
        HubSpotProperties settings = new HubSpotProperties("test-token", null, stub.baseUrl(), 1000, 1000, 100,
                Duration.ofMinutes(5), Duration.ofDays(30), Duration.ofHours(24), requestTimeout, 3,
                Duration.ofHours(1), null, null);
        return HubSpotCrmAdapter.create(settings, "test-token", waits::add, CrmHttpMetrics.noop(), clock);
    }

    private HubSpotCrmAdapter adapter() {
        return adapter(Duration.ofSeconds(5));
    }

    @Test
    void aFullSyncReadsEveryPageAndOnlyTheLastOneIsComplete() {
        new FakePortal(stub);
        stub.on("POST", SEARCH, r -> ok(fixture("deals-search-page1.json")),
                r -> ok(fixture("deals-search-page2.json")));
        HubSpotCrmAdapter adapter = adapter();

        CrmChanges first = adapter.changesSince(CrmCursor.initial());
        CrmChanges second = adapter.changesSince(first.next());

        assertThat(first.deals()).extracting(CrmDeal::id).containsExactly("9001", "9002");
        assertThat(first.hasMore()).isTrue();
        assertThat(first.complete()).isFalse();
        assertThat(second.deals()).extracting(CrmDeal::id).containsExactly("9004");
        assertThat(second.hasMore()).isFalse();
        assertThat(second.complete()).isTrue();
        assertThat(first.skipped() + second.skipped()).isZero();

        List<Request> searches = stub.requests("POST", SEARCH);
        assertThat(searches).hasSize(2);
        JsonNode firstBody = searches.get(0).json();
        assertThat(firstBody.path("filterGroups")).hasSize(2);
        assertThat(filter(firstBody, 0, "hs_lastmodifieddate")).isEqualTo("GTE 0");
        assertThat(filter(firstBody, 0, "hs_is_closed")).isEqualTo("EQ false");
        assertThat(filter(firstBody, 1, "closedate"))
                .isEqualTo("GTE " + NOW.minus(Duration.ofDays(30)).toEpochMilli());
        assertThat(firstBody.path("sorts").path(0).path("propertyName").asString()).isEqualTo("hs_lastmodifieddate");
        assertThat(firstBody.path("sorts").path(0).path("direction").asString()).isEqualTo("ASCENDING");
        assertThat(firstBody.path("limit").asInt()).isEqualTo(100);
        assertThat(firstBody.has("after")).isFalse();
        // keyset paging: the second page starts at the last modified date of the first
        JsonNode secondBody = searches.get(1).json();
        assertThat(filter(secondBody, 0, "hs_lastmodifieddate"))
                .isEqualTo("GTE " + Instant.parse("2025-03-04T10:00:00Z").toEpochMilli());
        assertThat(stub.requests()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer test-token"));
    }

    @Test
    void theNextPassAsksOnlyForDealsChangedSinceThePassBeganMinusTheOverlap() {
        new FakePortal(stub);
        stub.on("POST", SEARCH, r -> ok(fixture("deals-search-page2.json")),
                r -> ok(fixture("deals-search-changed.json")));
        HubSpotCrmAdapter adapter = adapter();

        CrmChanges full = adapter.changesSince(CrmCursor.initial());
        CrmChanges changed = adapter.changesSince(full.next());

        JsonNode incremental = stub.requests("POST", SEARCH).get(1).json();
        assertThat(incremental.path("filterGroups")).hasSize(1);
        assertThat(incremental.path("filterGroups").path(0).path("filters")).hasSize(1);
        assertThat(filter(incremental, 0, "hs_lastmodifieddate"))
                .isEqualTo("GTE " + NOW.minus(Duration.ofMinutes(5)).toEpochMilli());
        assertThat(changed.deals()).singleElement().satisfies(deal -> {
            assertThat(deal.id()).isEqualTo("9002");
            assertThat(deal.stage()).isEqualTo("Contract sent");
            assertThat(deal.amount()).isEqualByComparingTo("4500");
        });
        assertThat(changed.complete()).isFalse();
        assertThat(changed.hasMore()).isFalse();
    }

    @Test
    void aDayAfterTheLastFullPassBeganAFullPassIsForcedThatSaysWhereItStartsAndThatItIsComplete() {
        new FakePortal(stub);
        stub.on("POST", SEARCH, r -> ok(fixture("deals-search-page1.json")),
                r -> ok(fixture("deals-search-page2.json")), r -> ok(fixture("deals-search-changed.json")),
                r -> ok(fixture("deals-search-page1.json")), r -> ok(fixture("deals-search-page2.json")));
        MutableClock clock = new MutableClock(NOW);
        HubSpotCrmAdapter adapter = adapter(Duration.ofSeconds(5), clock);
        CrmChanges firstSync = adapter.changesSince(CrmCursor.initial());
        CrmChanges firstSyncEnd = adapter.changesSince(firstSync.next());
        clock.advance(Duration.ofHours(1));
        CrmChanges incremental = adapter.changesSince(firstSyncEnd.next());
        clock.set(NOW.plus(Duration.ofHours(24)));

        CrmChanges forced = adapter.changesSince(incremental.next());
        CrmChanges forcedEnd = adapter.changesSince(forced.next());

        assertThat(List.of(firstSync, firstSyncEnd, incremental, forced, forcedEnd))
                .extracting(CrmChanges::startsFullPass).containsExactly(true, false, false, true, false);
        assertThat(forced.deals()).extracting(CrmDeal::id).containsExactly("9001", "9002");
        assertThat(forced.complete()).isFalse();
        assertThat(forcedEnd.hasMore()).isFalse();
        assertThat(forcedEnd.complete()).as("the sync job may now mark the deals it did not see as gone").isTrue();
        JsonNode forcedSearch = stub.requests("POST", SEARCH).get(3).json();
        assertThat(forcedSearch.path("filterGroups")).as("open and recently closed deals").hasSize(2);
        assertThat(filter(forcedSearch, 0, "hs_lastmodifieddate")).as("from the start").isEqualTo("GTE 0");
        assertThat(filter(forcedSearch, 1, "closedate"))
                .isEqualTo("GTE " + NOW.plus(Duration.ofHours(24)).minus(Duration.ofDays(30)).toEpochMilli());
    }

    @Test
    void beforeADayHasPassedSinceTheLastFullPassBeganTheNextPassStaysIncremental() {
        new FakePortal(stub);
        stub.on("POST", SEARCH, r -> ok(fixture("deals-search-page2.json")),
                r -> ok(fixture("deals-search-changed.json")));
        MutableClock clock = new MutableClock(NOW);
        HubSpotCrmAdapter adapter = adapter(Duration.ofSeconds(5), clock);
        CrmChanges full = adapter.changesSince(CrmCursor.initial());
        clock.set(NOW.plus(Duration.ofHours(24)).minusSeconds(1));

        CrmChanges next = adapter.changesSince(full.next());

        assertThat(next.startsFullPass()).isFalse();
        assertThat(next.complete()).isFalse();
        JsonNode search = stub.requests("POST", SEARCH).get(1).json();
        assertThat(search.path("filterGroups")).hasSize(1);
        assertThat(filter(search, 0, "hs_lastmodifieddate"))
                .isEqualTo("GTE " + NOW.minus(Duration.ofMinutes(5)).toEpochMilli());
    }

    @Test
    void dealsCarryStageLabelOwnerEmailPrimaryContactAndPrimaryCompany() {
        new FakePortal(stub);
        stub.on("POST", SEARCH, r -> ok(fixture("deals-search-page1.json")));

        CrmChanges page = adapter().changesSince(CrmCursor.initial());

        assertThat(page.deals()).containsExactly(
                new CrmDeal("9001", "Northwind renewal", "Northwind Traders", "Contract sent",
                        new BigDecimal("12000.50"), "EUR", "ana@acme.test", "Maria Lopez", "maria@northwind.test",
                        "+34 600 000 001", false, Instant.parse("2025-03-03T09:00:00Z")),
                new CrmDeal("9002", "Globex pilot", "Globex", "Presentation scheduled", null, null,
                        "ben@acme.test", "Tom Baker", "tom@globex.test", null, false,
                        Instant.parse("2025-03-04T10:00:00Z")));
    }

    @Test
    void aClosedDealIsReadAsClosed() {
        new FakePortal(stub);
        stub.on("POST", SEARCH, r -> ok(fixture("deals-search-page2.json")));

        CrmChanges page = adapter().changesSince(CrmCursor.initial());

        assertThat(page.deals()).singleElement().satisfies(deal -> {
            assertThat(deal.closed()).isTrue();
            assertThat(deal.stage()).isEqualTo("Closed lost");
        });
    }

    @Test
    void touchesHaveTheDirectionChannelAndAutoReplyFlagOfTheirEngagement() {
        new FakePortal(stub);
        stub.on("POST", SEARCH, r -> ok(fixture("deals-search-page1.json")));

        CrmChanges page = adapter().changesSince(CrmCursor.initial());

        assertThat(page.touches()).containsExactlyInAnyOrder(
                touch("9001", "2025-03-01T08:30:00Z", Direction.INBOUND, Channel.EMAIL, false),
                touch("9001", "2025-03-06T09:00:05Z", Direction.INBOUND, Channel.EMAIL, true),
                touch("9001", "2025-03-06T09:00:00Z", Direction.OUTBOUND, Channel.EMAIL, false),
                touch("9001", "2025-03-07T10:00:00Z", Direction.OUTBOUND, Channel.CALL, false),
                touch("9001", "2025-02-20T10:00:00Z", Direction.OUTBOUND, Channel.NOTE, false),
                // forwarded into HubSpot, written by the prospect
                touch("9002", "2025-03-02T15:00:00Z", Direction.INBOUND, Channel.EMAIL, false),
                // a bounce from the prospect's postmaster
                touch("9002", "2025-03-07T16:20:00Z", Direction.INBOUND, Channel.EMAIL, true),
                touch("9002", "2025-03-03T11:00:00Z", Direction.INBOUND, Channel.CALL, false),
                // booked ahead: a future meeting
                touch("9002", "2025-03-14T14:00:00Z", Direction.INBOUND, Channel.MEETING, false));
        // the scheduled e-mail and the cancelled meeting are not touches, and not errors either
        assertThat(page.skipped()).isZero();
    }

    @Test
    void malformedRecordsAreSkippedAndCountedAndTheFullPassDoesNotClaimCompleteness() {
        new FakePortal(stub);
        stub.on("POST", SEARCH, r -> ok(fixture("deals-search-malformed.json")));

        CrmChanges page = adapter().changesSince(CrmCursor.initial());

        // deal 9010 (unreadable modified date), a deal without id, and e-mail 8011 without a time
        assertThat(page.skipped()).isEqualTo(3);
        assertThat(page.deals()).singleElement().satisfies(deal -> {
            assertThat(deal.id()).isEqualTo("9011");
            assertThat(deal.amount()).isNull(); // "not a number" loses the amount, not the deal
            assertThat(deal.ownerEmail()).isEmpty(); // owner 999 is unknown to the portal
        });
        assertThat(page.hasMore()).isFalse();
        assertThat(page.complete()).isFalse();
    }

    @Test
    void aRateLimitedSearchWaitsWhatRetryAfterSaysThenSucceeds() {
        new FakePortal(stub);
        stub.on("POST", SEARCH, r -> reply(429, fixture("error-rate-limit.json"), Map.of("Retry-After", "7")),
                r -> ok(fixture("deals-search-page2.json")));

        CrmChanges page = adapter().changesSince(CrmCursor.initial());

        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        assertThat(page.deals()).extracting(CrmDeal::id).containsExactly("9004");
        assertThat(stub.requests("POST", SEARCH)).hasSize(2);
    }

    @Test
    void aServerErrorIsRetriedAfterABackoff() {
        new FakePortal(stub);
        stub.on("POST", "/crm/v4/associations/deals/contacts/batch/read",
                r -> reply(502, "<html>Bad gateway</html>"),
                r -> ok(fixture("associations-deals-contacts.json")));
        stub.on("POST", SEARCH, r -> ok(fixture("deals-search-page2.json")));

        CrmChanges page = adapter().changesSince(CrmCursor.initial());

        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(page.deals()).singleElement().extracting(CrmDeal::contactName).isEqualTo("Raj Patel");
    }

    @Test
    void aTimedOutRequestIsRetried() {
        new FakePortal(stub);
        stub.on("POST", SEARCH, r -> hanging(fixture("deals-search-page2.json")),
                r -> ok(fixture("deals-search-empty.json")));

        CrmChanges page = adapter(Duration.ofMillis(500)).changesSince(CrmCursor.initial());

        assertThat(stub.requests("POST", SEARCH)).hasSize(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(page.deals()).isEmpty();
        assertThat(page.complete()).isTrue();
    }

    @Test
    void whenHubSpotStaysDownTheSyncFailsAsUnavailable() {
        stub.on("POST", SEARCH, r -> reply(503, ""));

        assertThatThrownBy(() -> adapter().changesSince(CrmCursor.initial()))
                .isInstanceOf(CrmUnavailableException.class)
                .hasMessageContaining("after 3 attempts");
        assertThat(waits).hasSize(3);
    }

    @Test
    void aRejectedTokenStopsTheSyncWithHubSpotsWordsButNeverTheToken() {
        stub.on("POST", SEARCH, r -> reply(401, fixture("error-unauthorized.json")));

        assertThatThrownBy(() -> adapter().changesSince(CrmCursor.initial()))
                .isInstanceOf(CrmUnavailableException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("Authentication credentials not found")
                .message().doesNotContain("test-token");
        assertThat(stub.requests("POST", SEARCH)).hasSize(1);
    }

    @Test
    void anEmptyPortalCompletesTheFullSyncAtOnce() {
        stub.on("POST", SEARCH, r -> ok(fixture("deals-search-empty.json")));

        CrmChanges page = adapter().changesSince(CrmCursor.initial());

        assertThat(page.deals()).isEmpty();
        assertThat(page.complete()).isTrue();
        assertThat(stub.requests()).extracting(Request::path).containsExactly(SEARCH);
    }

    private static CrmTouch touch(String dealId, String at, Direction direction, Channel channel, boolean auto) {
        return new CrmTouch(dealId, Instant.parse(at), direction, channel, auto);
    }

    /** "OPERATOR value" of the named filter in the given filter group. */
    private static String filter(JsonNode body, int group, String property) {
        for (JsonNode filter : body.path("filterGroups").path(group).path("filters")) {
            if (filter.path("propertyName").asString().equals(property)) {
                return filter.path("operator").asString() + " " + filter.path("value").asString();
            }
        }
        return "none";
    }
}
