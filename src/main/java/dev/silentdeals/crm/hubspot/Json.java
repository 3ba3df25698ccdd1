package dev.silentdeals.crm.hubspot;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import tools.jackson.databind.JsonNode;

/** Small, forgiving readers for HubSpot's JSON, where every property value arrives as a string or null. */
final class Json {

    private Json() {
    }

    /** The field as text, or null when it is missing, null or blank. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isMissingNode() || value.isContainer()) {
            return null;
        }
        String text = value.isString() ? value.stringValue() : value.asString();
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The field as text, or {@code ""} when absent. */
    static String textOrEmpty(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? "" : text;
    }

    /**
     * A HubSpot date-time: ISO-8601 ({@code 2025-03-04T10:00:00.123Z}) or epoch milliseconds.
     *
     * @throws IllegalArgumentException when the value is present but unreadable
     */
    static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(value));
            }
            return Instant.parse(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("unreadable date '" + value + "'");
        }
    }

    /**
     * A HubSpot number property, or null when absent.
     *
     * @throws IllegalArgumentException when the value is present but not a number
     */
    static BigDecimal decimal(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unreadable number '" + value + "'");
        }
    }
}
