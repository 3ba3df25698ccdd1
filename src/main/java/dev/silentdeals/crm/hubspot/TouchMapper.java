package dev.silentdeals.crm.hubspot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns HubSpot engagements (emails, calls, meetings, notes) into touches. Direction is from our side:
 * INBOUND means the prospect reached us.
 */
final class TouchMapper {

    /** The engagement objects we read, with the properties each needs. */
    enum Kind {
        EMAILS("emails", "email", List.of("hs_timestamp", "hs_email_direction", "hs_email_status",
                "hs_email_subject", "hs_email_from_email", "hs_email_headers")),
        CALLS("calls", "call", List.of("hs_timestamp", "hs_call_direction", "hs_call_status")),
        MEETINGS("meetings", "meeting", List.of("hs_timestamp", "hs_meeting_start_time", "hs_meeting_outcome")),
        NOTES("notes", "note", List.of("hs_timestamp"));

        final String objectType;
        final String singular;
        final List<String> properties;

        Kind(String objectType, String singular, List<String> properties) {
            this.objectType = objectType;
            this.singular = singular;
            this.properties = properties;
        }
    }

    /** A touch before we know which deal it belongs to (one engagement may sit on several deals). */
    record TouchFacts(Instant at, Direction direction, Channel channel, boolean autoReply) {

        CrmTouch on(String dealId) {
            return new CrmTouch(dealId, at, direction, channel, autoReply);
        }
    }

    /** E-mails never sent: a scheduled one is not a touch yet, a failed one never reached anybody. */
    private static final Set<String> UNSENT_EMAIL_STATUSES = Set.of("SCHEDULED", "FAILED");
    /** Meetings that did not (or will not) bring the prospect to us. */
    private static final Set<String> MEETINGS_NOT_HELD = Set.of("CANCELED", "CANCELLED", "NO_SHOW");

    private final AutoReplyDetector autoReplies;
    private final PortalDirectory directory;
    private final JsonMapper json;

    TouchMapper(AutoReplyDetector autoReplies, PortalDirectory directory, JsonMapper json) {
        this.autoReplies = autoReplies;
        this.directory = directory;
        this.json = json;
    }

    /**
     * The touch this engagement makes, or empty when it is not one (an unsent e-mail, a cancelled meeting).
     *
     * @throws MalformedRecordException when its time is missing or unreadable
     */
    Optional<TouchFacts> toTouch(Kind kind, JsonNode engagement) {
        JsonNode p = engagement.path("properties");
        return switch (kind) {
            case EMAILS -> email(p);
            case CALLS -> Optional.of(new TouchFacts(time(p, "hs_timestamp"),
                    "INBOUND".equals(Json.text(p, "hs_call_direction")) ? Direction.INBOUND : Direction.OUTBOUND,
                    Channel.CALL, false));
            case MEETINGS -> meeting(p);
            case NOTES -> Optional.of(new TouchFacts(time(p, "hs_timestamp"), Direction.OUTBOUND, Channel.NOTE,
                    false));
        };
    }

    private Optional<TouchFacts> email(JsonNode p) {
        Instant at = time(p, "hs_timestamp");
        if (UNSENT_EMAIL_STATUSES.contains(Json.textOrEmpty(p, "hs_email_status"))) {
            return Optional.empty();
        }
        String from = sender(p);
        Direction direction = switch (Json.textOrEmpty(p, "hs_email_direction")) {
            case "INCOMING_EMAIL" -> Direction.INBOUND;
            case "EMAIL" -> Direction.OUTBOUND;
            // Forwarded (or unlabelled) mail: whoever wrote it decides; when unsure, assume the rep did,
            // so a doubtful e-mail never ends a silence on its own.
            default -> from != null && !directory.isInternal(from) ? Direction.INBOUND : Direction.OUTBOUND;
        };
        boolean automatic = autoReplies.isAutomatic(Json.text(p, "hs_email_subject"), from);
        return Optional.of(new TouchFacts(at, direction, Channel.EMAIL, automatic));
    }

    /** Booked or held meetings count, whoever booked them; a future start is a meeting ahead. */
    private Optional<TouchFacts> meeting(JsonNode p) {
        if (MEETINGS_NOT_HELD.contains(Json.textOrEmpty(p, "hs_meeting_outcome"))) {
            return Optional.empty();
        }
        String field = Json.text(p, "hs_meeting_start_time") != null ? "hs_meeting_start_time" : "hs_timestamp";
        return Optional.of(new TouchFacts(time(p, field), Direction.INBOUND, Channel.MEETING, false));
    }

    /** {@code hs_email_from_email}, else the {@code from} in the JSON kept in {@code hs_email_headers}. */
    private String sender(JsonNode p) {
        String from = Json.text(p, "hs_email_from_email");
        if (from != null) {
            return from;
        }
        String headers = Json.text(p, "hs_email_headers");
        if (headers == null) {
            return null;
        }
        try {
            return Json.text(json.readTree(headers).path("from"), "email");
        } catch (JacksonException e) {
            return null;
        }
    }

    private static Instant time(JsonNode p, String field) {
        String value = Json.text(p, field);
        if (value == null) {
            throw new MalformedRecordException("it has no " + field);
        }
        try {
            return Json.instant(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("it has an " + e.getMessage() + " in " + field);
        }
    }
}
