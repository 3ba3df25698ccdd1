package dev.silentdeals.crm.pipedrive;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import tools.jackson.databind.JsonNode;

/**
 * Turns one item of {@code GET /v1/deals/{id}/mailMessages} into an EMAIL touch. Direction: OUTBOUND when
 * Pipedrive marks the message sent ({@code sent_flag}) or its sender is one of the company's Pipedrive users;
 * otherwise the prospect wrote to us, INBOUND. Drafts are not touches. An inbound message is an auto-reply when
 * {@link AutoReplyPatterns} says so.
 */
final class MailReader {

    private MailReader() {
    }

    static Optional<CrmTouch> read(JsonNode item, String dealId, Set<String> ourAddresses) {
        JsonNode message = item.path("data").isObject() ? item.path("data") : item;
        String messageId = PipedriveFields.text(message, "id");
        String name = messageId == null ? "(no id) on deal " + dealId : messageId;
        if (PipedriveFields.flag(message, "draft_flag")) {
            return Optional.empty();
        }
        String time = PipedriveFields.text(message, "message_time");
        if (time == null || time.isBlank()) {
            throw new MalformedRecordException("mail message", name, "it has no message_time");
        }
        Instant at;
        try {
            at = PipedriveFields.instant(time);
        } catch (DateTimeParseException e) {
            throw new MalformedRecordException("mail message", name, "its message_time '" + time + "' is not a date");
        }
        String sender = sender(message);
        boolean fromUs = PipedriveFields.flag(message, "sent_flag")
                || (sender != null && ourAddresses.contains(sender.toLowerCase(Locale.ROOT)));
        if (fromUs) {
            return Optional.of(new CrmTouch(dealId, at, Direction.OUTBOUND, Channel.EMAIL, false));
        }
        boolean autoReply = AutoReplyPatterns.isAutoReply(PipedriveFields.text(message, "subject"), sender);
        return Optional.of(new CrmTouch(dealId, at, Direction.INBOUND, Channel.EMAIL, autoReply));
    }

    private static String sender(JsonNode message) {
        JsonNode from = message.path("from");
        if (from.isArray() && !from.isEmpty()) {
            String address = PipedriveFields.text(from.get(0), "email_address");
            return address == null ? null : address.strip();
        }
        return null;
    }
}
