package dev.silentdeals.nudges;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import dev.silentdeals.deals.Contact;
import dev.silentdeals.deals.Deal;
import dev.silentdeals.deals.Touch;
import dev.silentdeals.truth.NoReason;
import dev.silentdeals.truth.Outcome;
import dev.silentdeals.truth.Truth;
import org.junit.jupiter.api.Test;

/** The one respectful revisit: which truths ask for it, when it is due, and what drops it. */
class RevisitRuleTest {

    static final Instant RECORDED = Instant.parse("2026-11-18T10:00:00Z");
    static final LocalDate DATE = LocalDate.parse("2026-11-24");

    @Test
    void a_no_for_timing_with_a_date_asks_for_a_revisit_on_that_date() {
        assertThat(RevisitRule.dateFor(truth(Outcome.NO, NoReason.TIMING, DATE))).contains(DATE);
    }

    @Test
    void a_yes_with_a_next_step_date_asks_for_one_too() {
        assertThat(RevisitRule.dateFor(truth(Outcome.YES, null, DATE))).contains(DATE);
    }

    @Test
    void other_no_reasons_and_truths_without_a_date_ask_for_nothing() {
        assertThat(RevisitRule.dateFor(truth(Outcome.NO, NoReason.BUDGET, DATE))).isEmpty();
        assertThat(RevisitRule.dateFor(truth(Outcome.YES, null, null))).isEmpty();
        assertThat(RevisitRule.dateFor(truth(Outcome.REPLIED, null, DATE))).isEmpty();
    }

    @Test
    void it_is_due_from_the_start_of_the_date_in_the_reps_time_zone() {
        assertThat(RevisitRule.dueAt(DATE, ZoneId.of("Asia/Tokyo"))).isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
    }

    @Test
    void a_real_reply_or_a_meeting_after_the_truth_drops_it() {
        Touch reply = new Touch(RECORDED.plusSeconds(60), Direction.INBOUND, Channel.EMAIL, false);
        Touch meeting = new Touch(RECORDED.plusSeconds(86_400 * 3), Direction.OUTBOUND, Channel.MEETING, false);
        assertThat(RevisitRule.cancellation(deal(false), List.of(reply), RECORDED))
                .contains(RevisitRule.Cancellation.PROSPECT_REPLIED);
        assertThat(RevisitRule.cancellation(deal(false), List.of(meeting), RECORDED))
                .contains(RevisitRule.Cancellation.PROSPECT_REPLIED);
    }

    @Test
    void auto_replies_our_own_follow_ups_and_earlier_replies_do_not() {
        List<Touch> touches = List.of(
                new Touch(RECORDED.plusSeconds(60), Direction.INBOUND, Channel.EMAIL, true),
                new Touch(RECORDED.plusSeconds(60), Direction.OUTBOUND, Channel.EMAIL, false),
                new Touch(RECORDED.minusSeconds(60), Direction.INBOUND, Channel.EMAIL, false));
        assertThat(RevisitRule.cancellation(deal(false), touches, RECORDED)).isEmpty();
    }

    @Test
    void a_closed_or_vanished_deal_drops_it() {
        assertThat(RevisitRule.cancellation(deal(true), List.of(), RECORDED))
                .contains(RevisitRule.Cancellation.DEAL_CLOSED);
        assertThat(RevisitRule.cancellation(null, List.of(), RECORDED)).contains(RevisitRule.Cancellation.DEAL_CLOSED);
    }

    static Truth truth(Outcome outcome, NoReason reason, LocalDate date) {
        return new Truth("T1", "D1-1", "D1", outcome, reason, null, date, null, "U1", "rep@example.com", RECORDED,
                RECORDED.minusSeconds(86_400), 7, 3, BigDecimal.TEN, "EUR", "Acme", "Dana Reyes");
    }

    static Deal deal(boolean closed) {
        return new Deal("T1", "D1", "Pilot", "Acme", "Proposal", BigDecimal.TEN, "EUR", "rep@example.com",
                new Contact("Dana Reyes", "dana@acme.example", ""), closed, false, RECORDED);
    }
}
