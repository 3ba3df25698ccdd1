package dev.silentdeals.silence;

import static dev.silentdeals.silence.SilenceFixtures.BERLIN;
import static dev.silentdeals.silence.SilenceFixtures.at;
import static dev.silentdeals.silence.SilenceFixtures.callToProspect;
import static dev.silentdeals.silence.SilenceFixtures.deal;
import static dev.silentdeals.silence.SilenceFixtures.emailFromProspect;
import static dev.silentdeals.silence.SilenceFixtures.emailToProspect;
import static dev.silentdeals.silence.SilenceFixtures.meeting;
import static dev.silentdeals.silence.SilenceFixtures.openDeal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.silentdeals.crm.CrmTouch.Direction;
import dev.silentdeals.deals.Touch;
import dev.silentdeals.silence.EpisodeDecision.Action;
import dev.silentdeals.silence.SilenceVerdict.Status;

class EpisodeRulesTest {

    private static final Instant REPLY = at("2025-06-02T10:00", BERLIN);
    private static final Instant SILENT_SINCE = at("2025-06-11T10:00", BERLIN);
    private static final Instant NUDGED = at("2025-06-11T10:05", BERLIN);
    private static final Instant NEXT_PASS = at("2025-06-12T10:00", BERLIN);

    private final SilenceRule rule = new SilenceRule(SilencePolicy.defaults());
    private final List<Touch> touches = new ArrayList<>(List.of(emailFromProspect(REPLY),
            emailToProspect(at("2025-06-04T10:00", BERLIN)), callToProspect(at("2025-06-09T10:00", BERLIN))));

    private static EpisodeState nudgedEpisode() {
        return new EpisodeState("D1", SILENT_SINCE, REPLY, null).nudged(NUDGED);
    }

    private SilenceVerdict verdictAt(Instant now) {
        return rule.judge(openDeal("Proposal"), touches, null, false, now, BERLIN);
    }

    @Test
    void an_episode_opens_when_a_deal_becomes_silent() {
        EpisodeDecision decision = EpisodeRules.decide(null, verdictAt(SILENT_SINCE), SILENT_SINCE);

        assertThat(decision.action()).isEqualTo(Action.OPEN_NEW);
        assertThat(decision.newEpisode("D1"))
                .isEqualTo(new EpisodeState("D1", SILENT_SINCE, REPLY, null));
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = "SILENT", mode = EnumSource.Mode.EXCLUDE)
    void nothing_happens_without_an_open_episode_when_the_deal_is_not_silent(Status status) {
        SilenceVerdict notSilent = new SilenceVerdict(status, 3, 1, status == Status.NEVER_REPLIED ? null : REPLY);

        EpisodeDecision decision = EpisodeRules.decide(null, notSilent, NEXT_PASS);

        assertThat(decision.action()).isEqualTo(Action.NONE);
        assertThat(decision.episode()).isNull();
    }

    @Test
    void the_episode_is_kept_while_the_deal_stays_silent_and_keeps_its_nudge() {
        EpisodeDecision decision = EpisodeRules.decide(nudgedEpisode(), verdictAt(NEXT_PASS), NEXT_PASS);

        assertThat(decision.action()).isEqualTo(Action.KEEP);
        assertThat(decision.episode()).isEqualTo(nudgedEpisode());
        assertThat(decision.episode().isNudged()).isTrue();
    }

    @Test
    void pausing_keeps_the_episode() {
        SilenceVerdict paused = rule.judge(openDeal("Proposal"), touches, null, true, NEXT_PASS, BERLIN);

        EpisodeDecision decision = EpisodeRules.decide(nudgedEpisode(), paused, NEXT_PASS);

        assertThat(decision.action()).isEqualTo(Action.KEEP);
    }

    @Test
    void the_episode_ends_as_replied_when_the_prospect_writes_after_the_nudge() {
        touches.add(emailFromProspect(at("2025-06-11T15:00", BERLIN)));

        EpisodeDecision decision = EpisodeRules.decide(nudgedEpisode(), verdictAt(NEXT_PASS), NEXT_PASS);

        assertThat(decision.action()).isEqualTo(Action.END);
        assertThat(decision.endReason()).isEqualTo(EpisodeEnd.REPLIED);
        assertThat(decision.episode()).isEqualTo(nudgedEpisode());
    }

    @Test
    void a_reply_ends_the_episode_even_while_the_deal_is_paused() {
        touches.add(emailFromProspect(at("2025-06-11T15:00", BERLIN)));
        SilenceVerdict paused = rule.judge(openDeal("Proposal"), touches, null, true, NEXT_PASS, BERLIN);

        EpisodeDecision decision = EpisodeRules.decide(nudgedEpisode(), paused, NEXT_PASS);

        assertThat(decision.endReason()).isEqualTo(EpisodeEnd.REPLIED);
    }

    @Test
    void a_reply_followed_by_a_new_silence_between_passes_first_ends_the_old_episode() {
        Instant laterReply = at("2025-06-12T10:00", BERLIN);
        touches.add(emailFromProspect(laterReply));
        touches.add(emailToProspect(at("2025-06-16T10:00", BERLIN)));
        touches.add(callToProspect(at("2025-06-18T10:00", BERLIN)));
        Instant muchLater = at("2025-06-23T10:00", BERLIN);
        SilenceVerdict silentAgain = verdictAt(muchLater);
        assertThat(silentAgain.isSilent()).isTrue();

        EpisodeDecision decision = EpisodeRules.decide(nudgedEpisode(), silentAgain, muchLater);

        assertThat(decision.endReason()).isEqualTo(EpisodeEnd.REPLIED);
        assertThat(EpisodeRules.decide(null, silentAgain, muchLater).newEpisode("D1").anchorReplyAt())
                .isEqualTo(laterReply);
    }

    @Test
    void a_truth_conversation_after_the_anchor_ends_the_episode_as_replied() {
        SilenceVerdict afterConversation = rule.judge(openDeal("Proposal"), touches, at("2025-06-11T16:00", BERLIN),
                false, NEXT_PASS, BERLIN);

        assertThat(EpisodeRules.decide(nudgedEpisode(), afterConversation, NEXT_PASS).endReason())
                .isEqualTo(EpisodeEnd.REPLIED);
    }

    @Test
    void the_episode_ends_when_a_meeting_is_booked() {
        touches.add(meeting(at("2025-06-17T14:00", BERLIN), Direction.OUTBOUND));

        EpisodeDecision decision = EpisodeRules.decide(nudgedEpisode(), verdictAt(NEXT_PASS), NEXT_PASS);

        assertThat(decision.action()).isEqualTo(Action.END);
        assertThat(decision.endReason()).isEqualTo(EpisodeEnd.MEETING_BOOKED);
    }

    @Test
    void the_episode_ends_when_the_deal_closes() {
        SilenceVerdict closed = rule.judge(deal("Closed Lost", true, false), touches, null, false, NEXT_PASS, BERLIN);

        EpisodeDecision decision = EpisodeRules.decide(nudgedEpisode(), closed, NEXT_PASS);

        assertThat(decision.action()).isEqualTo(Action.END);
        assertThat(decision.endReason()).isEqualTo(EpisodeEnd.CLOSED);
    }

    @Test
    void closing_wins_over_a_reply_in_the_same_pass() {
        touches.add(emailFromProspect(at("2025-06-11T15:00", BERLIN)));
        SilenceVerdict closed = rule.judge(deal("Closed Won", true, false), touches, null, false, NEXT_PASS, BERLIN);

        assertThat(EpisodeRules.decide(nudgedEpisode(), closed, NEXT_PASS).endReason()).isEqualTo(EpisodeEnd.CLOSED);
    }

    @Test
    void a_verdict_that_is_not_silent_but_has_the_same_anchor_keeps_the_episode() {
        SilenceVerdict notChased = new SilenceVerdict(Status.NOT_CHASED, 8, 1, REPLY);
        SilenceVerdict recent = new SilenceVerdict(Status.RECENT_REPLY, 6, 2, REPLY);

        assertThat(EpisodeRules.decide(nudgedEpisode(), notChased, NEXT_PASS).action()).isEqualTo(Action.KEEP);
        assertThat(EpisodeRules.decide(nudgedEpisode(), recent, NEXT_PASS).action()).isEqualTo(Action.KEEP);
    }

    @Test
    void only_an_open_new_decision_builds_an_episode() {
        EpisodeDecision keep = EpisodeRules.decide(nudgedEpisode(), verdictAt(NEXT_PASS), NEXT_PASS);

        assertThatThrownBy(() -> keep.newEpisode("D1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KEEP");
    }

    @Test
    void truth_recorded_is_an_end_reason_for_the_truth_feature() {
        assertThat(EpisodeEnd.valueOf("TRUTH_RECORDED")).isNotNull();
        assertThat(EpisodeEnd.values()).containsExactly(EpisodeEnd.REPLIED, EpisodeEnd.MEETING_BOOKED,
                EpisodeEnd.CLOSED, EpisodeEnd.TRUTH_RECORDED);
    }
}
