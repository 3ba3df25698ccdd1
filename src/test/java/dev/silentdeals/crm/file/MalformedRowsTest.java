package dev.silentdeals.crm.file;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import ch.qos.logback.classic.Level;
import dev.silentdeals.crm.CrmChanges;
import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MalformedRowsTest {

    private static final String DEALS = "classpath:crm/file/malformed/deals.csv";
    private static final String TOUCHES = "classpath:crm/file/malformed/touches.csv";
    private static final Instant ANCHOR = Instant.parse("2026-11-22T00:00:00Z");

    private LogCapture log;
    private CrmChanges changes;

    @BeforeEach
    void readTheFixtures() {
        log = new LogCapture(FileCrmAdapter.class);
        changes = new FileCrmAdapter(DEALS, TOUCHES, Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"),
                ZoneOffset.UTC)).changesSince(CrmCursor.initial());
    }

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    @Test
    void everyGoodRowIsReadAroundTheBadOnes() {
        assertThat(changes.deals()).extracting(CrmDeal::id).containsExactly("D-1", "D-7", "D-12");
        assertThat(changes.deals().get(0).company()).isEqualTo("Quote \"Co\", Ltd.");
        assertThat(changes.deals().get(1).name()).isEqualTo("Multi-line\nname");
        CrmDeal lastGood = changes.deals().get(2);
        assertThat(lastGood.amount()).isEqualByComparingTo(new BigDecimal("2500.50"));
        assertThat(lastGood.currency()).isEqualTo("USD");
        assertThat(lastGood.updatedAt()).isEqualTo(Instant.parse("2026-11-18T20:00:00Z"));

        assertThat(changes.touches()).containsExactly(
                new CrmTouch("D-1", Instant.parse("2026-11-01T09:00:00Z"), Direction.INBOUND, Channel.EMAIL, false),
                new CrmTouch("D-1", Instant.parse("2026-11-20T00:00:00Z"), Direction.OUTBOUND, Channel.CALL, false),
                new CrmTouch("D-7", Instant.parse("2026-11-24T00:00:00Z"), Direction.OUTBOUND, Channel.MEETING, false),
                new CrmTouch("D-12", ANCHOR.minusSeconds(3 * 86_400 + 4 * 3_600), Direction.INBOUND, Channel.EMAIL,
                        true),
                new CrmTouch("D-12", Instant.parse("2026-11-21T00:00:00Z"), Direction.OUTBOUND, Channel.EMAIL, false));
    }

    @Test
    void eachBadRowIsCountedOnce() {
        assertThat(changes.skipped()).isEqualTo(19);
        assertThat(log.lines(Level.WARN)).hasSize(19);
    }

    @Test
    void eachBadDealRowIsLoggedWithFileLineAndReason() {
        assertThat(log.lines(Level.WARN)).contains(
                "file CRM: skipped " + DEALS + " line 3: has 7 columns, the header has 12",
                "file CRM: skipped " + DEALS + " line 4: id is empty",
                "file CRM: skipped " + DEALS + " line 5: amount 'twelve' is not a plain number (write 1234.50, no separators)",
                "file CRM: skipped " + DEALS + " line 6: closed 'maybe' is not true or false",
                "file CRM: skipped " + DEALS + " line 8: updated_at 'yesterday' is not an ISO-8601 time with offset"
                        + " (e.g. 2026-11-10T09:30:00+01:00) nor a relative time (e.g. now-3d4h)",
                "file CRM: skipped " + DEALS + " line 11: deal D-1 already read on line 2",
                "file CRM: skipped " + DEALS + " line 13: currency 'EURO' is not a three-letter code such as EUR",
                "file CRM: skipped " + DEALS + " line 14: updated_at '2026-11-01T09:00:00' is not an ISO-8601 time"
                        + " with offset (e.g. 2026-11-10T09:30:00+01:00) nor a relative time (e.g. now-3d4h)");
        assertThat(log.lines(Level.WARN)).contains("file CRM: skipped " + DEALS
                + " line 12: CSV syntax: Invalid character between encapsulated token and delimiter");
    }

    @Test
    void eachBadTouchRowIsLoggedWithFileLineAndReason() {
        assertThat(log.lines(Level.WARN)).contains(
                "file CRM: skipped " + TOUCHES + " line 4: at 'last tuesday' is not an ISO-8601 time with offset"
                        + " (e.g. 2026-11-10T09:30:00+01:00) nor a relative time (e.g. now-3d4h)",
                "file CRM: skipped " + TOUCHES + " line 5: direction 'sideways' is not one of inbound|outbound",
                "file CRM: skipped " + TOUCHES + " line 6: channel 'fax' is not one of email|call|meeting|note",
                "file CRM: skipped " + TOUCHES + " line 7: auto_reply 'yes' is not true or false",
                "file CRM: skipped " + TOUCHES + " line 8: deal_id is empty",
                "file CRM: skipped " + TOUCHES + " line 9: touch for unknown deal D-404",
                "file CRM: skipped " + TOUCHES + " line 10: touch for unknown deal D-5",
                "file CRM: skipped " + TOUCHES + " line 11: has 4 columns, the header has 5");
        assertThat(log.lines(Level.WARN)).contains(
                "file CRM: skipped " + TOUCHES
                        + " line 12: CSV syntax: Invalid character between encapsulated token and delimiter",
                "file CRM: skipped " + TOUCHES + " line 15: CSV syntax: EOF reached before encapsulated token finished");
    }

    @Test
    void badRowsAreLoggedInFileOrder() {
        assertThat(log.lines(Level.WARN)).extracting(MalformedRowsTest::lineNumber).containsExactly(
                3, 4, 5, 6, 8, 11, 12, 13, 14,
                4, 5, 6, 7, 8, 9, 10, 11, 12, 15);
    }

    private static int lineNumber(String logLine) {
        String afterLine = logLine.substring(logLine.indexOf(" line ") + " line ".length());
        return Integer.parseInt(afterLine.substring(0, afterLine.indexOf(':')));
    }
}
