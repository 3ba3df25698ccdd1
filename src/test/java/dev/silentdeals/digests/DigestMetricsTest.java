package dev.silentdeals.digests;

import static dev.silentdeals.crm.CrmTouch.Channel.CALL;
import static dev.silentdeals.crm.CrmTouch.Channel.EMAIL;
import static dev.silentdeals.crm.CrmTouch.Channel.NOTE;
import static dev.silentdeals.crm.CrmTouch.Direction.OUTBOUND;
import static dev.silentdeals.truth.NoReason.BUDGET;
import static dev.silentdeals.truth.NoReason.WENT_ANOTHER_WAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.silentdeals.truth.NoReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The digest's figures for two weeks of a team's history, checked against figures worked out by hand.
 * The period is Monday 10 November 09:00 to Monday 17 November 09:00 (London); the previous period is the
 * week before.
 */
class DigestMetricsTest {

    static final String ANA = "ana@example.com";
    static final String BEN = "ben@example.com";
    static final DigestPeriod WEEK = new DigestPeriod(
            LocalDateTime.parse("2025-11-10T09:00").atZone(TeamHistory.LONDON).toInstant(),
            LocalDateTime.parse("2025-11-17T09:00").atZone(TeamHistory.LONDON).toInstant());

    final DigestMetrics metrics = new DigestMetrics(new NoteRedaction("the prospect", "[name]", 200));
    TeamHistory history;

    @BeforeEach
    void twoWeeksOfHistory() {
        history = new TeamHistory().member(ANA, "Ana López").member(BEN, "Ben Okafor")
                .deal("A1", ANA, "Kestrel Foods", "Maya Quinn", "10000", "GBP")
                .deal("A2", ANA, "Atlas Freight Ltd", "Olivia Brown", "48000", "GBP")
                .deal("A3", ANA, "Borealis GmbH", "Jonas Berg", "15000", "EUR")
                .deal("A4", ANA, "Cedar Clinics", "Lea Moss", "9000", "GBP")
                .deal("A5", ANA, "Dune Media", "Ravi Patel", "5000", "USD")
                .deal("B1", BEN, "Ember Tools", "Ian Cole", "30000", "GBP")
                .deal("B2", BEN, "Fern Labs", "Sara Lind", "20000", "GBP")
                .deal("B3", BEN, "Glade Hotels", "Tom Reed", "7000", "GBP");
        // The previous week.
        history.at("2025-11-03T10:00").followUp("B1", EMAIL)          // B1 is not silent yet: not into silence
                .at("2025-11-04T10:00").wentQuiet("A1")
                .at("2025-11-05T11:00").followUp("A1", CALL)              // into silence (1)
                .at("2025-11-05T11:30").followUp("A1", NOTE)              // a note reaches no one
                .at("2025-11-05T12:00").wentQuiet("B1")
                .at("2025-11-06T10:00").no("A1", WENT_ANOTHER_WAY, "Maya picked a cheaper supplier") // 48 h
                .at("2025-11-06T15:00").followUp("B1", EMAIL)             // into silence (2)
                .at("2025-11-06T16:00").touch("B1", OUTBOUND, EMAIL, true) // an automatic message
                .at("2025-11-07T10:00").couldNotReach("B1");
        // The week of the digest.
        history.at("2025-11-10T09:30").followUp("A2", CALL)           // A2 is not silent yet
                .at("2025-11-10T10:00").wentQuiet("A2")
                .at("2025-11-11T09:00").wentQuiet("A3")
                .at("2025-11-11T11:00").followUp("B1", EMAIL)             // into silence (1)
                .at("2025-11-11T16:00").no("A2", BUDGET, "Olivia said the budget moved to Atlas's warehouse project")
                .at("2025-11-12T09:00").wentQuiet("B2")
                .at("2025-11-12T12:00").yes("B1")                         // 7 days after B1 went quiet
                .at("2025-11-13T09:00").no("A3", BUDGET, null).wentQuiet("B3") // A3: 48 h
                .at("2025-11-13T10:00").followUp("B2", EMAIL)             // into silence (2)
                .at("2025-11-13T14:00").couldNotReach("B2")
                .at("2025-11-14T09:00").cameBack("B3").wentQuiet("A4")
                .at("2025-11-14T10:00").followUp("B3", EMAIL)             // B3's quiet spell is over
                .followUp("B2", CALL)                                     // into silence (3)
                .at("2025-11-14T15:00").couldNotReach("B2");
        // After the period: nothing of this is in the digest's figures.
        history.at("2025-11-17T09:30").followUp("A4", EMAIL)
                .at("2025-11-17T10:00").no("A4", WENT_ANOTHER_WAY, "Went with a partner").wentQuiet("A5")
                .silentNow("B2", 9).silentNow("A5", 12);
    }

    Digest digest(boolean perRepDetail) {
        return metrics.digest(history.facts(TeamHistory.team("West", perRepDetail, ANA, BEN), WEEK, Optional.of(4)));
    }

    @Nested
    class The_period {

        @Test
        void counts_yes_and_no_and_beside_them_prospects_who_came_back_and_calls_that_did_not_connect() {
            PeriodFigures week = digest(false).current();
            assertThat(week.yes()).isEqualTo(1);
            assertThat(week.no()).isEqualTo(2);
            assertThat(week.truths()).isEqualTo(3);
            assertThat(week.cameBack()).isEqualTo(1);
            assertThat(week.notReached()).isEqualTo(2);
            assertThat(week.reasons()).containsExactly(Map.entry(BUDGET, 2));
        }

        @Test
        void truth_rate_is_the_share_of_quiet_spells_begun_in_the_period_that_reached_yes_or_no_in_it() {
            // Begun: A2, A3, B2, B3, A4 (A5 began after the end). Reached: A2 and A3. B3 came back on its own,
            // which is good news but not a truth the rep learned; A4's no came after the period.
            PeriodFigures week = digest(false).current();
            assertThat(week.opened()).isEqualTo(5);
            assertThat(week.reachedTruth()).isEqualTo(2);
            assertThat(week.truthRatePercent()).contains(40);
        }

        @Test
        void median_time_to_truth_runs_from_the_start_of_the_quiet_spell_to_the_recorded_truth() {
            // B1 168 h, A2 30 h, A3 48 h.
            assertThat(digest(false).current().medianTimeToTruth()).contains(Duration.ofHours(48));
        }

        @Test
        void pipeline_released_is_the_amount_on_clear_nos_per_currency() {
            assertThat(digest(false).current().released())
                    .containsExactly(Map.entry("EUR", new BigDecimal("15000")), Map.entry("GBP", new BigDecimal("48000")));
        }

        @Test
        void follow_ups_into_silence_are_emails_and_calls_made_while_a_quiet_spell_was_open() {
            // B1 on the 11th, B2 on the 13th and 14th. Not: A2's call before its spell began, B3's email after
            // its spell ended, anything after the period.
            assertThat(digest(false).current().followUpsIntoSilence()).isEqualTo(3);
        }
    }

    @Nested
    class The_previous_period_beside_it {

        @Test
        void has_the_same_figures_for_the_week_before() {
            PeriodFigures before = digest(false).previous();
            assertThat(before.yes()).isZero();
            assertThat(before.no()).isEqualTo(1);
            assertThat(before.cameBack()).isZero();
            assertThat(before.notReached()).isEqualTo(1);
            assertThat(before.opened()).isEqualTo(2);
            assertThat(before.reachedTruth()).isEqualTo(1);
            assertThat(before.truthRatePercent()).contains(50);
            assertThat(before.medianTimeToTruth()).contains(Duration.ofHours(48));
            assertThat(before.released()).containsExactly(Map.entry("GBP", new BigDecimal("10000")));
            // A1's call; not the note, not B1's email before it went quiet, not the automatic message.
            assertThat(before.followUpsIntoSilence()).isEqualTo(2);
        }
    }

    @Nested
    class The_silent_zone_now {

        @Test
        void counts_the_deals_waiting_for_a_truth_their_amount_and_the_longest_quiet() {
            Digest digest = digest(false);
            assertThat(digest.silentNow().deals()).isEqualTo(2);
            assertThat(digest.silentNow().amounts())
                    .containsExactly(Map.entry("GBP", new BigDecimal("20000")), Map.entry("USD", new BigDecimal("5000")));
            assertThat(digest.silentNow().longestQuietDays()).isEqualTo(12);
            assertThat(digest.silentAtLastDigest()).contains(4);
        }
    }

    @Nested
    class The_voice_of_the_lost {

        @Test
        void keeps_the_notes_of_the_period_and_masks_the_prospects_names_without_per_rep_detail() {
            List<LostVoice> voices = digest(false).voices();
            assertThat(voices).containsExactly(new LostVoice(BUDGET,
                    "[name] said the budget moved to the prospect's warehouse project", null, null));
        }

        @Test
        void names_the_company_and_the_rep_with_per_rep_detail() {
            assertThat(digest(true).voices()).containsExactly(new LostVoice(BUDGET,
                    "Olivia said the budget moved to Atlas's warehouse project", "Atlas Freight Ltd", "Ana López"));
        }
    }

    @Nested
    class Per_rep_detail {

        @Test
        void lists_each_rep_by_name_with_truths_learned_and_deals_waiting_when_turned_on() {
            assertThat(digest(true).reps()).containsExactly(
                    new RepDetail("Ana López", 0, 2, 1),
                    new RepDetail("Ben Okafor", 1, 0, 1));
        }

        @Test
        void is_absent_when_turned_off() {
            assertThat(digest(false).reps()).isEmpty();
        }
    }

    @Nested
    class The_chart {

        @Test
        void counts_yes_and_no_in_each_of_the_eight_weeks_up_to_the_digest() {
            List<WeeklyTruths.Week> weeks = digest(false).weeks().weeks();
            assertThat(weeks).hasSize(8);
            assertThat(weeks.get(0).start()).isEqualTo(LocalDate.parse("2025-09-22"));
            assertThat(weeks.get(6)).isEqualTo(new WeeklyTruths.Week(LocalDate.parse("2025-11-03"), 0, 1));
            assertThat(weeks.get(7)).isEqualTo(new WeeklyTruths.Week(LocalDate.parse("2025-11-10"), 1, 2));
            assertThat(weeks.subList(0, 6)).allSatisfy(w -> assertThat(w.yes() + w.no()).isZero());
        }
    }

    @Nested
    class Edge_cases {

        @Test
        void the_median_of_an_even_count_is_halfway_between_the_middle_two() {
            assertThat(DigestMetrics.median(List.of(Duration.ofHours(48), Duration.ofHours(30))))
                    .contains(Duration.ofHours(39));
            assertThat(DigestMetrics.median(List.of())).isEmpty();
        }

        @Test
        void a_period_where_nothing_began_has_no_truth_rate_rather_than_zero_percent() {
            PeriodFigures empty = DigestMetrics.figures(new DigestPeriod(WEEK.to().plus(Duration.ofDays(7)),
                            WEEK.to().plus(Duration.ofDays(14))),
                    List.of(), history.episodes(), Map.of(), 0);
            assertThat(empty.opened()).isZero();
            assertThat(empty.truthRatePercent()).isEmpty();
            assertThat(empty.medianTimeToTruth()).isEmpty();
        }

        @Test
        void a_no_without_a_reason_counts_as_other_after_the_most_frequent() {
            history.deal("C1", BEN, "Harbor Health", "Ian Cole", "1000", "GBP")
                    .at("2025-11-15T10:00").wentQuiet("C1").at("2025-11-15T11:00").no("C1", null, null);
            Map<NoReason, Integer> reasons = digest(false).current().reasons();
            assertThat(reasons).containsExactly(Map.entry(BUDGET, 2), Map.entry(NoReason.OTHER, 1));
        }
    }
}
