package dev.silentdeals.crm.pipedrive;

import static dev.silentdeals.crm.pipedrive.PipedriveStub.json;
import static dev.silentdeals.crm.pipedrive.PipedriveTestSupport.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.silentdeals.crm.CrmChanges;
import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.pipedrive.PipedriveTestSupport.RecordingSleeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A record we cannot read is skipped, counted, and named in one WARN line; the rest of the page goes on. */
class PipedriveMalformedRecordsTest {

    private final PipedriveStub stub = new PipedriveStub();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger syncLog = (Logger) LoggerFactory.getLogger(PipedriveSync.class);
    private final CrmCursor stored = SyncCursor.incremental(NOW.minus(Duration.ofHours(1))).encode();

    @BeforeEach
    void setUp() {
        logs.start();
        syncLog.addAppender(logs);
        PipedriveTestSupport.directory(stub);
        stub.on("GET", "/api/v2/deals", json("deals-malformed.json"));
        stub.on("GET", "/api/v2/activities", json("activities-malformed.json"));
    }

    @AfterEach
    void tearDown() {
        syncLog.detachAppender(logs);
        stub.close();
    }

    @Test
    void skipsDealsWithoutAnIdOrAReadableUpdateTime() {
        CrmChanges page = PipedriveTestSupport.adapter(stub, new RecordingSleeper()).changesSince(stored);

        assertThat(page.deals()).extracting(CrmDeal::id).containsExactly("101");
        assertThat(page.skipped()).isEqualTo(2);
        assertThat(warnings()).containsExactly(
                "Skipped Pipedrive deal (no id, title 'Mystery deal'): it has no numeric id",
                "Skipped Pipedrive deal 105: its update_time 'last Tuesday' is not a date");
    }

    @Test
    void skipsAnActivityWithAnUnreadableDueDate() {
        PipedriveCrmAdapter adapter = PipedriveTestSupport.adapter(stub, new RecordingSleeper());
        CrmChanges deals = adapter.changesSince(stored);
        logs.list.clear();

        CrmChanges activities = adapter.changesSince(deals.next());

        assertThat(activities.touches()).extracting(CrmTouch::at).containsExactly(
                java.time.Instant.parse("2025-06-02T09:10:00Z"));
        assertThat(activities.skipped()).isEqualTo(1);
        assertThat(warnings()).containsExactly(
                "Skipped Pipedrive activity 5020: its due date/time ('31/05/2025 09:05') is not a date");
    }

    private java.util.List<String> warnings() {
        return logs.list.stream().filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }
}
