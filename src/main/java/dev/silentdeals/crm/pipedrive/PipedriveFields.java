package dev.silentdeals.crm.pipedrive;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;

import tools.jackson.databind.JsonNode;

/**
 * Reading Pipedrive's JSON leniently where it varies between API v1 and v2: ids and flags arrive as numbers,
 * booleans or strings, and timestamps as RFC 3339 (v2) or {@code yyyy-MM-dd HH:mm:ss} in UTC (v1).
 */
final class PipedriveFields {

    private static final DateTimeFormatter V1_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private PipedriveFields() {
    }

    /** The field as text, or null when it is absent, null or not a scalar. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asString();
        }
        return null;
    }

    static boolean hasText(JsonNode node, String field) {
        String value = text(node, field);
        return value != null && !value.isBlank();
    }

    /** A positive numeric id, whether sent as a number or a string. */
    static OptionalLong id(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isIntegralNumber()) {
            long id = value.asLong();
            return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
        }
        if (value.isString()) {
            try {
                long id = Long.parseLong(value.stringValue().strip());
                return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /** A count from {@code include_fields}; -1 when Pipedrive did not send it, so callers fetch to be safe. */
    static long count(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isIntegralNumber() ? value.asLong() : -1;
    }

    /** Pipedrive flags are {@code true}/{@code false} in v2 and {@code 1}/{@code 0} in v1. */
    static boolean flag(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            return value.asInt() != 0;
        }
        if (value.isString()) {
            String text = value.stringValue().strip();
            return "1".equals(text) || "true".equalsIgnoreCase(text);
        }
        return false;
    }

    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isString()) {
            try {
                return new BigDecimal(value.stringValue().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Parses RFC 3339 (API v2) or {@code yyyy-MM-dd HH:mm:ss} taken as UTC (API v1). */
    static Instant instant(String text) {
        String trimmed = text.strip();
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(trimmed, Instant::from);
        } catch (DateTimeParseException notRfc3339) {
            return LocalDateTime.parse(trimmed, V1_TIMESTAMP).toInstant(ZoneOffset.UTC);
        }
    }

    /** The RFC 3339 form Pipedrive's {@code updated_since} filters expect, e.g. 2025-01-01T10:20:00Z. */
    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
