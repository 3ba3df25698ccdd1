package dev.silentdeals.silence;

import static dev.silentdeals.silence.SilenceFixtures.BERLIN;
import static dev.silentdeals.silence.SilenceFixtures.at;
import static dev.silentdeals.silence.SilenceFixtures.deal;
import static dev.silentdeals.silence.SilenceFixtures.emailFromProspect;
import static dev.silentdeals.silence.SilenceFixtures.emailToProspect;
import static dev.silentdeals.silence.SilenceFixtures.meeting;
import static dev.silentdeals.silence.SilenceFixtures.openDeal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.silentdeals.crm.CrmTouch.Direction;
import dev.silentdeals.deals.Touch;
import org.junit.jupiter.api.Test;

/** Detection skips a deal until its verdict can change; these say when that is. */
class RecheckRuleTest {

    // The prospect wrote on Monday 2 June; the rep followed up on Wednesday 4 and Monday 9 June.
    private static final Instant REPLY = at("2025-06-02T10:00", BERLIN);
    private static final List<Touch> CHASED = List.of(emailFromProspect(REPLY),
            emailToProspect(at("2025-06-04T10:00", BERLIN)), emailToProspect(at("2025-06-09T11:00", BERLIN)));
    private static final Instant THURSDAY = at("2025-06-05T15:00", BERLIN);
    /** What the CRM holds on that Thursday. */
    private static final List<Touch> BY_THURSDAY = CHASED.subList(0, 2);

    private final SilencePolicy policy = new SilencePolicy(7, 2, Map.of("Negotiation", 3), null);
    private final SilenceRule rule = new SilenceRule(policy);
    private final RecheckRule recheck = new RecheckRule(policy);

    @Test
    void a_recent_reply_is_judged_again_when_the_rep_s_day_begins_on_which_it_has_been_quiet_long_enough() {
        SilenceVerdict verdict = rule.judge(openDeal("Demo"), BY_THURSDAY, null, false, THURSDAY, BERLIN);

        assertThat(verdict.status()).isEqualTo(SilenceVerdict.Status.RECENT_REPLY);
        assertThat(recheck.nextCheck(openDeal("Demo"), BY_THURSDAY, verdict, null, THURSDAY, BERLIN))
                .contains(at("2025-06-11T00:00", BERLIN));
    }

    @Test
    void the_stage_s_own_threshold_sets_the_time() {
        List<Touch> reply = CHASED.subList(0, 1);
        SilenceVerdict verdict = rule.judge(openDeal("Negotiation"), reply, null, false,
                at("2025-06-03T09:00", BERLIN), BERLIN);

        assertThat(recheck.nextCheck(openDeal("Negotiation"), reply, verdict, null, at("2025-06-03T09:00", BERLIN),
                BERLIN)).contains(at("2025-06-05T00:00", BERLIN));
    }

    @Test
    void a_paused_deal_is_judged_again_as_its_resume_date_begins() {
        SilenceVerdict verdict = rule.judge(openDeal("Demo"), BY_THURSDAY, null, true, THURSDAY, BERLIN);

        assertThat(recheck.nextCheck(openDeal("Demo"), BY_THURSDAY, verdict, LocalDate.of(2025, 7, 1), THURSDAY, BERLIN))
                .contains(at("2025-07-01T00:00", BERLIN));
    }

    @Test
    void a_meeting_booked_ahead_is_judged_again_when_it_takes_place() {
        Instant meetingTime = at("2025-06-20T14:00", BERLIN);
        List<Touch> touches = List.of(emailFromProspect(REPLY), meeting(meetingTime, Direction.OUTBOUND));
        SilenceVerdict verdict = rule.judge(openDeal("Demo"), touches, null, false, THURSDAY, BERLIN);

        assertThat(verdict.status()).isEqualTo(SilenceVerdict.Status.MEETING_AHEAD);
        assertThat(recheck.nextCheck(openDeal("Demo"), touches, verdict, null, THURSDAY, BERLIN)).contains(meetingTime);
    }

    @Test
    void a_touch_dated_ahead_of_now_is_judged_again_when_its_time_comes_whatever_the_verdict() {
        Instant now = at("2025-06-16T10:00", BERLIN);
        Instant ahead = now.plusSeconds(90);
        List<Touch> touches = List.of(emailFromProspect(REPLY), emailToProspect(at("2025-06-04T10:00", BERLIN)),
                emailToProspect(ahead));
        SilenceVerdict verdict = rule.judge(openDeal("Demo"), touches, null, false, now, BERLIN);

        assertThat(verdict.status()).isEqualTo(SilenceVerdict.Status.NOT_CHASED);
        assertThat(recheck.nextCheck(openDeal("Demo"), touches, verdict, null, now, BERLIN)).contains(ahead);
    }

    @Test
    void silent_and_not_chased_deals_change_only_with_new_data() {
        Instant now = at("2025-06-16T10:00", BERLIN);
        SilenceVerdict silent = rule.judge(openDeal("Demo"), CHASED, null, false, now, BERLIN);
        List<Touch> once = CHASED.subList(0, 2);
        SilenceVerdict notChased = rule.judge(openDeal("Demo"), once, null, false, now, BERLIN);

        assertThat(silent.status()).isEqualTo(SilenceVerdict.Status.SILENT);
        assertThat(notChased.status()).isEqualTo(SilenceVerdict.Status.NOT_CHASED);
        assertThat(recheck.nextCheck(openDeal("Demo"), CHASED, silent, null, now, BERLIN)).isEmpty();
        assertThat(recheck.nextCheck(openDeal("Demo"), once, notChased, null, now, BERLIN)).isEmpty();
    }

    @Test
    void a_closed_deal_is_never_judged_again_by_time_alone() {
        List<Touch> touches = List.of(emailFromProspect(REPLY), meeting(THURSDAY.plusSeconds(3600), Direction.INBOUND));
        SilenceVerdict verdict = rule.judge(deal("Demo", true, false), touches, null, false, THURSDAY, BERLIN);

        assertThat(recheck.nextCheck(deal("Demo", true, false), touches, verdict, null, THURSDAY, BERLIN)).isEmpty();
    }
}
