package dev.silentdeals.silence;

import static dev.silentdeals.silence.SilenceFixtures.BERLIN;
import static dev.silentdeals.silence.SilenceFixtures.at;
import static dev.silentdeals.silence.SilenceFixtures.autoReply;
import static dev.silentdeals.silence.SilenceFixtures.callFromProspect;
import static dev.silentdeals.silence.SilenceFixtures.callToProspect;
import static dev.silentdeals.silence.SilenceFixtures.deal;
import static dev.silentdeals.silence.SilenceFixtures.emailFromProspect;
import static dev.silentdeals.silence.SilenceFixtures.emailToProspect;
import static dev.silentdeals.silence.SilenceFixtures.meeting;
import static dev.silentdeals.silence.SilenceFixtures.note;
import static dev.silentdeals.silence.SilenceFixtures.openDeal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import dev.silentdeals.deals.Deal;
import dev.silentdeals.deals.Touch;
import dev.silentdeals.silence.SilenceVerdict.Status;

class SilenceRuleTest {

    // The prospect wrote on Monday 2 June; the rep followed up on Wednesday 4 and Monday 9 June.
    private static final Instant REPLY = at("2025-06-02T10:00", BERLIN);
    private static final Instant FIRST_FOLLOW_UP = at("2025-06-04T10:00", BERLIN);
    private static final Instant SECOND_FOLLOW_UP = at("2025-06-09T11:00", BERLIN);
    /** Wednesday 11 June: seven business days after the reply. */
    private static final Instant SEVEN_DAYS_LATER = at("2025-06-11T10:00", BERLIN);

    private final SilenceRule rule = new SilenceRule(SilencePolicy.defaults());

    private static List<Touch> repliedThenChasedTwice() {
        return new ArrayList<>(List.of(emailFromProspect(REPLY), emailToProspect(FIRST_FOLLOW_UP),
                callToProspect(SECOND_FOLLOW_UP)));
    }

    private SilenceVerdict judge(Collection<Touch> touches, Instant now) {
        return rule.judge(openDeal("Proposal"), touches, null, false, now, BERLIN);
    }

    @Test
    void a_deal_quiet_for_seven_business_days_and_chased_twice_is_silent() {
        SilenceVerdict verdict = judge(repliedThenChasedTwice(), SEVEN_DAYS_LATER);

        assertThat(verdict.status()).isEqualTo(Status.SILENT);
        assertThat(verdict.isSilent()).isTrue();
        assertThat(verdict.quietBusinessDays()).isEqualTo(7);
        assertThat(verdict.chaseCount()).isEqualTo(2);
        assertThat(verdict.lastReplyAt()).isEqualTo(REPLY);
    }

    @Test
    void six_quiet_business_days_is_a_recent_reply_and_still_shows_quiet_time_and_chases() {
        SilenceVerdict verdict = judge(repliedThenChasedTwice(), at("2025-06-10T10:00", BERLIN));

        assertThat(verdict.status()).isEqualTo(Status.RECENT_REPLY);
        assertThat(verdict.isSilent()).isFalse();
        assertThat(verdict.quietBusinessDays()).isEqualTo(6);
        assertThat(verdict.chaseCount()).isEqualTo(2);
        assertThat(verdict.lastReplyAt()).isEqualTo(REPLY);
    }

    @Test
    void weekends_do_not_count_as_quiet_time() {
        Instant fridayReply = at("2025-06-06T10:00", BERLIN);
        List<Touch> touches = List.of(emailFromProspect(fridayReply), emailToProspect(at("2025-06-09T10:00", BERLIN)),
                callToProspect(at("2025-06-11T10:00", BERLIN)));

        SilenceVerdict verdict = judge(touches, at("2025-06-13T10:00", BERLIN)); // a calendar week later

        assertThat(verdict.status()).isEqualTo(Status.RECENT_REPLY);
        assertThat(verdict.quietBusinessDays()).isEqualTo(5);
    }

    @Test
    void a_deal_chased_only_once_is_not_chased_enough() {
        List<Touch> touches = List.of(emailFromProspect(REPLY), emailToProspect(FIRST_FOLLOW_UP));

        SilenceVerdict verdict = judge(touches, SEVEN_DAYS_LATER);

        assertThat(verdict.status()).isEqualTo(Status.NOT_CHASED);
        assertThat(verdict.quietBusinessDays()).isEqualTo(7);
        assertThat(verdict.chaseCount()).isEqualTo(1);
    }

    @Test
    void a_prospect_who_never_replied_has_not_gone_quiet() {
        List<Touch> touches = List.of(emailToProspect(FIRST_FOLLOW_UP), callToProspect(SECOND_FOLLOW_UP),
                autoReply(SECOND_FOLLOW_UP.plusSeconds(60)));

        SilenceVerdict verdict = judge(touches, SEVEN_DAYS_LATER.plus(Duration.ofDays(30)));

        assertThat(verdict.status()).isEqualTo(Status.NEVER_REPLIED);
        assertThat(verdict.lastReplyAt()).isNull();
        assertThat(verdict.quietBusinessDays()).isZero();
        assertThat(verdict.chaseCount()).as("every follow-up so far").isEqualTo(2);
    }

    @Test
    void a_deal_with_no_touches_at_all_never_replied() {
        assertThat(judge(List.of(), SEVEN_DAYS_LATER).status()).isEqualTo(Status.NEVER_REPLIED);
    }

    @Test
    void a_closed_deal_is_never_silent_but_its_figures_are_still_shown() {
        SilenceVerdict verdict = rule.judge(deal("Closed Lost", true, false), repliedThenChasedTwice(), null, false,
                SEVEN_DAYS_LATER, BERLIN);

        assertThat(verdict.status()).isEqualTo(Status.CLOSED);
        assertThat(verdict.quietBusinessDays()).isEqualTo(7);
        assertThat(verdict.chaseCount()).isEqualTo(2);
    }

    @Test
    void a_deal_gone_from_the_crm_counts_as_closed() {
        SilenceVerdict verdict = rule.judge(deal("Proposal", false, true), repliedThenChasedTwice(), null, false,
                SEVEN_DAYS_LATER, BERLIN);

        assertThat(verdict.status()).isEqualTo(Status.CLOSED);
    }

    @Test
    void a_paused_deal_is_not_silent() {
        SilenceVerdict verdict = rule.judge(openDeal("Proposal"), repliedThenChasedTwice(), null, true,
                SEVEN_DAYS_LATER, BERLIN);

        assertThat(verdict.status()).isEqualTo(Status.PAUSED);
        assertThat(verdict.quietBusinessDays()).isEqualTo(7);
    }

    @Test
    void closed_wins_over_paused() {
        SilenceVerdict verdict = rule.judge(deal("Closed Won", true, false), repliedThenChasedTwice(), null, true,
                SEVEN_DAYS_LATER, BERLIN);

        assertThat(verdict.status()).isEqualTo(Status.CLOSED);
    }

    @Test
    void a_meeting_booked_ahead_means_the_deal_is_not_silent() {
        List<Touch> touches = repliedThenChasedTwice();
        touches.add(meeting(at("2025-06-20T14:00", BERLIN), Direction.OUTBOUND));

        SilenceVerdict verdict = judge(touches, SEVEN_DAYS_LATER);

        assertThat(verdict.status()).isEqualTo(Status.MEETING_AHEAD);
        assertThat(verdict.lastReplyAt()).isEqualTo(REPLY);
    }

    @Test
    void an_automatic_answer_to_a_meeting_invite_is_not_a_meeting_ahead() {
        List<Touch> touches = repliedThenChasedTwice();
        touches.add(new Touch(at("2025-06-20T14:00", BERLIN), Direction.INBOUND, Channel.MEETING, true));

        assertThat(judge(touches, SEVEN_DAYS_LATER).status()).isEqualTo(Status.SILENT);
    }

    @Test
    void a_meeting_that_ended_an_hour_ago_counts_as_contact() {
        Instant anHourAgo = SEVEN_DAYS_LATER.minus(Duration.ofHours(1));
        List<Touch> touches = repliedThenChasedTwice();
        touches.add(meeting(anHourAgo, Direction.INBOUND));

        SilenceVerdict verdict = judge(touches, SEVEN_DAYS_LATER);

        assertThat(verdict.status()).isEqualTo(Status.RECENT_REPLY);
        assertThat(verdict.lastReplyAt()).isEqualTo(anHourAgo);
        assertThat(verdict.quietBusinessDays()).isZero();
        assertThat(verdict.chaseCount()).isZero();
    }

    @Test
    void a_meeting_the_rep_booked_that_took_place_counts_as_contact_too() {
        Instant meetingDay = at("2025-06-05T15:00", BERLIN);
        List<Touch> touches = repliedThenChasedTwice();
        touches.add(meeting(meetingDay, Direction.OUTBOUND));

        SilenceVerdict verdict = judge(touches, SEVEN_DAYS_LATER);

        assertThat(verdict.status()).isEqualTo(Status.RECENT_REPLY);
        assertThat(verdict.lastReplyAt()).isEqualTo(meetingDay);
        assertThat(verdict.chaseCount()).as("only the call after the meeting").isEqualTo(1);
    }

    @Test
    void an_out_of_office_answer_is_not_a_reply() {
        List<Touch> touches = repliedThenChasedTwice();
        touches.add(autoReply(SECOND_FOLLOW_UP.plusSeconds(30)));

        SilenceVerdict verdict = judge(touches, SEVEN_DAYS_LATER);

        assertThat(verdict.status()).isEqualTo(Status.SILENT);
        assertThat(verdict.lastReplyAt()).isEqualTo(REPLY);
    }

    @Test
    void only_automatic_answers_since_the_last_real_reply_leave_the_deal_silent() {
        List<Touch> touches = repliedThenChasedTwice();
        touches.add(autoReply(FIRST_FOLLOW_UP.plusSeconds(5)));
        touches.add(new Touch(SECOND_FOLLOW_UP.plusSeconds(5), Direction.INBOUND, Channel.CALL, true));
        touches.add(autoReply(SEVEN_DAYS_LATER.minus(Duration.ofMinutes(10))));

        SilenceVerdict verdict = judge(touches, SEVEN_DAYS_LATER);

        assertThat(verdict.status()).isEqualTo(Status.SILENT);
        assertThat(verdict.quietBusinessDays()).isEqualTo(7);
    }

    @Test
    void an_automatic_outbound_message_is_not_a_follow_up() {
        List<Touch> touches = List.of(emailFromProspect(REPLY), emailToProspect(FIRST_FOLLOW_UP),
                new Touch(SECOND_FOLLOW_UP, Direction.OUTBOUND, Channel.EMAIL, true));

        assertThat(judge(touches, SEVEN_DAYS_LATER).chaseCount()).isEqualTo(1);
    }

    @Test
    void a_note_logged_as_inbound_is_not_a_reply() {
        List<Touch> touches = repliedThenChasedTwice();
        touches.add(note(at("2025-06-10T09:00", BERLIN), Direction.INBOUND));

        SilenceVerdict verdict = judge(touches, SEVEN_DAYS_LATER);

        assertThat(verdict.status()).isEqualTo(Status.SILENT);
        assertThat(verdict.lastReplyAt()).isEqualTo(REPLY);
    }

    @Test
    void notes_the_rep_writes_are_not_follow_ups() {
        List<Touch> touches = List.of(emailFromProspect(REPLY), emailToProspect(FIRST_FOLLOW_UP),
                note(SECOND_FOLLOW_UP, Direction.OUTBOUND), note(at("2025-06-10T09:00", BERLIN), Direction.OUTBOUND));

        SilenceVerdict verdict = judge(touches, SEVEN_DAYS_LATER);

        assertThat(verdict.status()).isEqualTo(Status.NOT_CHASED);
        assertThat(verdict.chaseCount()).isEqualTo(1);
    }

    @Test
    void touches_out_of_order_and_duplicated_are_judged_as_if_sorted_and_unique() {
        List<Touch> touches = List.of(callToProspect(SECOND_FOLLOW_UP), emailFromProspect(REPLY),
                emailToProspect(FIRST_FOLLOW_UP), callToProspect(SECOND_FOLLOW_UP), emailFromProspect(REPLY),
                emailToProspect(FIRST_FOLLOW_UP), emailFromProspect(REPLY.minus(Duration.ofDays(3))));

        SilenceVerdict verdict = judge(touches, SEVEN_DAYS_LATER);

        assertThat(verdict.status()).isEqualTo(Status.SILENT);
        assertThat(verdict.chaseCount()).isEqualTo(2);
        assertThat(verdict.lastReplyAt()).isEqualTo(REPLY);
    }

    @Test
    void one_follow_up_sent_to_us_twice_counts_once() {
        List<Touch> touches = List.of(emailFromProspect(REPLY), emailToProspect(FIRST_FOLLOW_UP),
                emailToProspect(FIRST_FOLLOW_UP));

        SilenceVerdict verdict = judge(touches, SEVEN_DAYS_LATER);

        assertThat(verdict.status()).isEqualTo(Status.NOT_CHASED);
        assertThat(verdict.chaseCount()).isEqualTo(1);
    }

    @Test
    void follow_ups_before_the_last_reply_are_not_chases() {
        List<Touch> touches = List.of(emailToProspect(REPLY.minus(Duration.ofDays(2))),
                callToProspect(REPLY.minus(Duration.ofDays(1))), emailFromProspect(REPLY),
                emailToProspect(FIRST_FOLLOW_UP));

        assertThat(judge(touches, SEVEN_DAYS_LATER).chaseCount()).isEqualTo(1);
    }

    @Test
    void follow_ups_scheduled_after_now_are_not_chases_yet() {
        List<Touch> touches = List.of(emailFromProspect(REPLY), emailToProspect(FIRST_FOLLOW_UP),
                emailToProspect(SEVEN_DAYS_LATER.plus(Duration.ofHours(2))));

        SilenceVerdict verdict = judge(touches, SEVEN_DAYS_LATER);

        assertThat(verdict.status()).isEqualTo(Status.NOT_CHASED);
        assertThat(verdict.chaseCount()).isEqualTo(1);
    }

    @Test
    void a_call_from_the_prospect_is_a_reply() {
        Instant call = at("2025-06-10T16:00", BERLIN);
        List<Touch> touches = repliedThenChasedTwice();
        touches.add(callFromProspect(call));

        SilenceVerdict verdict = judge(touches, SEVEN_DAYS_LATER);

        assertThat(verdict.status()).isEqualTo(Status.RECENT_REPLY);
        assertThat(verdict.lastReplyAt()).isEqualTo(call);
    }

    @Test
    void a_stage_with_a_shorter_threshold_goes_silent_sooner() {
        SilenceRule withOverride = new SilenceRule(new SilencePolicy(7, 2, Map.of("Negotiation", 5), null));
        Instant fiveDaysLater = at("2025-06-09T18:00", BERLIN);

        SilenceVerdict negotiation = withOverride.judge(openDeal("NEGOTIATION"), repliedThenChasedTwice(), null,
                false, fiveDaysLater, BERLIN);
        SilenceVerdict proposal = withOverride.judge(openDeal("Proposal"), repliedThenChasedTwice(), null, false,
                fiveDaysLater, BERLIN);

        assertThat(negotiation.status()).isEqualTo(Status.SILENT);
        assertThat(negotiation.quietBusinessDays()).isEqualTo(5);
        assertThat(proposal.status()).isEqualTo(Status.RECENT_REPLY);
    }

    @Test
    void a_truth_conversation_resets_quiet_time_and_chases() {
        Instant conversation = at("2025-06-10T11:00", BERLIN);

        SilenceVerdict verdict = rule.judge(openDeal("Proposal"), repliedThenChasedTwice(), conversation, false,
                SEVEN_DAYS_LATER, BERLIN);

        assertThat(verdict.status()).isEqualTo(Status.RECENT_REPLY);
        assertThat(verdict.lastReplyAt()).isEqualTo(conversation);
        assertThat(verdict.quietBusinessDays()).isEqualTo(1);
        assertThat(verdict.chaseCount()).isZero();
    }

    @Test
    void an_older_truth_conversation_does_not_hide_a_newer_reply() {
        Instant conversation = REPLY.minus(Duration.ofDays(20));

        SilenceVerdict verdict = rule.judge(openDeal("Proposal"), repliedThenChasedTwice(), conversation, false,
                SEVEN_DAYS_LATER, BERLIN);

        assertThat(verdict.status()).isEqualTo(Status.SILENT);
        assertThat(verdict.lastReplyAt()).isEqualTo(REPLY);
    }

    @Test
    void a_truth_recorded_moments_after_a_detection_pass_began_still_counts() {
        Instant recordedDuringThePass = SEVEN_DAYS_LATER.plusSeconds(2);

        SilenceVerdict verdict = rule.judge(openDeal("Proposal"), repliedThenChasedTwice(), recordedDuringThePass,
                false, SEVEN_DAYS_LATER, BERLIN);

        assertThat(verdict.status()).isEqualTo(Status.RECENT_REPLY);
        assertThat(verdict.quietBusinessDays()).isZero();
    }

    @Test
    void a_truth_conversation_is_enough_for_a_deal_without_any_reply_touch() {
        Instant conversation = REPLY;
        List<Touch> touches = List.of(emailToProspect(FIRST_FOLLOW_UP), callToProspect(SECOND_FOLLOW_UP));

        SilenceVerdict verdict = rule.judge(openDeal("Proposal"), touches, conversation, false, SEVEN_DAYS_LATER,
                BERLIN);

        assertThat(verdict.status()).isEqualTo(Status.SILENT);
    }

    @Test
    void quiet_time_across_the_berlin_spring_clock_change_is_counted_on_local_dates() {
        Instant lateReply = at("2025-03-27T23:30", BERLIN); // Thursday night, CET
        List<Touch> touches = List.of(emailFromProspect(lateReply), emailToProspect(at("2025-03-31T10:00", BERLIN)),
                callToProspect(at("2025-04-03T10:00", BERLIN)));
        Instant justAfterMidnight = at("2025-04-07T00:15", BERLIN); // Monday, CEST

        SilenceVerdict verdict = judge(touches, justAfterMidnight);

        assertThat(verdict.quietBusinessDays()).isEqualTo(7);
        assertThat(verdict.status()).isEqualTo(Status.SILENT);
    }

    @Test
    void a_rep_in_kiritimati_sees_silence_on_their_own_calendar_while_utc_is_a_day_behind() {
        ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
        Instant reply = at("2025-06-02T15:00", kiritimati);
        List<Touch> touches = List.of(emailFromProspect(reply), emailToProspect(at("2025-06-04T10:00", kiritimati)),
                callToProspect(at("2025-06-09T10:00", kiritimati)));
        Instant wednesdayMorning = at("2025-06-11T09:00", kiritimati); // still Tuesday in UTC

        SilenceVerdict verdict = rule.judge(openDeal("Proposal"), touches, null, false, wednesdayMorning, kiritimati);

        assertThat(verdict.quietBusinessDays()).isEqualTo(7);
        assertThat(verdict.status()).isEqualTo(Status.SILENT);
    }

    @Test
    void a_rep_in_pago_pago_is_not_yet_silent_although_utc_is_a_day_ahead() {
        ZoneId pagoPago = ZoneId.of("Pacific/Pago_Pago");
        Instant reply = at("2025-06-02T10:00", pagoPago);
        List<Touch> touches = List.of(emailFromProspect(reply), emailToProspect(at("2025-06-04T10:00", pagoPago)),
                callToProspect(at("2025-06-09T10:00", pagoPago)));
        Instant tuesdayEvening = at("2025-06-10T20:00", pagoPago); // already Wednesday in UTC

        SilenceVerdict verdict = rule.judge(openDeal("Proposal"), touches, null, false, tuesdayEvening, pagoPago);

        assertThat(verdict.quietBusinessDays()).isEqualTo(6);
        assertThat(verdict.status()).isEqualTo(Status.RECENT_REPLY);
    }

    @Test
    void missing_touches_and_empty_entries_are_skipped_rather_than_failing_the_pass() {
        List<Touch> touches = repliedThenChasedTwice();
        touches.add(null);
        touches.add(new Touch(null, Direction.INBOUND, Channel.EMAIL, false));
        Deal deal = openDeal("Proposal");

        assertThat(rule.judge(deal, touches, null, false, SEVEN_DAYS_LATER, BERLIN).status()).isEqualTo(Status.SILENT);
        assertThat(rule.judge(deal, null, null, false, SEVEN_DAYS_LATER, BERLIN).status())
                .isEqualTo(Status.NEVER_REPLIED);
    }
}
