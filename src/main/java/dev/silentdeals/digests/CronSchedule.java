package dev.silentdeals.digests;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;

import org.quartz.CronExpression;

/**
 * A team's digest schedule: a Quartz cron expression read in the team's time zone. Quartz only looks
 * forward; digests also need to look back (the latest fire at or before a moment is a period's end,
 * the fire before that its start), so this class adds that.
 */
final class CronSchedule {

    private static final Duration FIRST_WINDOW = Duration.ofMinutes(1);
    private static final Duration LONGEST_LOOK_BACK = Duration.ofDays(366 * 5);

    private final String expression;
    private final ZoneId zone;

    CronSchedule(String expression, ZoneId zone) {
        if (!CronExpression.isValidExpression(expression)) {
            throw new IllegalArgumentException("not a Quartz cron expression: " + expression);
        }
        this.expression = expression;
        this.zone = zone;
    }

    /** The first fire strictly after {@code instant}, if the schedule fires again. */
    Optional<Instant> nextAfter(Instant instant) {
        Date next = cron().getTimeAfter(Date.from(instant));
        return Optional.ofNullable(next).map(Date::toInstant);
    }

    /** The latest fire strictly before {@code limit}. */
    Optional<Instant> previousBefore(Instant limit) {
        CronExpression cron = cron();
        Duration window = FIRST_WINDOW;
        while (window.compareTo(LONGEST_LOOK_BACK) <= 0) {
            Instant last = null;
            Date fire = cron.getTimeAfter(Date.from(limit.minus(window).minusMillis(1)));
            while (fire != null && fire.toInstant().isBefore(limit)) {
                last = fire.toInstant();
                fire = cron.getTimeAfter(fire);
            }
            if (last != null) {
                return Optional.of(last);
            }
            // Nothing in this window: look twice as far back. Windows stay near the schedule's own gap,
            // so the inner loop walks a handful of fires even for a schedule that fires every minute.
            window = window.multipliedBy(2);
        }
        return Optional.empty();
    }

    /** The latest fire at or before {@code instant}: the end of the period a fire at {@code instant} covers. */
    Optional<Instant> latestAtOrBefore(Instant instant) {
        return previousBefore(instant.plusMillis(1));
    }

    private CronExpression cron() {
        // A fresh expression per use: CronExpression keeps mutable state and is not meant to be shared.
        try {
            CronExpression cron = new CronExpression(expression);
            cron.setTimeZone(TimeZone.getTimeZone(zone));
            return cron;
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a Quartz cron expression: " + expression, e);
        }
    }
}
