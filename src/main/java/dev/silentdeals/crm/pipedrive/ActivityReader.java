package dev.silentdeals.crm.pipedrive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import tools.jackson.databind.JsonNode;

/**
 * Turns a Pipedrive activity (API v2) into a touch, or into nothing when it is not an interaction.
 *
 * <ul>
 *   <li>Types: {@code call} is a CALL, {@code meeting} and {@code lunch} are a MEETING, {@code email} is an
 *       EMAIL; tasks, deadlines and custom types are the rep's to-dos, not touches.</li>
 *   <li>A meeting whose time is still ahead is a booked meeting: a MEETING touch with that future time
 *       (direction OUTBOUND: the rep's calendar entry).</li>
 *   <li>Other activities count only once marked done: an activity not done did not happen yet.</li>
 *   <li>A done meeting in the past is INBOUND: the prospect took part in a live conversation.</li>
 *   <li>A done call is the rep's OUTBOUND call, unless its subject says the prospect called
 *       ({@link #INBOUND_CALL}): Pipedrive's activity has no direction field.</li>
 *   <li>A done email activity is OUTBOUND (a logged email the rep sent).</li>
 * </ul>
 * {@code due_date} and {@code due_time} are UTC. With no time, a done activity counts at the start of its day and
 * a booked meeting at the end of its day (it stays "ahead" all that day).
 */
final class ActivityReader {

    /** Subjects that mark a logged call as the prospect calling us. */
    static final Pattern INBOUND_CALL = Pattern.compile(
            "\\b(inbound|incoming|missed) call\\b|\\bcall(ed)? (from|back from)\\b|\\bcallback from\\b|"
                    + "\\b(they|prospect|client|customer) called\\b",
            Pattern.CASE_INSENSITIVE);

    private ActivityReader() {
    }

    static Optional<CrmTouch> read(JsonNode activity, Instant now) {
        String activityId = PipedriveFields.text(activity, "id");
        if (activityId == null) {
            throw new MalformedRecordException("activity", "(no id)", "the activity has no id");
        }
        OptionalLong dealId = PipedriveFields.id(activity, "deal_id");
        if (dealId.isEmpty() || PipedriveFields.flag(activity, "is_deleted")) {
            return Optional.empty();
        }
        Channel channel = channel(PipedriveFields.text(activity, "type"));
        if (channel == null) {
            return Optional.empty();
        }
        boolean done = PipedriveFields.flag(activity, "done");
        Instant at = when(activity, activityId, channel == Channel.MEETING && !done);
        if (at == null) {
            return Optional.empty();
        }
        String deal = Long.toString(dealId.getAsLong());
        if (channel == Channel.MEETING && at.isAfter(now)) {
            return Optional.of(new CrmTouch(deal, at, Direction.OUTBOUND, Channel.MEETING, false));
        }
        if (!done) {
            return Optional.empty();
        }
        Direction direction = switch (channel) {
            case MEETING -> Direction.INBOUND;
            case CALL -> isInboundCall(PipedriveFields.text(activity, "subject")) ? Direction.INBOUND
                    : Direction.OUTBOUND;
            default -> Direction.OUTBOUND;
        };
        return Optional.of(new CrmTouch(deal, at, direction, channel, false));
    }

    static boolean isInboundCall(String subject) {
        return subject != null && INBOUND_CALL.matcher(subject).find();
    }

    private static Channel channel(String type) {
        if (type == null) {
            return null;
        }
        return switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "call" -> Channel.CALL;
            case "meeting", "lunch" -> Channel.MEETING;
            case "email" -> Channel.EMAIL;
            default -> null;
        };
    }

    private static Instant when(JsonNode activity, String activityId, boolean endOfDayWithoutTime) {
        String dueDate = PipedriveFields.text(activity, "due_date");
        try {
            if (dueDate == null || dueDate.isBlank()) {
                String doneAt = PipedriveFields.text(activity, "marked_as_done_time");
                return doneAt == null || doneAt.isBlank() ? null : PipedriveFields.instant(doneAt);
            }
            LocalDate date = LocalDate.parse(dueDate.strip());
            String dueTime = PipedriveFields.text(activity, "due_time");
            LocalTime time = dueTime == null || dueTime.isBlank()
                    ? (endOfDayWithoutTime ? LocalTime.of(23, 59, 59) : LocalTime.MIDNIGHT)
                    : LocalTime.parse(dueTime.strip());
            return date.atTime(time).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new MalformedRecordException("activity", activityId, "its due date/time ('" + dueDate + " "
                    + PipedriveFields.text(activity, "due_time") + "') is not a date");
        }
    }
}
