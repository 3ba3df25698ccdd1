package dev.silentdeals.nudges;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import dev.silentdeals.silence.WorkingWeek;

/**
 * When a rep may receive a nudge: a daily window such as 09:00-17:00 ("24:00" means end of day) on a set
 * of days such as MON-FRI, both in the rep's own time zone.
 */
public record WorkingHours(LocalTime start, LocalTime end, boolean untilMidnight, Set<DayOfWeek> days) {

    public WorkingHours {
        days = Set.copyOf(days);
    }

    public static WorkingHours parse(String window, String days) {
        String[] parts = window.strip().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Working hours must look like 09:00-17:00, got '" + window + "'");
        }
        try {
            LocalTime start = LocalTime.parse(parts[0].strip());
            boolean untilMidnight = "24:00".equals(parts[1].strip());
            LocalTime end = untilMidnight ? LocalTime.MAX : LocalTime.parse(parts[1].strip());
            if (!untilMidnight && !end.isAfter(start)) {
                throw new IllegalArgumentException("Working hours must end after they start: '" + window + "'");
            }
            return new WorkingHours(start, end, untilMidnight, parseDays(days));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("Working hours must look like 09:00-17:00, got '" + window + "'", e);
        }
    }

    /** Whether {@code instant} falls in the window, in {@code zone}. */
    public boolean contain(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        if (!days.contains(local.getDayOfWeek())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return !time.isBefore(start) && (untilMidnight || time.isBefore(end));
    }

    public String describe() {
        return start + "–" + (untilMidnight ? "24:00" : end.toString());
    }

    /** The window as {@link #parse} reads it back, e.g. {@code 09:00-17:00}. */
    public String windowSpec() {
        return start + "-" + (untilMidnight ? "24:00" : end.toString());
    }

    /** The days as {@link #parse} reads them back, e.g. {@code MON-FRI} or {@code MON,WED,FRI}. */
    public String daysSpec() {
        return week().toString();
    }

    /** The working days as a week, for counting business days in the rep's own calendar. */
    public WorkingWeek week() {
        return new WorkingWeek(days);
    }

    static Set<DayOfWeek> parseDays(String text) {
        Set<DayOfWeek> result = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.toUpperCase(Locale.ROOT).split(",")) {
            String[] range = part.strip().split("-");
            DayOfWeek from = day(range[0], text);
            DayOfWeek to = range.length > 1 ? day(range[1], text) : from;
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                result.add(d);
                if (d == to) {
                    break;
                }
            }
        }
        return result;
    }

    private static DayOfWeek day(String name, String whole) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(name.strip()) && name.strip().length() >= 3) {
                return day;
            }
        }
        throw new IllegalArgumentException("Unknown day '" + name + "' in '" + whole + "' (use MON-FRI or MON,WED)");
    }
}
