package dev.silentdeals.digests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** A team's schedule looked at backwards: where a period ends, and where it starts. */
class CronScheduleTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    final CronSchedule mondays = new CronSchedule("0 0 9 ? * MON", BERLIN);

    @Test
    void the_latest_fire_at_or_before_a_scheduled_time_is_that_time() {
        Instant monday9 = Instant.parse("2025-11-17T08:00:00Z"); // 09:00 in Berlin
        assertThat(mondays.latestAtOrBefore(monday9)).contains(monday9);
        assertThat(mondays.latestAtOrBefore(monday9.plusSeconds(200))).contains(monday9);
        assertThat(mondays.latestAtOrBefore(monday9.minusMillis(1))).contains(Instant.parse("2025-11-10T08:00:00Z"));
    }

    @Test
    void the_fire_before_a_period_end_is_where_the_first_period_starts() {
        assertThat(mondays.previousBefore(Instant.parse("2025-11-17T08:00:00Z")))
                .contains(Instant.parse("2025-11-10T08:00:00Z"));
    }

    @Test
    void times_are_read_in_the_teams_time_zone_across_a_daylight_saving_change() {
        // Berlin left summer time on Sunday 26 October 2025: 09:00 is 07:00Z before, 08:00Z after.
        assertThat(mondays.previousBefore(Instant.parse("2025-10-27T08:00:00Z")))
                .contains(Instant.parse("2025-10-20T07:00:00Z"));
        assertThat(mondays.nextAfter(Instant.parse("2025-10-20T07:00:00Z")))
                .contains(Instant.parse("2025-10-27T08:00:00Z"));
    }

    @Test
    void irregular_schedules_look_back_as_far_as_needed() {
        CronSchedule weekdays = new CronSchedule("0 30 8 ? * MON-FRI", ZoneId.of("UTC"));
        assertThat(weekdays.previousBefore(Instant.parse("2025-11-17T08:30:00Z"))) // Monday → Friday
                .contains(Instant.parse("2025-11-14T08:30:00Z"));
        CronSchedule monthly = new CronSchedule("0 0 9 1 * ?", ZoneId.of("UTC"));
        assertThat(monthly.previousBefore(Instant.parse("2025-11-01T09:00:00Z")))
                .contains(Instant.parse("2025-10-01T09:00:00Z"));
    }

    @Test
    void a_schedule_limited_to_past_years_fires_no_more_but_still_knows_its_last_time() {
        CronSchedule only2025 = new CronSchedule("0 0 9 ? * MON 2025", ZoneId.of("UTC"));
        assertThat(only2025.nextAfter(Instant.parse("2026-01-01T00:00:00Z"))).isEmpty();
        assertThat(only2025.latestAtOrBefore(Instant.parse("2026-06-01T00:00:00Z")))
                .contains(Instant.parse("2025-12-29T09:00:00Z"));
        assertThat(only2025.previousBefore(Instant.parse("2025-01-06T09:00:00Z"))).isEmpty();
    }

    @Test
    void an_invalid_expression_is_refused() {
        assertThatThrownBy(() -> new CronSchedule("every monday", BERLIN)).isInstanceOf(IllegalArgumentException.class);
    }
}
