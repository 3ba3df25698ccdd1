package dev.silentdeals.digests;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.silentdeals.deals.Contact;
import dev.silentdeals.deals.Deal;
import dev.silentdeals.deals.StoredDeal;
import dev.silentdeals.silence.Episode;
import dev.silentdeals.silence.Pause;
import dev.silentdeals.silence.SilenceVerdict;
import dev.silentdeals.silence.SilenceVerdict.Status;
import dev.silentdeals.silence.SilentDeal;
import dev.silentdeals.texts.Texts;
import org.junit.jupiter.api.Test;

/** {@code /silent-deals team}: the team's silent deals in aggregate, naming no deal and no prospect. */
class TeamSilentDealsTest {

    static final Instant NOW = Instant.parse("2025-11-13T12:00:00Z");

    final Map<String, List<SilentDeal>> judged = Map.of(
            "ana@example.com", List.of(deal("A1", "Proposal", "48000", "GBP", Status.SILENT, 12, true, 1),
                    deal("A2", "Demo", "12000", "GBP", Status.SILENT, 8, false, 0),
                    deal("A3", "Demo", "5000", "GBP", Status.PAUSED, 9, false, 0),
                    deal("A4", "Demo", "7000", "GBP", Status.RECENT_REPLY, 1, false, 0)),
            "ben@example.com", List.of(deal("B1", "Proposal", "30000", "EUR", Status.SILENT, 9, true, 2)));
    final Map<String, String> names = Map.of("ana@example.com", "Ana López", "ben@example.com", "Ben Okafor");

    @Test
    void counts_silent_deals_by_stage_and_how_far_each_is_on_the_way_to_a_truth() {
        TeamSilentDeals view = TeamSilentDeals.of(TeamHistory.team("West", false), judged, names);

        assertThat(view.zone().deals()).isEqualTo(3);
        assertThat(view.zone().amounts()).containsExactly(Map.entry("EUR", new BigDecimal("30000")),
                Map.entry("GBP", new BigDecimal("60000")));
        assertThat(view.zone().longestQuietDays()).isEqualTo(12);
        assertThat(view.byStage()).containsExactly(Map.entry("Proposal", 2), Map.entry("Demo", 1));
        assertThat(view.scriptSent()).isEqualTo(2);
        assertThat(view.awaiting()).isEqualTo(1);
        assertThat(view.notConnected()).isEqualTo(3);
        assertThat(view.paused()).isEqualTo(1);
        assertThat(view.reps()).isEmpty();
    }

    @Test
    void names_reps_only_with_per_rep_detail_and_never_the_prospects() {
        TeamSilentDeals view = TeamSilentDeals.of(TeamHistory.team("West", true), judged, names);
        assertThat(view.reps()).containsExactly(Map.entry("Ana López", 2), Map.entry("Ben Okafor", 1));

        String text = DigestBlocksTest.textOf(new TeamViewBlocks(Texts.english()).render(view));
        assertThat(text).contains("Silent deals · West", "*3 deals* · EUR 30,000 · GBP 60,000",
                "the longest quiet for 12 business days", "Proposal (2) · Demo (1)", "*Call script sent:* 2",
                "*message still to come:* 1", "calls that didn't connect so far:* 3", "for a known reason:* 1",
                "(not a ranking): Ana López (2) · Ben Okafor (1)");
        assertThat(text).doesNotContain("Company A1", "Contact");
    }

    static SilentDeal deal(String id, String stage, String amount, String currency, Status status, int quiet,
                           boolean nudged, int notReached) {
        Deal deal = new Deal("T1", id, "Deal " + id, "Company " + id, stage, new BigDecimal(amount), currency,
                "x@example.com", new Contact("Contact " + id, null, null), false, false, NOW);
        Episode episode = status != Status.SILENT ? null : new Episode("T1", id + "-1", id, "x@example.com",
                NOW.minusSeconds(86_400), NOW.minusSeconds(86_400L * 20), quiet, 2, nudged ? NOW : null, null, null,
                null, quiet, 2, notReached, null, null);
        Pause pause = status == Status.PAUSED ? new Pause(id, "CHAMPION_AWAY", null, LocalDate.parse("2025-12-01"),
                "U1", NOW) : null;
        return new SilentDeal(new StoredDeal(deal, List.of(), null),
                new SilenceVerdict(status, quiet, 2, NOW.minusSeconds(86_400L * 20)), episode, pause);
    }
}
