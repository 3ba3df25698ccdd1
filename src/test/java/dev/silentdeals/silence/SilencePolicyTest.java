package dev.silentdeals.silence;

import static dev.silentdeals.silence.SilenceFixtures.BERLIN;
import static dev.silentdeals.silence.SilenceFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SilencePolicyTest {

    @Test
    void the_defaults_are_seven_quiet_business_days_two_follow_ups_monday_to_friday() {
        SilencePolicy policy = SilencePolicy.defaults();
        assertThat(policy.quietBusinessDays()).isEqualTo(7);
        assertThat(policy.minFollowUps()).isEqualTo(2);
        assertThat(policy.workingWeek()).isEqualTo(WorkingWeek.parse("MON-FRI"));
        assertThat(policy.stageQuietBusinessDays()).isEmpty();
    }

    @Test
    void a_stage_override_applies_whatever_the_case_of_the_stage_name() {
        SilencePolicy policy = new SilencePolicy(7, 2, Map.of("Negotiation", 5), null);
        assertThat(policy.quietDaysFor("Negotiation")).isEqualTo(5);
        assertThat(policy.quietDaysFor(" NEGOTIATION ")).isEqualTo(5);
    }

    @Test
    void a_stage_without_override_or_without_a_name_uses_the_default() {
        SilencePolicy policy = new SilencePolicy(7, 2, Map.of("Negotiation", 5), null);
        assertThat(policy.quietDaysFor("Proposal")).isEqualTo(7);
        assertThat(policy.quietDaysFor("")).isEqualTo(7);
        assertThat(policy.quietDaysFor(null)).isEqualTo(7);
    }

    @Test
    void the_smallest_threshold_is_the_lowest_of_the_default_and_every_override() {
        assertThat(new SilencePolicy(7, 2, Map.of("Negotiation", 5, "Proposal", 10), null).smallestQuietDays()).isEqualTo(5);
        assertThat(new SilencePolicy(7, 2, Map.of("Proposal", 10), null).smallestQuietDays()).isEqualTo(7);
        assertThat(SilencePolicy.defaults().smallestQuietDays()).isEqualTo(7);
    }

    @Test
    void stage_overrides_parse_in_the_order_given() {
        assertThat(SilencePolicy.parseStageOverrides("Negotiation=5,Proposal=10"))
                .containsExactly(entry("Negotiation", 5), entry("Proposal", 10));
    }

    @Test
    void stage_names_may_hold_spaces_and_entries_may_be_padded() {
        assertThat(SilencePolicy.parseStageOverrides(" Contract Sent = 4 , Proposal=10,"))
                .containsExactly(entry("Contract Sent", 4), entry("Proposal", 10));
    }

    @Test
    void blank_stage_overrides_are_none() {
        assertThat(SilencePolicy.parseStageOverrides("")).isEmpty();
        assertThat(SilencePolicy.parseStageOverrides("   ")).isEmpty();
        assertThat(SilencePolicy.parseStageOverrides(null)).isEmpty();
    }

    @Test
    void an_override_without_equals_sign_is_named_in_the_error() {
        assertThatThrownBy(() -> SilencePolicy.parseStageOverrides("Negotiation=5,Proposal"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Proposal'");
    }

    @Test
    void an_override_that_is_not_a_number_is_named_in_the_error() {
        assertThatThrownBy(() -> SilencePolicy.parseStageOverrides("Negotiation=five"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Negotiation=five'").hasMessageContaining("whole number");
    }

    @Test
    void an_override_of_zero_days_is_rejected() {
        assertThatThrownBy(() -> SilencePolicy.parseStageOverrides("Negotiation=0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Negotiation=0'");
    }

    @Test
    void an_override_without_a_stage_name_is_rejected() {
        assertThatThrownBy(() -> SilencePolicy.parseStageOverrides("=5"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'=5'").hasMessageContaining("stage name");
    }

    @Test
    void a_stage_given_twice_in_any_case_is_rejected() {
        assertThatThrownBy(() -> SilencePolicy.parseStageOverrides("Negotiation=5,negotiation=6"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'negotiation=6'").hasMessageContaining("'Negotiation' is already given");
    }

    @Test
    void a_policy_needs_at_least_one_quiet_day_and_no_negative_follow_ups() {
        assertThatThrownBy(() -> new SilencePolicy(0, 2, Map.of(), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quiet business days");
        assertThatThrownBy(() -> new SilencePolicy(7, -1, Map.of(), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("follow-ups");
        assertThatThrownBy(() -> new SilencePolicy(7, 2, Map.of("Proposal", 0), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Proposal'");
    }

    @Test
    void a_calendar_cutoff_of_exactly_the_threshold_would_miss_a_late_evening_reply() {
        SilencePolicy policy = new SilencePolicy(3, 2, Map.of(), null);
        Instant reply = at("2025-06-02T23:30", BERLIN); // Monday night
        Instant now = at("2025-06-05T00:30", BERLIN); // Thursday just after midnight: 2 days 1 hour later

        assertThat(BusinessDays.elapsed(reply, now, BERLIN, policy.workingWeek())).isEqualTo(3);
        assertThat(reply).as("newer than now minus 3 calendar days").isAfter(now.minus(Duration.ofDays(3)));
        assertThat(reply).isBefore(policy.newestPossiblySilentReply(now));
    }

    @Test
    void no_reply_at_or_after_the_pre_filter_cutoff_can_be_quiet_long_enough_in_any_zone() {
        Random random = new Random(7L);
        List<ZoneId> zones = new ArrayList<>();
        ZoneId.getAvailableZoneIds().stream().sorted().forEach(id -> zones.add(ZoneId.of(id)));
        for (int i = 0; i < 3000; i++) {
            int threshold = 1 + random.nextInt(10);
            SilencePolicy policy = new SilencePolicy(threshold, 2, Map.of(), WorkingWeek.parse("MON-SUN"));
            ZoneId zone = zones.get(random.nextInt(zones.size()));
            Instant now = Instant.parse("2011-01-01T00:00:00Z").plusSeconds(random.nextInt(15 * 365 * 86_400));
            Instant reply = policy.newestPossiblySilentReply(now).plusSeconds(random.nextInt(3 * 86_400));

            assertThat(BusinessDays.elapsed(reply, now, zone, policy.workingWeek()))
                    .as("reply %s, now %s in %s", reply, now, zone)
                    .isLessThan(threshold);
        }
    }

    @Test
    void the_pre_filter_cutoff_holds_even_across_the_day_samoa_skipped() {
        ZoneId apia = ZoneId.of("Pacific/Apia"); // went from UTC-10 to UTC+14: 30 December 2011 never happened
        Instant skipped = Instant.parse("2011-12-30T10:00:00Z");
        for (int threshold = 1; threshold <= 4; threshold++) {
            SilencePolicy policy = new SilencePolicy(threshold, 2, Map.of(), WorkingWeek.parse("MON-SUN"));
            for (long minutes = -3 * 24 * 60; minutes <= 3 * 24 * 60; minutes += 15) {
                Instant now = skipped.plus(Duration.ofMinutes(minutes));
                Instant reply = policy.newestPossiblySilentReply(now);
                assertThat(BusinessDays.elapsed(reply, now, apia, policy.workingWeek()))
                        .as("threshold %d, reply %s, now %s", threshold, reply, now)
                        .isLessThan(threshold);
            }
        }
    }

    @Test
    void with_weekends_off_the_pre_filter_cutoff_lies_as_many_dates_back_as_the_quiet_days_must_span() {
        Instant now = Instant.parse("2026-11-18T10:00:00Z");
        Instant cutoff = SilencePolicy.defaults().newestPossiblySilentReply(now);
        // 7 Monday-to-Friday days span 9 dates: 8 days back, plus the day-boundary and offset margin
        assertThat(cutoff).isEqualTo(now.minus(Duration.ofDays(8)).plus(Duration.ofHours(26)));
    }

    @Test
    void no_reply_after_the_pre_filter_cutoff_can_be_quiet_long_enough_in_any_working_week_or_zone() {
        Random random = new Random(11L);
        List<ZoneId> zones = new ArrayList<>();
        ZoneId.getAvailableZoneIds().stream().sorted().forEach(id -> zones.add(ZoneId.of(id)));
        List<String> weeks = List.of("MON-FRI", "SUN-THU", "MON,WED,FRI", "TUE-SAT", "MON-SAT", "SAT", "MON-SUN");
        for (int i = 0; i < 5000; i++) {
            int threshold = 1 + random.nextInt(15);
            WorkingWeek week = WorkingWeek.parse(weeks.get(random.nextInt(weeks.size())));
            SilencePolicy policy = new SilencePolicy(threshold, 2, Map.of(), week);
            ZoneId zone = zones.get(random.nextInt(zones.size()));
            Instant now = Instant.parse("2011-01-01T00:00:00Z").plusSeconds(random.nextInt(15 * 365 * 86_400));
            Instant reply = policy.newestPossiblySilentReply(now).plusSeconds(1 + random.nextInt(4 * 86_400));

            assertThat(BusinessDays.elapsed(reply, now, zone, week))
                    .as("%s, reply %s, now %s in %s", week, reply, now, zone)
                    .isLessThan(threshold);
        }
    }
}
