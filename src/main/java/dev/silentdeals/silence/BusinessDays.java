package dev.silentdeals.silence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Counts working days between two instants as the rep sees them on their calendar. Counting local dates,
 * never 24-hour periods, keeps a DST change or a far-from-UTC zone from shifting the count.
 */
public final class BusinessDays {

    private BusinessDays() {
    }

    /**
     * The number of working dates d (in {@code zone}) with localDate(from) &lt; d &lt;= localDate(to); 0 when
     * {@code to} is not after {@code from}. Runs in constant time whatever the span.
     */
    public static int elapsed(Instant from, Instant to, ZoneId zone, WorkingWeek week) {
        if (!to.isAfter(from)) {
            return 0;
        }
        LocalDate start = from.atZone(zone).toLocalDate();
        LocalDate end = to.atZone(zone).toLocalDate();
        long dates = ChronoUnit.DAYS.between(start, end);
        if (dates <= 0) {
            // same local date, or a zone whose clocks went back over midnight
            return 0;
        }
        long count = (dates / 7) * week.daysPerWeek();
        DayOfWeek day = start.getDayOfWeek();
        for (long i = dates % 7; i > 0; i--) {
            day = day.plus(1);
            if (week.isWorkingDay(day)) {
                count++;
            }
        }
        return (int) Math.min(count, Integer.MAX_VALUE);
    }

    /**
     * The first instant at which {@link #elapsed} from {@code from} reaches {@code days}: the start, in
     * {@code zone}, of the {@code days}-th working date after the local date of {@code from}. A working week
     * with no working day never gets there: then null.
     */
    public static Instant reachedAt(Instant from, int days, ZoneId zone, WorkingWeek week) {
        if (days <= 0) {
            return from;
        }
        if (week.daysPerWeek() == 0) {
            return null;
        }
        LocalDate date = from.atZone(zone).toLocalDate();
        date = date.plusWeeks((days - 1L) / week.daysPerWeek());
        int left = days - (int) ((days - 1L) / week.daysPerWeek()) * week.daysPerWeek();
        while (left > 0) {
            date = date.plusDays(1);
            if (week.isWorkingDay(date.getDayOfWeek())) {
                left--;
            }
        }
        // atStartOfDay finds the first valid local time when a DST gap swallows midnight
        return date.atStartOfDay(zone).toInstant();
    }
}
