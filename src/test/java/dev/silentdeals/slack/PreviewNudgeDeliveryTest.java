package dev.silentdeals.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import dev.silentdeals.deals.Contact;
import dev.silentdeals.nudges.CallScript;
import dev.silentdeals.nudges.FollowUpKind;
import dev.silentdeals.nudges.Nudge;
import dev.silentdeals.nudges.Revisit;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.texts.Texts;
import dev.silentdeals.truth.Outcome;
import org.junit.jupiter.api.Test;

/** Preview mode prints each message it would send, with every line taken from the texts. */
class PreviewNudgeDeliveryTest {

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PreviewNudgeDelivery preview = new PreviewNudgeDelivery(Texts.english(),
            new PrintStream(bytes, true, StandardCharsets.UTF_8), "09:00-17:00");
    final Rep ana = new Rep("ana@example.com", "U0ANA", "Ana López", ZoneId.of("Europe/London"));
    final Nudge nudge = new Nudge("T1", "D1-1", "D1", ana, "Atlas Freight", "Fleet", "Proposal", "£48,000",
            new Contact("Olivia Brown", "olivia@atlas.example", "+44 20 7946 0001"), 9, 3,
            LocalDate.parse("2026-11-02"), 0, new CallScript("Hi Olivia, it's Ana.", null, null, null));

    @Test
    void a_nudge_shows_the_facts_the_script_and_when_slack_would_deliver_it() {
        preview.deliver(nudge);
        assertThat(printed()).contains("NUDGE (preview) ─ to Ana López <ana@example.com> ─ deal D1",
                "Atlas Freight has gone quiet", "3 follow-ups since Olivia last replied on 2 November",
                "Call script:", "Hi Olivia, it's Ana.", "Phone: +44 20 7946 0001", "[Record the truth]",
                "Ana's working hours, 09:00-17:00 Europe/London");
    }

    @Test
    void the_step_back_and_the_reminder_say_they_are_the_only_follow_up() {
        preview.deliverFollowUp(FollowUpKind.STEP_BACK, nudge);
        preview.deliverFollowUp(FollowUpKind.REMINDER, nudge);
        assertThat(printed()).contains("STEP-BACK NUDGE (preview)", "another follow-up went out", "Hi Olivia, it's Ana.",
                "only extra word", "REMINDER (preview)", "A gentle word about Atlas Freight", "only reminder");
    }

    @Test
    void a_revisit_shows_the_reconnecting_script() {
        preview.deliverRevisit(new Revisit("T1", "D1", ana, Outcome.YES, LocalDate.parse("2026-11-24"), "Kickoff",
                "Atlas Freight", nudge.contact(), "Hi Olivia, we'd agreed to pick things up today."));
        assertThat(printed()).contains("REVISIT (preview)", "Reconnecting with Atlas Freight",
                "next step you agreed with Olivia: Kickoff", "we'd agreed to pick things up today", "once.");
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
