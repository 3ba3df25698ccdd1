package dev.silentdeals.crm.salesforce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Salesforce REST writes dateTime values as {@code 2025-06-02T09:15:00.000+0000} (UTC, offset without a colon);
 * we also accept ISO-8601 forms. Date-only values are read at noon UTC so the calendar day stays the same in
 * almost every rep's time zone.
 */
final class SalesforceTime {

    private static final DateTimeFormatter SALESFORCE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
            .toFormatter();

    private SalesforceTime() {
    }

    static Instant parseDateTime(String value) {
        try {
            return OffsetDateTime.parse(value.strip(), SALESFORCE).toInstant();
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        }
    }

    static Instant parseDateAtNoon(String value) {
        return LocalDate.parse(value.strip()).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }
}
