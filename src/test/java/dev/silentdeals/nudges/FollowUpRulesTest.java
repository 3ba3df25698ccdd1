package dev.silentdeals.nudges;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import dev.silentdeals.deals.Touch;
import dev.silentdeals.silence.WorkingWeek;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The step-back and the reminder: when each is due. */
class FollowUpRulesTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Wednesday 18 November 2026, 10:00 in London. */
    static final Instant NUDGED = Instant.parse("2026-11-18T10:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-19T10:00:00Z");

    @Nested
    class StepBack {

        @Test
        void is_due_when_an_email_went_out_after_the_nudge() {
            assertThat(StepBackRule.isDue(NUDGED, List.of(email(NUDGED.plusSeconds(3600))), 0, NOW)).isTrue();
        }

        @Test
        void is_not_due_for_follow_ups_sent_before_the_nudge() {
            assertThat(StepBackRule.isDue(NUDGED, List.of(email(NUDGED.minusSeconds(60))), 0, NOW)).isFalse();
        }

        @Test
        void a_call_after_the_nudge_is_what_we_asked_for_not_a_follow_up() {
            Touch call = new Touch(NUDGED.plusSeconds(3600), Direction.OUTBOUND, Channel.CALL, false);
            Touch note = new Touch(NUDGED.plusSeconds(3600), Direction.OUTBOUND, Channel.NOTE, false);
            assertThat(StepBackRule.isDue(NUDGED, List.of(call, note), 0, NOW)).isFalse();
        }

        @Test
        void an_automatic_email_does_not_count() {
            Touch auto = new Touch(NUDGED.plusSeconds(3600), Direction.OUTBOUND, Channel.EMAIL, true);
            assertThat(StepBackRule.isDue(NUDGED, List.of(auto), 0, NOW)).isFalse();
        }

        @Test
        void after_two_calls_that_did_not_connect_the_email_is_one_of_our_versions() {
            assertThat(StepBackRule.isDue(NUDGED, List.of(email(NUDGED.plusSeconds(3600))), 1, NOW)).isTrue();
            assertThat(StepBackRule.isDue(NUDGED, List.of(email(NUDGED.plusSeconds(3600))), 2, NOW)).isFalse();
        }

        @Test
        void touches_dated_in_the_future_wait_until_they_happen() {
            assertThat(StepBackRule.isDue(NUDGED, List.of(email(NOW.plusSeconds(60))), 0, NOW)).isFalse();
        }

        @Test
        void nothing_is_due_before_a_nudge() {
            assertThat(StepBackRule.isDue(null, List.of(email(NOW)), 0, NOW)).isFalse();
        }
    }

    @Nested
    class Reminder {

        final WorkingWeek week = WorkingWeek.mondayToFriday();

        @Test
        void is_due_after_three_of_the_reps_business_days_without_any_truth() {
            assertThat(ReminderRule.isDue(NUDGED, 0, Instant.parse("2026-11-20T10:00:00Z"), LONDON, week, 3))
                    .as("Friday: two business days").isFalse();
            assertThat(ReminderRule.isDue(NUDGED, 0, Instant.parse("2026-11-22T10:00:00Z"), LONDON, week, 3))
                    .as("Sunday: still two").isFalse();
            assertThat(ReminderRule.isDue(NUDGED, 0, Instant.parse("2026-11-23T08:00:00Z"), LONDON, week, 3))
                    .as("Monday: three").isTrue();
        }

        @Test
        void a_couldnt_reach_them_counts_as_the_rep_acting() {
            assertThat(ReminderRule.isDue(NUDGED, 1, Instant.parse("2026-11-30T10:00:00Z"), LONDON, week, 3)).isFalse();
        }

        @Test
        void the_number_of_days_is_configurable_and_counts_the_reps_own_week() {
            WorkingWeek sundayToThursday = WorkingWeek.parse("SUN-THU");
            Instant sunday = Instant.parse("2026-11-22T10:00:00Z");
            assertThat(ReminderRule.isDue(NUDGED, 0, sunday, LONDON, sundayToThursday, 2)).isTrue();
            assertThat(ReminderRule.isDue(NUDGED, 0, sunday, LONDON, week, 2)).isTrue();
            assertThat(ReminderRule.isDue(NUDGED, 0, sunday, LONDON, week, 3)).isFalse();
        }
    }

    static Touch email(Instant at) {
        return new Touch(at, Direction.OUTBOUND, Channel.EMAIL, false);
    }
}
