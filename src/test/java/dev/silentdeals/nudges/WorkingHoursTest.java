package dev.silentdeals.nudges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Nudges arrive only in the rep's own working hours, judged in the rep's time zone. */
class WorkingHoursTest {

    final WorkingHours officeHours = WorkingHours.parse("09:00-17:00", "MON-FRI");

    @Test
    void ten_in_the_morning_in_london_is_working_time_and_the_same_instant_in_tokyo_is_evening() {
        Instant wednesday10Utc = Instant.parse("2026-11-18T10:00:00Z");

        assertThat(officeHours.contain(wednesday10Utc, ZoneId.of("Europe/London"))).isTrue();
        assertThat(officeHours.contain(wednesday10Utc, ZoneId.of("Asia/Tokyo"))).isFalse();
    }

    @Test
    void the_window_includes_its_start_and_excludes_its_end() {
        ZoneId utc = ZoneId.of("UTC");
        assertThat(officeHours.contain(Instant.parse("2026-11-18T09:00:00Z"), utc)).isTrue();
        assertThat(officeHours.contain(Instant.parse("2026-11-18T16:59:59Z"), utc)).isTrue();
        assertThat(officeHours.contain(Instant.parse("2026-11-18T17:00:00Z"), utc)).isFalse();
    }

    @Test
    void weekends_are_outside_unless_the_week_says_otherwise() {
        Instant saturdayNoon = Instant.parse("2026-11-21T12:00:00Z");
        assertThat(officeHours.contain(saturdayNoon, ZoneId.of("UTC"))).isFalse();
        assertThat(WorkingHours.parse("00:00-24:00", "MON-SUN").contain(saturdayNoon, ZoneId.of("UTC"))).isTrue();
    }

    @Test
    void a_local_monday_morning_counts_even_when_it_is_still_sunday_in_utc() {
        Instant sunday2130Utc = Instant.parse("2026-11-22T21:30:00Z"); // Monday 10:30 in Auckland
        assertThat(officeHours.contain(sunday2130Utc, ZoneId.of("Pacific/Auckland"))).isTrue();
    }

    @Test
    void malformed_settings_say_what_is_expected() {
        assertThatThrownBy(() -> WorkingHours.parse("9-5", "MON-FRI")).hasMessageContaining("09:00-17:00");
        assertThatThrownBy(() -> WorkingHours.parse("17:00-09:00", "MON-FRI")).hasMessageContaining("end after");
        assertThatThrownBy(() -> WorkingHours.parse("09:00-17:00", "MOON-FRI")).hasMessageContaining("MOON");
    }
}
