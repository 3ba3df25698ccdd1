package dev.silentdeals.silence;

import static dev.silentdeals.silence.SilenceFixtures.BERLIN;
import static dev.silentdeals.silence.SilenceFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BusinessDaysTest {

    private static final WorkingWeek MON_FRI = WorkingWeek.mondayToFriday();
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static int elapsed(Instant from, Instant to, ZoneId zone) {
        return BusinessDays.elapsed(from, to, zone, MON_FRI);
    }

    @Test
    void weekends_do_not_count() {
        assertThat(elapsed(at("2025-06-13T10:00", BERLIN), at("2025-06-16T10:00", BERLIN), BERLIN)).isEqualTo(1);
    }

    @Test
    void a_calendar_week_is_five_business_days() {
        assertThat(elapsed(at("2025-06-02T10:00", BERLIN), at("2025-06-09T10:00", BERLIN), BERLIN)).isEqualTo(5);
    }

    @Test
    void the_same_local_date_counts_nothing() {
        assertThat(elapsed(at("2025-06-02T08:00", BERLIN), at("2025-06-02T23:59", BERLIN), BERLIN)).isZero();
    }

    @Test
    void a_new_date_counts_from_just_after_midnight() {
        assertThat(elapsed(at("2025-06-02T23:59", BERLIN), at("2025-06-03T00:01", BERLIN), BERLIN)).isEqualTo(1);
    }

    @Test
    void nothing_has_elapsed_when_to_is_not_after_from() {
        Instant monday = at("2025-06-02T10:00", BERLIN);
        Instant friday = at("2025-06-06T10:00", BERLIN);
        assertThat(elapsed(friday, monday, BERLIN)).isZero();
        assertThat(elapsed(monday, monday, BERLIN)).isZero();
    }

    @Test
    void other_working_weeks_count_their_own_days() {
        Instant friday = at("2025-06-13T10:00", BERLIN);
        Instant nextFriday = at("2025-06-20T10:00", BERLIN);
        assertThat(BusinessDays.elapsed(friday, nextFriday, BERLIN, WorkingWeek.parse("MON-SAT"))).isEqualTo(6);
        assertThat(BusinessDays.elapsed(friday, nextFriday, BERLIN, WorkingWeek.parse("SUN-THU"))).isEqualTo(5);
        assertThat(BusinessDays.elapsed(friday, nextFriday, BERLIN, WorkingWeek.parse("MON-SUN"))).isEqualTo(7);
    }

    @Test
    void clocks_going_forward_in_berlin_at_the_end_of_march_do_not_shift_the_count() {
        // Fri 28 Mar 23:30 CET to Fri 4 Apr 00:30 CEST; the clocks jumped on Sunday 30 March
        Instant reply = at("2025-03-28T23:30", BERLIN);
        Instant now = at("2025-04-04T00:30", BERLIN);
        assertThat(elapsed(reply, now, BERLIN)).isEqualTo(5);
        assertThat(elapsed(reply, now, ZoneOffset.UTC)).as("counted on UTC dates instead").isEqualTo(4);
    }

    @Test
    void clocks_going_back_in_berlin_at_the_end_of_october_do_not_shift_the_count() {
        // Fri 24 Oct 23:30 CEST to Mon 3 Nov 00:15 CET; the clocks went back on Sunday 26 October
        Instant reply = at("2025-10-24T23:30", BERLIN);
        Instant now = at("2025-11-03T00:15", BERLIN);
        assertThat(elapsed(reply, now, BERLIN)).isEqualTo(6);
        assertThat(elapsed(reply, now, ZoneOffset.UTC)).as("counted on UTC dates instead").isEqualTo(5);
    }

    @Test
    void clocks_going_forward_in_new_york_in_march_do_not_shift_the_count() {
        // Thu 6 Mar 21:00 EST (already Friday in UTC) to Thu 13 Mar 10:00 EDT; clocks jumped on 9 March
        Instant reply = at("2025-03-06T21:00", NEW_YORK);
        Instant now = at("2025-03-13T10:00", NEW_YORK);
        assertThat(elapsed(reply, now, NEW_YORK)).isEqualTo(5);
        assertThat(elapsed(reply, now, ZoneOffset.UTC)).as("counted on UTC dates instead").isEqualTo(4);
    }

    @Test
    void clocks_going_back_in_new_york_in_november_do_not_shift_the_count() {
        // Thu 30 Oct 21:00 EDT to Thu 6 Nov 10:00 EST; clocks went back on 2 November
        Instant reply = at("2025-10-30T21:00", NEW_YORK);
        Instant now = at("2025-11-06T10:00", NEW_YORK);
        assertThat(elapsed(reply, now, NEW_YORK)).isEqualTo(5);
        assertThat(elapsed(reply, now, ZoneOffset.UTC)).as("counted on UTC dates instead").isEqualTo(4);
    }

    @Test
    void in_auckland_summer_the_local_monday_is_still_sunday_in_utc() {
        ZoneId auckland = ZoneId.of("Pacific/Auckland"); // UTC+13 in January
        Instant reply = at("2025-01-06T10:00", auckland); // Sun 5 Jan 21:00 UTC
        Instant now = at("2025-01-13T15:00", auckland); // Mon 13 Jan 02:00 UTC
        assertThat(elapsed(reply, now, auckland)).isEqualTo(5);
        assertThat(elapsed(reply, now, ZoneOffset.UTC)).as("counted on UTC dates instead").isEqualTo(6);
    }

    @Test
    void in_kiritimati_at_utc_plus_14_a_monday_morning_is_sunday_in_utc() {
        ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
        Instant reply = at("2025-06-02T15:00", kiritimati); // Mon 01:00 UTC
        Instant now = at("2025-06-09T09:00", kiritimati); // Sun 8 Jun 19:00 UTC
        assertThat(elapsed(reply, now, kiritimati)).isEqualTo(5);
        assertThat(elapsed(reply, now, ZoneOffset.UTC)).as("counted on UTC dates instead").isEqualTo(4);
    }

    @Test
    void in_pago_pago_at_utc_minus_11_a_monday_afternoon_is_tuesday_in_utc() {
        ZoneId pagoPago = ZoneId.of("Pacific/Pago_Pago");
        Instant reply = at("2025-06-13T20:00", pagoPago); // Sat 14 Jun 07:00 UTC
        Instant now = at("2025-06-16T14:00", pagoPago); // Tue 17 Jun 01:00 UTC
        assertThat(elapsed(reply, now, pagoPago)).isEqualTo(1);
        assertThat(elapsed(reply, now, ZoneOffset.UTC)).as("counted on UTC dates instead").isEqualTo(2);
    }

    @Test
    void a_placeholder_date_in_year_one_still_gives_the_exact_count() {
        Instant placeholder = Instant.parse("0001-01-01T00:00:00Z");
        Instant now = at("2025-06-02T10:00", BERLIN);
        assertThat(elapsed(placeholder, now, BERLIN)).isEqualTo(naiveCount(placeholder, now, BERLIN, MON_FRI));
    }

    @Test
    void spans_up_to_three_years_match_a_day_by_day_count_in_any_zone_and_working_week() {
        Random random = new Random(20250602L);
        List<ZoneId> zones = new ArrayList<>();
        ZoneId.getAvailableZoneIds().stream().sorted().forEach(id -> zones.add(ZoneId.of(id)));
        Instant base = Instant.parse("2019-01-01T00:00:00Z");
        long eightYears = Duration.ofDays(8 * 365).toSeconds();
        long threeYears = Duration.ofDays(3 * 365 + 2).toSeconds();
        long tenDays = Duration.ofDays(10).toSeconds();

        for (int i = 0; i < 4000; i++) {
            ZoneId zone = zones.get(random.nextInt(zones.size()));
            WorkingWeek week = randomWeek(random);
            Instant from = base.plusSeconds((long) (random.nextDouble() * eightYears));
            // half the spans are short, where date boundaries and weekends matter most
            long span = i % 2 == 0 ? (long) (random.nextDouble() * threeYears) : (long) (random.nextDouble() * tenDays);
            if (i % 10 == 0) {
                span = -span;
            }
            Instant to = from.plusSeconds(span);

            assertThat(BusinessDays.elapsed(from, to, zone, week))
                    .as("from %s to %s in %s on %s", from, to, zone, week)
                    .isEqualTo(naiveCount(from, to, zone, week));
        }
    }

    @Test
    void seven_quiet_days_from_a_friday_reply_are_reached_as_the_second_tuesday_begins_for_the_rep() {
        Instant reply = at("2025-06-13T10:00", BERLIN);

        assertThat(BusinessDays.reachedAt(reply, 7, BERLIN, MON_FRI)).isEqualTo(at("2025-06-24T00:00", BERLIN));
    }

    @Test
    void the_instant_a_count_is_reached_is_the_first_at_which_elapsed_gives_it_in_any_zone_and_working_week() {
        Random random = new Random(20261122L);
        List<ZoneId> zones = new ArrayList<>();
        ZoneId.getAvailableZoneIds().stream().sorted().forEach(id -> zones.add(ZoneId.of(id)));
        Instant base = Instant.parse("2019-01-01T00:00:00Z");
        long eightYears = Duration.ofDays(8 * 365).toSeconds();

        for (int i = 0; i < 4000; i++) {
            ZoneId zone = zones.get(random.nextInt(zones.size()));
            WorkingWeek week = randomWeek(random);
            Instant from = base.plusSeconds((long) (random.nextDouble() * eightYears));
            int days = 1 + random.nextInt(40);

            Instant reached = BusinessDays.reachedAt(from, days, zone, week);

            assertThat(BusinessDays.elapsed(from, reached, zone, week))
                    .as("at %s, from %s, %d days in %s on %s", reached, from, days, zone, week).isEqualTo(days);
            assertThat(BusinessDays.elapsed(from, reached.minusMillis(1), zone, week))
                    .as("just before %s, from %s, %d days in %s on %s", reached, from, days, zone, week)
                    .isLessThan(days);
        }
    }

    private static WorkingWeek randomWeek(Random random) {
        int mask = 1 + random.nextInt(127);
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if ((mask & (1 << day.ordinal())) != 0) {
                days.add(day);
            }
        }
        return new WorkingWeek(days);
    }

    /** The definition, day by day: working dates d with localDate(from) < d <= localDate(to). */
    private static int naiveCount(Instant from, Instant to, ZoneId zone, WorkingWeek week) {
        if (!to.isAfter(from)) {
            return 0;
        }
        LocalDate last = to.atZone(zone).toLocalDate();
        int count = 0;
        for (LocalDate d = from.atZone(zone).toLocalDate().plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            if (week.days().contains(d.getDayOfWeek())) {
                count++;
            }
        }
        return count;
    }
}
