package dev.silentdeals.crm.file;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

import dev.silentdeals.crm.CrmCursor;

/**
 * What the file adapter keeps between passes, inside the port's opaque cursor: a fingerprint of both files'
 * content and the anchor that relative times ({@code now-3d}) were resolved against. Keeping the anchor means a
 * touch written as {@code now-3d} gets the same instant on every pass, so the store's touch dedup keeps working.
 * Format: {@code file:v1;sha256=<hex>;anchor=<ISO instant>}.
 */
record FileCrmCursor(String fingerprint, Instant anchor) {

    private static final String PREFIX = "file:v1;";

    CrmCursor toCrmCursor() {
        return new CrmCursor(PREFIX + "sha256=" + fingerprint + ";anchor=" + anchor);
    }

    /** The cursor this adapter wrote, or empty for the initial cursor and for anything it cannot read. */
    static Optional<FileCrmCursor> from(CrmCursor cursor) {
        if (cursor == null || !cursor.value().startsWith(PREFIX)) {
            return Optional.empty();
        }
        String fingerprint = null;
        Instant anchor = null;
        try {
            for (String part : cursor.value().substring(PREFIX.length()).split(";")) {
                if (part.startsWith("sha256=")) {
                    fingerprint = part.substring("sha256=".length());
                } else if (part.startsWith("anchor=")) {
                    anchor = Instant.parse(part.substring("anchor=".length()));
                }
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return fingerprint == null || anchor == null ? Optional.empty()
                : Optional.of(new FileCrmCursor(fingerprint, anchor));
    }
}
