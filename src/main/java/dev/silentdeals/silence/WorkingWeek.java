package dev.silentdeals.silence;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The days of the week on which a rep works, and therefore on which quiet time is counted. Written as
 * {@code MON-FRI}, {@code MON-SUN}, {@code MON,WED,FRI} or a mix such as {@code MON-WED,FRI}; a range may
 * wrap over the weekend ({@code SUN-THU}) for teams whose week starts on Sunday.
 */
public record WorkingWeek(Set<DayOfWeek> days) {

    private static final WorkingWeek MONDAY_TO_FRIDAY = new WorkingWeek(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    public WorkingWeek {
        Objects.requireNonNull(days, "days");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a working week needs at least one working day");
        }
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    public static WorkingWeek mondayToFriday() {
        return MONDAY_TO_FRIDAY;
    }

    /** Parses {@code MON-FRI}, {@code MON,WED,FRI}, {@code SUN-THU}; case and spaces do not matter. */
    public static WorkingWeek parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    "working week is blank; expected something like MON-FRI or MON,WED,FRI");
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String entry : text.split(",")) {
            String part = entry.strip();
            if (part.isEmpty()) {
                continue; // tolerate a stray comma
            }
            int dash = part.indexOf('-');
            if (dash < 0) {
                days.add(day(part, text));
            } else {
                if (part.substring(0, dash).isBlank() || part.substring(dash + 1).isBlank()) {
                    throw new IllegalArgumentException("range '" + part + "' in working week '" + text
                            + "' needs a day on both sides of '-', e.g. MON-FRI");
                }
                DayOfWeek first = day(part.substring(0, dash), text);
                DayOfWeek last = day(part.substring(dash + 1), text);
                for (DayOfWeek d = first; ; d = d.plus(1)) { // plus(1) wraps SUN to MON
                    days.add(d);
                    if (d == last) {
                        break;
                    }
                }
            }
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException(
                    "working week '" + text + "' names no day; expected something like MON-FRI or MON,WED,FRI");
        }
        return new WorkingWeek(days);
    }

    private static DayOfWeek day(String word, String whole) {
        String key = word.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(key) || d.name().substring(0, 3).equals(key)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown day '" + word.strip() + "' in working week '" + whole
                + "'; use MON, TUE, WED, THU, FRI, SAT or SUN, as a list (MON,WED,FRI) or a range (MON-FRI)");
    }

    public boolean isWorkingDay(DayOfWeek day) {
        return days.contains(day);
    }

    public int daysPerWeek() {
        return days.size();
    }

    /**
     * The fewest consecutive dates that can hold {@code workingDays} working days, over every weekday they
     * might start on: 9 for seven days of a Monday-to-Friday week (a weekend always falls inside).
     */
    public int fewestDatesHolding(int workingDays) {
        if (workingDays <= 0) {
            return 0;
        }
        int fullWeeks = (workingDays - 1) / days.size();
        int rest = workingDays - fullWeeks * days.size();
        int fewest = Integer.MAX_VALUE;
        for (DayOfWeek first : DayOfWeek.values()) {
            int dates = 0;
            int found = 0;
            for (DayOfWeek day = first; found < rest; day = day.plus(1)) {
                dates++;
                if (days.contains(day)) {
                    found++;
                }
            }
            fewest = Math.min(fewest, dates);
        }
        return fullWeeks * 7 + fewest;
    }

    /** The shortest form {@link #parse} reads back, e.g. {@code MON-FRI} or {@code MON,WED,FRI}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        DayOfWeek[] all = DayOfWeek.values();
        int i = 0;
        while (i < all.length) {
            if (!days.contains(all[i])) {
                i++;
                continue;
            }
            int end = i;
            while (end + 1 < all.length && days.contains(all[end + 1])) {
                end++;
            }
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(abbreviation(all[i]));
            if (end > i) {
                out.append('-').append(abbreviation(all[end]));
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static String abbreviation(DayOfWeek day) {
        return day.name().substring(0, 3);
    }
}
