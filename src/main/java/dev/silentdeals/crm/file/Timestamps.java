package dev.silentdeals.crm.file;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a timestamp cell: ISO-8601 with an offset ({@code 2026-11-10T09:30:00+01:00}, {@code ...Z}) or a time
 * relative to an anchor ({@code now}, {@code now-12d}, {@code now-3d4h}, {@code now+2d}, {@code now-90m};
 * units d, h, m in that order, case-insensitive). Relative times keep the bundled sample meaningful on any date.
 */
final class Timestamps {

    private static final Pattern RELATIVE = Pattern.compile(
            "now(?:([+-])(?=\\d)(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?)?", Pattern.CASE_INSENSITIVE);

    private Timestamps() {
    }

    static Instant parse(String column, String text, Instant anchor) {
        if (text.isEmpty()) {
            throw new MalformedRow(column + " is empty");
        }
        Matcher relative = RELATIVE.matcher(text);
        if (relative.matches()) {
            return relativeTo(anchor, relative, column, text);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new MalformedRow(column + " '" + text + "' is not an ISO-8601 time with offset"
                    + " (e.g. 2026-11-10T09:30:00+01:00) nor a relative time (e.g. now-3d4h)");
        }
    }

    private static Instant relativeTo(Instant anchor, Matcher relative, String column, String text) {
        if (relative.group(1) == null) {
            return anchor;
        }
        try {
            Duration offset = Duration.ofDays(number(relative.group(2)))
                    .plusHours(number(relative.group(3)))
                    .plusMinutes(number(relative.group(4)));
            return "-".equals(relative.group(1)) ? anchor.minus(offset) : anchor.plus(offset);
        } catch (ArithmeticException | DateTimeException | NumberFormatException e) {
            throw new MalformedRow(column + " '" + text + "' is out of range");
        }
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
