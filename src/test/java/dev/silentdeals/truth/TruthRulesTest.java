package dev.silentdeals.truth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** What a truth needs before it is stored. */
class TruthRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

    @Test
    void a_yes_needs_nothing_more_and_may_carry_a_next_step_with_a_date() {
        assertThat(TruthRules.problems(TruthSubmission.of(Outcome.YES), TODAY)).isEmpty();
        assertThat(TruthRules.problems(new TruthSubmission(Outcome.YES, null, "Pilot kickoff",
                TODAY.plusDays(7), null), TODAY)).isEmpty();
    }

    @Test
    void a_no_needs_a_reason_so_the_team_can_learn_from_it() {
        assertThat(TruthRules.problems(TruthSubmission.of(Outcome.NO), TODAY))
                .containsEntry(TruthRules.REASON, "truthModal.error.reasonNeeded");
    }

    @Test
    void a_no_for_timing_needs_the_date_to_revisit() {
        TruthSubmission timing = new TruthSubmission(Outcome.NO, NoReason.TIMING, null, null, null);
        assertThat(TruthRules.problems(timing, TODAY)).containsEntry(TruthRules.DATE, "truthModal.error.dateNeeded");
        assertThat(TruthRules.problems(new TruthSubmission(Outcome.NO, NoReason.TIMING, null, TODAY.plusMonths(3),
                null), TODAY)).isEmpty();
    }

    @Test
    void a_date_must_lie_ahead() {
        assertThat(TruthRules.problems(new TruthSubmission(Outcome.YES, null, "call", TODAY, null), TODAY))
                .containsEntry(TruthRules.DATE, "truthModal.error.dateInPast");
    }

    @Test
    void an_empty_form_asks_for_the_outcome_first() {
        assertThat(TruthRules.problems(new TruthSubmission(null, null, null, null, null), TODAY))
                .containsOnlyKeys(TruthRules.OUTCOME);
    }

    @Test
    void only_yes_and_no_are_conversations_and_only_not_reached_keeps_the_episode_open() {
        assertThat(Outcome.YES.isConversation()).isTrue();
        assertThat(Outcome.NO.isConversation()).isTrue();
        assertThat(Outcome.REPLIED.isConversation()).isFalse();
        assertThat(Outcome.NOT_REACHED.endsEpisode()).isFalse();
        assertThat(Outcome.REPLIED.endsEpisode()).isTrue();
    }
}
