package dev.silentdeals.digests;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.silentdeals.truth.Outcome;
import dev.silentdeals.truth.Truth;

/**
 * YES and NO truths per week for the chart, oldest first. The weeks end where the digest's period ends
 * (the last week is the seven days up to the digest), so with a weekly schedule each bar is one digest's
 * week; they are counted in the team's time zone, so a daylight-saving change never splits a week.
 */
public record WeeklyTruths(List<Week> weeks) {

    public static final int WEEKS = 8;

    public WeeklyTruths {
        weeks = List.copyOf(weeks);
    }

    /** The seven days from {@code start} (the team's local date the week begins on). */
    public record Week(LocalDate start, int yes, int no) {
    }

    /** The first instant the chart counts for a period ending at {@code end}. */
    static Instant windowStart(Instant end, ZoneId zone, int weeks) {
        return end.atZone(zone).minusWeeks(weeks).toInstant();
    }

    static WeeklyTruths of(Collection<Truth> truths, Instant end, ZoneId zone, int weeks) {
        ZonedDateTime last = end.atZone(zone);
        Instant[] bounds = new Instant[weeks + 1];
        for (int i = 0; i <= weeks; i++) {
            bounds[i] = last.minusWeeks(weeks - i).toInstant();
        }
        int[] yes = new int[weeks];
        int[] no = new int[weeks];
        for (Truth truth : truths) {
            if (!truth.outcome().isConversation()) {
                continue;
            }
            for (int i = 0; i < weeks; i++) {
                if (!truth.recordedAt().isBefore(bounds[i]) && truth.recordedAt().isBefore(bounds[i + 1])) {
                    if (truth.outcome() == Outcome.YES) {
                        yes[i]++;
                    } else {
                        no[i]++;
                    }
                }
            }
        }
        List<Week> result = new ArrayList<>(weeks);
        for (int i = 0; i < weeks; i++) {
            result.add(new Week(LocalDate.ofInstant(bounds[i], zone), yes[i], no[i]));
        }
        return new WeeklyTruths(result);
    }
}
