package dev.silentdeals.crm.pipedrive;

import static dev.silentdeals.crm.pipedrive.PipedriveStub.json;
import static dev.silentdeals.crm.pipedrive.PipedriveTestSupport.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import dev.silentdeals.crm.CrmChanges;
import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import dev.silentdeals.crm.pipedrive.PipedriveTestSupport.RecordingSleeper;
import dev.silentdeals.crm.pipedrive.SyncCursor.Phase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PipedriveFullSyncTest {

    private final PipedriveStub stub = new PipedriveStub();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private PipedriveCrmAdapter adapter;

    @BeforeEach
    void setUp() {
        PipedriveTestSupport.directory(stub);
        stub.on("GET", "/api/v2/deals", q -> "open".equals(q.get("status")) && !q.containsKey("cursor"),
                json("deals-open-page1.json"));
        stub.on("GET", "/api/v2/deals", q -> "open".equals(q.get("status"))
                        && "eyJmaWVsZCI6ImlkIiwiZmllbGRWYWx1ZSI6MTAyLCJpZCI6MTAyfQ".equals(q.get("cursor")),
                json("deals-open-page2.json"));
        stub.on("GET", "/api/v2/deals", q -> "won,lost".equals(q.get("status"))
                && "2025-05-03T10:00:00Z".equals(q.get("updated_since")), json("deals-closed.json"));
        stub.on("GET", "/api/v2/persons/201", json("person-201.json"));
        stub.on("GET", "/api/v2/persons/202", json("person-202.json"));
        stub.on("GET", "/api/v2/organizations/301", json("organization-301.json"));
        stub.on("GET", "/api/v2/organizations/302", json("organization-302.json"));
        stub.on("GET", "/api/v2/activities", q -> "101".equals(q.get("deal_id")), json("activities-deal-101.json"));
        stub.on("GET", "/api/v2/activities", q -> "102".equals(q.get("deal_id")), json("activities-deal-102.json"));
        stub.on("GET", "/api/v1/deals/101/mailMessages", json("mail-deal-101.json"));
        adapter = PipedriveTestSupport.adapter(stub, sleeper);
    }

    @AfterEach
    void tearDown() {
        stub.close();
    }

    @Test
    void firstPageMapsOpenDealsWithTheirActivitiesAndMail() {
        CrmChanges page = adapter.changesSince(CrmCursor.initial());

        assertThat(page.deals()).containsExactly(
                new CrmDeal("101", "Northwind - 40 seats", "Northwind Traders", "Proposal sent",
                        new BigDecimal("12000.50"), "EUR", "rita@acme-sales.example", "Anna Berg",
                        "anna.berg@northwind.example", "+49 30 1234567", false, Instant.parse("2025-05-27T06:05:00Z")),
                new CrmDeal("102", "Contoso pilot", "", "Negotiation", new BigDecimal("8000"), "USD",
                        "sam@acme-sales.example", "Ben Okafor", "ben@contoso.example", null, false,
                        Instant.parse("2025-05-21T09:05:00Z")));
        assertThat(page.touches()).containsExactly(
                touch("101", "2025-05-05T09:00:00Z", Direction.OUTBOUND, Channel.CALL, false),
                touch("101", "2025-05-12T14:00:00Z", Direction.INBOUND, Channel.MEETING, false),
                touch("101", "2025-05-26T10:15:00Z", Direction.OUTBOUND, Channel.CALL, false),
                touch("101", "2025-06-05T13:00:00Z", Direction.OUTBOUND, Channel.MEETING, false),
                touch("101", "2025-05-13T08:00:00Z", Direction.OUTBOUND, Channel.EMAIL, false),
                touch("101", "2025-05-14T07:30:00Z", Direction.INBOUND, Channel.EMAIL, false),
                touch("101", "2025-05-27T06:00:00Z", Direction.INBOUND, Channel.EMAIL, true),
                touch("102", "2025-05-20T15:00:00Z", Direction.INBOUND, Channel.CALL, false),
                touch("102", "2025-05-21T09:00:00Z", Direction.OUTBOUND, Channel.EMAIL, false));
        assertThat(page.hasMore()).isTrue();
        assertThat(page.complete()).isFalse();
        assertThat(page.skipped()).isZero();
        // Deal 102 has no email, so its mail is not fetched.
        assertThat(stub.received("GET", "/api/v1/deals/102/mailMessages")).isEmpty();
    }

    @Test
    void pagesThroughOpenDealsThenRecentlyClosedOnesAndCompletesTheFullSync() {
        CrmChanges first = adapter.changesSince(CrmCursor.initial());
        CrmChanges second = adapter.changesSince(first.next());
        CrmChanges third = adapter.changesSince(second.next());

        assertThat(second.deals()).extracting(CrmDeal::id, CrmDeal::company, CrmDeal::contactName, CrmDeal::amount)
                .containsExactly(tuple("103", "Fabrikam GmbH", "", null));
        assertThat(second.touches()).isEmpty();
        // Deal 103 has no activities, so none are asked for.
        assertThat(stub.received("GET", "/api/v2/activities"))
                .extracting(r -> r.query().get("deal_id")).containsExactly("101", "102");
        assertThat(second.hasMore()).isTrue();
        assertThat(second.complete()).isFalse();
        assertThat(SyncCursor.decode(second.next(), NOW).phase()).isEqualTo(Phase.CLOSED_DEALS);

        // Closed deals: won or lost, updated within the 30-day lookback (the stub checks updated_since).
        assertThat(third.deals()).extracting(CrmDeal::id, CrmDeal::closed, CrmDeal::ownerEmail, CrmDeal::contactName)
                .containsExactly(tuple("104", true, "sam@acme-sales.example", "Ben Okafor"));
        assertThat(third.hasMore()).isFalse();
        assertThat(third.complete()).isTrue();
        SyncCursor nextPass = SyncCursor.decode(third.next(), NOW.plus(Duration.ofMinutes(15)));
        assertThat(nextPass.phase()).isEqualTo(Phase.CHANGED_DEALS);
        assertThat(nextPass.since()).isEqualTo(NOW.minus(Duration.ofMinutes(2)));
    }

    @Test
    void sendsTheTokenOnlyAsAHeaderNeverInTheUrl() {
        CrmChanges first = adapter.changesSince(CrmCursor.initial());
        adapter.changesSince(first.next());

        assertThat(stub.received()).isNotEmpty().allSatisfy(request -> {
            assertThat(request.headers()).containsEntry("x-api-token", PipedriveStub.TOKEN);
            assertThat(request.rawQuery() == null ? "" : request.rawQuery()).doesNotContain(PipedriveStub.TOKEN)
                    .doesNotContain("api_token");
        });
    }

    static CrmTouch touch(String dealId, String at, Direction direction, Channel channel, boolean autoReply) {
        return new CrmTouch(dealId, Instant.parse(at), direction, channel, autoReply);
    }
}
