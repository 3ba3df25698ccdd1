package dev.silentdeals.nudges;

import java.time.Instant;
import java.time.ZoneId;

import dev.silentdeals.silence.BusinessDays;
import dev.silentdeals.silence.WorkingWeek;

/**
 * When a nudge gets its one kind reminder: nothing at all was recorded on the episode (no yes, no, reply,
 * nor a "couldn't reach them") for {@code businessDays} of the rep's working days since the nudge.
 */
final class ReminderRule {

    private ReminderRule() {
    }

    static boolean isDue(Instant nudgedAt, int notReachedCount, Instant now, ZoneId zone, WorkingWeek week,
                         int businessDays) {
        if (nudgedAt == null || notReachedCount > 0) {
            return false;
        }
        return BusinessDays.elapsed(nudgedAt, now, zone, week) >= businessDays;
    }
}
