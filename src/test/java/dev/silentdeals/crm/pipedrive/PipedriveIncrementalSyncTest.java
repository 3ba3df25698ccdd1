package dev.silentdeals.crm.pipedrive;

import static dev.silentdeals.crm.pipedrive.PipedriveFullSyncTest.touch;
import static dev.silentdeals.crm.pipedrive.PipedriveStub.json;
import static dev.silentdeals.crm.pipedrive.PipedriveTestSupport.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;

import dev.silentdeals.crm.CrmChanges;
import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import dev.silentdeals.crm.pipedrive.PipedriveTestSupport.RecordingSleeper;
import dev.silentdeals.crm.pipedrive.SyncCursor.Phase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A pass after a full sync reads only what changed since the stored cursor (the stub checks the filter). */
class PipedriveIncrementalSyncTest {

    private static final String SINCE = "2025-06-02T09:00:00Z";

    private final PipedriveStub stub = new PipedriveStub();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private PipedriveCrmAdapter adapter;
    private final CrmCursor stored = SyncCursor.incremental(NOW.minus(Duration.ofHours(1))).encode();

    @BeforeEach
    void setUp() {
        PipedriveTestSupport.directory(stub);
        stub.on("GET", "/api/v2/deals", q -> SINCE.equals(q.get("updated_since"))
                && "open,won,lost,deleted".equals(q.get("status")) && "update_time".equals(q.get("sort_by")),
                json("deals-changed.json"));
        stub.on("GET", "/api/v2/activities", q -> SINCE.equals(q.get("updated_since"))
                && "update_time".equals(q.get("sort_by")), json("activities-changed.json"));
        stub.on("GET", "/api/v2/deals", q -> "open".equals(q.get("status")) && !q.containsKey("updated_since")
                && q.getOrDefault("include_fields", "").contains("last_incoming_mail_time"),
                json("deals-mail-sweep.json"));
        stub.on("GET", "/api/v2/persons/201", json("person-201.json"));
        stub.on("GET", "/api/v2/organizations/301", json("organization-301.json"));
        stub.on("GET", "/api/v1/deals/101/mailMessages", json("mail-deal-101-new.json"));
        adapter = PipedriveTestSupport.adapter(stub, sleeper);
    }

    @AfterEach
    void tearDown() {
        stub.close();
    }

    @Test
    void changedDealsComeFirstAndADeletedDealCountsAsClosed() {
        CrmChanges deals = adapter.changesSince(stored);

        assertThat(deals.deals()).extracting(CrmDeal::id, CrmDeal::stage, CrmDeal::closed)
                .containsExactly(tuple("101", "Negotiation", false), tuple("106", "Qualified", true));
        assertThat(deals.touches()).isEmpty();
        assertThat(deals.hasMore()).isTrue();
        assertThat(deals.complete()).isFalse();
        assertThat(SyncCursor.decode(deals.next(), NOW).phase()).isEqualTo(Phase.ACTIVITIES);
    }

    @Test
    void thenChangedActivitiesThenNewMailOnOpenDeals() {
        CrmChanges deals = adapter.changesSince(stored);
        CrmChanges activities = adapter.changesSince(deals.next());
        CrmChanges mail = adapter.changesSince(activities.next());

        assertThat(activities.touches()).containsExactly(
                touch("101", "2025-06-02T09:05:00Z", Direction.INBOUND, Channel.CALL, false),
                touch("103", "2025-06-10T23:59:59Z", Direction.OUTBOUND, Channel.MEETING, false));
        assertThat(activities.hasMore()).isTrue();

        assertThat(mail.touches()).containsExactly(
                touch("101", "2025-06-02T09:45:00Z", Direction.INBOUND, Channel.EMAIL, false),
                touch("101", "2025-06-02T09:50:00Z", Direction.OUTBOUND, Channel.EMAIL, false));
        // Only the deal with mail since the cursor is asked for its messages.
        assertThat(stub.received()).extracting(PipedriveStub.Received::path)
                .filteredOn(path -> path.endsWith("/mailMessages"))
                .containsExactly("/api/v1/deals/101/mailMessages");
        assertThat(mail.hasMore()).isFalse();
        assertThat(mail.complete()).isFalse();
    }

    @Test
    void theNextPassStartsWhereThisOneBeganMinusTheOverlap() {
        CrmChanges deals = adapter.changesSince(stored);
        CrmChanges activities = adapter.changesSince(deals.next());
        CrmChanges mail = adapter.changesSince(activities.next());

        SyncCursor next = SyncCursor.decode(mail.next(), NOW.plus(Duration.ofMinutes(15)));
        assertThat(next.phase()).isEqualTo(Phase.CHANGED_DEALS);
        assertThat(next.since()).isEqualTo(NOW.minus(Duration.ofMinutes(2)));
        assertThat(next.passStart()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }
}
