package dev.silentdeals.crm.pipedrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;

import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ActivityReaderTest {

    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");

    @Test
    void aDoneCallIsTheRepCallingOut() {
        assertThat(read("call", "Follow-up call", true, "2025-05-30", "16:30"))
                .contains(touch("2025-05-30T16:30:00Z", Direction.OUTBOUND, Channel.CALL));
    }

    @Test
    void aCallLoggedAsIncomingIsTheProspectCalling() {
        assertThat(read("call", "Missed call from Anna", true, "2025-05-30", "16:30"))
                .contains(touch("2025-05-30T16:30:00Z", Direction.INBOUND, Channel.CALL));
    }

    @Test
    void aMeetingAheadIsABookedMeetingWhetherOrNotMarkedDone() {
        assertThat(read("meeting", "Pricing review", false, "2025-06-05", "13:00"))
                .contains(touch("2025-06-05T13:00:00Z", Direction.OUTBOUND, Channel.MEETING));
        assertThat(read("lunch", "Lunch with Anna", true, "2025-06-03", "11:30"))
                .contains(touch("2025-06-03T11:30:00Z", Direction.OUTBOUND, Channel.MEETING));
    }

    @Test
    void aMeetingLaterTodayWithoutATimeStaysAheadAllDay() {
        assertThat(read("meeting", "Workshop", false, "2025-06-02", null))
                .contains(touch("2025-06-02T23:59:59Z", Direction.OUTBOUND, Channel.MEETING));
    }

    @Test
    void aHeldMeetingIsTheProspectTakingPart() {
        assertThat(read("meeting", "Demo", true, "2025-05-12", "14:00"))
                .contains(touch("2025-05-12T14:00:00Z", Direction.INBOUND, Channel.MEETING));
    }

    @Test
    void plannedWorkThatIsNotDoneIsNoTouch() {
        assertThat(read("call", "Call Anna", false, "2025-05-30", "09:00")).isEmpty();
        assertThat(read("meeting", "Demo that may not have happened", false, "2025-05-30", "09:00")).isEmpty();
    }

    @Test
    void tasksAndDeadlinesAreNoTouches() {
        assertThat(read("task", "Prepare proposal", true, "2025-05-30", null)).isEmpty();
        assertThat(read("deadline", "Quote expires", true, "2025-05-30", null)).isEmpty();
    }

    @Test
    void aDoneEmailActivityIsOutbound() {
        assertThat(read("email", "Sent the contract", true, "2025-05-30", null))
                .contains(touch("2025-05-30T00:00:00Z", Direction.OUTBOUND, Channel.EMAIL));
    }

    @Test
    void anUnreadableDateIsAMalformedRecord() {
        assertThatThrownBy(() -> read("call", "Call", true, "next week", "09:00"))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("activity 77");
    }

    private static Optional<CrmTouch> read(String type, String subject, boolean done, String dueDate, String dueTime) {
        String json = "{\"id\":77,\"type\":\"" + type + "\",\"subject\":\"" + subject + "\",\"done\":" + done
                + ",\"deal_id\":101,\"is_deleted\":false,\"due_date\":\"" + dueDate + "\",\"due_time\":"
                + (dueTime == null ? "null" : "\"" + dueTime + "\"") + "}";
        JsonNode activity = PipedriveApi.JSON.readTree(json);
        return ActivityReader.read(activity, NOW);
    }

    private static CrmTouch touch(String at, Direction direction, Channel channel) {
        return new CrmTouch("101", Instant.parse(at), direction, channel, false);
    }
}
