package dev.silentdeals.crm.file;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
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
        if (text.regionMatches(true, 0, "now", 0, 3)) {
            Matcher relative = RELATIVE.matcher(text);
            if (relative.matches()) {
                return relativeTo(anchor, relative, column, text);
            }
        }
        Instant common = commonIso(text);
        if (common != null) {
            return common;
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

    /**
     * The shape CRMs export, {@code 2026-11-10T09:30:00Z} or with a fraction and/or {@code ±hh:mm}, read
     * without the general parser, which takes most of a large file's sync time otherwise; null for anything
     * else (the general parser then decides, with its own checks).
     */
    static Instant commonIso(String text) {
        int n = text.length();
        if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (text.charAt(i) == '.') {
            int start = ++i;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
            int length = i - start;
            if (length == 0 || length > 9) {
                return null;
            }
            nanos = digits(text, start, length);
            for (int pad = length; pad < 9; pad++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && text.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (text.charAt(i) == '+' || text.charAt(i) == '-') && text.charAt(i + 3) == ':') {
            int hours = digits(text, i + 1, 2);
            int minutes = digits(text, i + 4, 2);
            if (hours < 0 || hours > 17 || minutes < 0 || minutes > 59) {
                return null;
            }
            offsetSeconds = (text.charAt(i) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return null;
        }
        long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second
                - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** The non-negative number written by {@code length} ASCII digits at {@code from}, or -1. */
    private static int digits(String text, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
