package dev.silentdeals.crm.salesforce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** SOQL literals, escaped as the SOQL reference says, so no value can change a query's meaning. */
final class Soql {

    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?");

    private Soql() {
    }

    /** A dateTime literal, unquoted, whole seconds in UTC: {@code 2025-06-02T09:00:00Z} (rounded down). */
    static String dateTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A date literal, unquoted: {@code 2025-06-02}. */
    static String date(LocalDate date) {
        return date.toString();
    }

    /** A quoted string literal with quotes and backslashes escaped. */
    static String quote(String value) {
        return "'" + escape(value) + "'";
    }

    /** A quoted LIKE pattern matching values that contain {@code value} literally. */
    static String containing(String value) {
        return "'%" + escape(value).replace("_", "\\_").replace("%", "\\%") + "%'";
    }

    /** {@code ('id1','id2')}; every id must be a Salesforce record id. */
    static String idList(Collection<String> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("an IN list needs at least one id");
        }
        return ids.stream().map(id -> {
            if (!isRecordId(id)) {
                throw new IllegalArgumentException("not a Salesforce record id: " + id);
            }
            return "'" + id + "'";
        }).collect(Collectors.joining(",", "(", ")"));
    }

    static boolean isRecordId(String value) {
        return value != null && RECORD_ID.matcher(value).matches();
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
