package dev.silentdeals.crm.file;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import dev.silentdeals.crm.CrmCursor;

/**
 * What the file adapter keeps between pages and passes, inside the port's opaque cursor: a fingerprint of both
 * files' content as the last whole pass read them, the anchor that relative times ({@code now-3d}) were resolved
 * against, and, in the middle of a pass, where the next page starts. Keeping the anchor means a touch written as
 * {@code now-3d} gets the same instant on every pass, so the store's touch dedup keeps working.
 * <p>Between passes: {@code file:v1;sha256=<hex>;anchor=<ISO instant>}. In a pass, after these (the fingerprint
 * empty before the first whole pass): {@code ;pass=<id>;at=<deals|touches>:<byte offset>:<line>;
 * stamp=<deals stamp>,<touches stamp>;read=<deals>.<touches>.<skipped>}, the running totals being for the
 * pass's closing log line.
 */
record FileCrmCursor(String fingerprint, Instant anchor, Position position) {

    private static final String PREFIX = "file:v1;";

    enum File { DEALS, TOUCHES }

    /** Where the next page of a pass starts, and what the pass has read so far. */
    record Position(String pass, File file, long offset, int line, String stamp, long deals, long touches,
                    long skipped) {

        Position advancedTo(File nextFile, long nextOffset, int nextLine, long moreDeals, long moreTouches,
                            long moreSkipped) {
            return new Position(pass, nextFile, nextOffset, nextLine, stamp, deals + moreDeals,
                    touches + moreTouches, skipped + moreSkipped);
        }
    }

    FileCrmCursor(String fingerprint, Instant anchor) {
        this(fingerprint, anchor, null);
    }

    CrmCursor toCrmCursor() {
        String between = PREFIX + "sha256=" + (fingerprint == null ? "" : fingerprint) + ";anchor=" + anchor;
        if (position == null) {
            return new CrmCursor(between);
        }
        return new CrmCursor(between + ";pass=" + position.pass()
                + ";at=" + position.file().name().toLowerCase(Locale.ROOT) + ":" + position.offset()
                + ":" + position.line()
                + ";stamp=" + position.stamp()
                + ";read=" + position.deals() + "." + position.touches() + "." + position.skipped());
    }

    /** The cursor this adapter wrote, or empty for the initial cursor and for anything it cannot read. */
    static Optional<FileCrmCursor> from(CrmCursor cursor) {
        if (cursor == null || !cursor.value().startsWith(PREFIX)) {
            return Optional.empty();
        }
        String fingerprint = null;
        Instant anchor = null;
        String pass = null;
        String at = null;
        String stamp = null;
        String read = null;
        try {
            for (String part : cursor.value().substring(PREFIX.length()).split(";")) {
                int equals = part.indexOf('=');
                String value = equals < 0 ? "" : part.substring(equals + 1);
                switch (equals < 0 ? part : part.substring(0, equals)) {
                    case "sha256" -> fingerprint = value.isEmpty() ? null : value;
                    case "anchor" -> anchor = Instant.parse(value);
                    case "pass" -> pass = value;
                    case "at" -> at = value;
                    case "stamp" -> stamp = value;
                    case "read" -> read = value;
                    default -> {
                    }
                }
            }
            if (anchor == null) {
                return Optional.empty();
            }
            if (pass == null) {
                return fingerprint == null ? Optional.empty() : Optional.of(new FileCrmCursor(fingerprint, anchor));
            }
            if (at == null || stamp == null || read == null) {
                return Optional.empty();
            }
            String[] where = at.split(":");
            String[] totals = read.split("\\.");
            Position position = new Position(pass, File.valueOf(where[0].toUpperCase(Locale.ROOT)),
                    Long.parseLong(where[1]), Integer.parseInt(where[2]), stamp, Long.parseLong(totals[0]),
                    Long.parseLong(totals[1]), Long.parseLong(totals[2]));
            return Optional.of(new FileCrmCursor(fingerprint, anchor, position));
        } catch (DateTimeException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
