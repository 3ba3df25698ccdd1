package dev.silentdeals.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import dev.silentdeals.crm.TruthWriteBack;
import org.junit.jupiter.api.Test;

class TruthNoteTest {

    @Test
    void aNotReachedNoteSaysSoCalmlyAndCarriesItsMarker() {
        TruthWriteBack truth = new TruthWriteBack("7g8h", "9001", "NOT_REACHED", null, null, null, null,
                "ben@acme.test", Instant.parse("2025-03-10T08:05:00Z"), false);

        assertThat(TruthNote.body(truth)).isEqualTo("<p><strong>Truth recorded with silent-deals</strong></p>"
                + "<p>Outcome: Not reached yet (called, no answer)</p>"
                + "<p>Recorded by ben@acme.test on 2025-03-10 08:05 UTC</p><p>[silent-deals truth 7g8h]</p>");
    }

    @Test
    void theReasonCodeStandsInWhenThereAreNoWordsForIt() {
        TruthWriteBack truth = new TruthWriteBack("1a2b", "9001", "NO", "BUDGET_GONE", " ", null, null, null, null,
                true);

        assertThat(TruthNote.body(truth)).contains("<p>Reason: BUDGET_GONE</p>").doesNotContain("Recorded");
    }

    @Test
    void whatTheRepTypedIsEscaped() {
        TruthWriteBack truth = new TruthWriteBack("1a2b", "9001", "NO", "OTHER", "Went <b>elsewhere</b> & fast",
                "\"It's\" done", null, null, null, false);

        assertThat(TruthNote.body(truth))
                .contains("Reason: Went &lt;b&gt;elsewhere&lt;/b&gt; &amp; fast")
                .contains("Rep's note: &quot;It&#39;s&quot; done");
    }

    @Test
    void theMarkerIsFoundInAStoredNoteAndOnlyForItsOwnTruth() {
        String stored = "<div><p>Outcome: Not moving forward</p><p>[silent-deals truth 1a2b]</p></div>";

        assertThat(TruthNote.carriesMarker(stored, "1a2b")).isTrue();
        assertThat(TruthNote.carriesMarker(stored, "1a2")).isFalse();
        assertThat(TruthNote.carriesMarker(null, "1a2b")).isFalse();
    }
}
