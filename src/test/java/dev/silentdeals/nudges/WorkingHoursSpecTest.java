package dev.silentdeals.nudges;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** A rep's own working hours are stored as text and read back the same. */
class WorkingHoursSpecTest {

    @Test
    void window_and_days_read_back_unchanged() {
        WorkingHours hours = WorkingHours.parse("08:30-16:00", "MON,WED-FRI");
        WorkingHours again = WorkingHours.parse(hours.windowSpec(), hours.daysSpec());
        assertThat(again).isEqualTo(hours);
        assertThat(hours.daysSpec()).isEqualTo("MON,WED-FRI");
        assertThat(again.days()).doesNotContain(DayOfWeek.TUESDAY);
    }

    @Test
    void until_midnight_survives_the_round_trip() {
        WorkingHours hours = WorkingHours.parse("20:00-24:00", "MON-SUN");
        assertThat(WorkingHours.parse(hours.windowSpec(), hours.daysSpec()).contain(
                Instant.parse("2026-11-22T23:59:00Z"), ZoneId.of("UTC"))).isTrue();
    }
}
