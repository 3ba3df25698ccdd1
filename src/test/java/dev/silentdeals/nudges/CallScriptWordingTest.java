package dev.silentdeals.nudges;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import dev.silentdeals.deals.Contact;
import dev.silentdeals.deals.Deal;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.texts.Texts;
import org.junit.jupiter.api.Test;

/** The scripts carry the method (METHOD.md): its elements are there, and chasing words never are. */
class CallScriptWordingTest {

    static final List<String> CHASING_WORDS = List.of("just checking in", "circling back", "touch base", "following up",
            "deadline", "discount", "urgent", "asap", "last chance", "limited time", "act now", "bump");

    final NudgeComposer composer = new NudgeComposer(Texts.english(),
            new NudgeProperties(null, null, 3, "Northwind"));
    final Deal deal = new Deal("T1", "D1", "Fleet", "Atlas Freight", "Proposal", new BigDecimal("48000"), "GBP",
            "ana@example.com", new Contact("Olivia Brown", "o@atlas.example", "+44 20 7946 0001"), false, false,
            Instant.parse("2026-11-10T00:00:00Z"));
    final Rep ana = new Rep("ana@example.com", "U1", "Ana López", ZoneId.of("Europe/London"));

    @Test
    void the_call_script_has_every_element_of_a_good_call() {
        String call = composer.script(deal, ana, 0).call();

        assertThat(call).startsWith("Hi Olivia").contains("Ana from Northwind");
        assertThat(call).contains("not calling to move anything forward");
        assertThat(call).contains("dropped the ball").contains("sorry");
        assertThat(call).contains("another direction").contains("completely fine");
        assertThat(call).contains("what I could have done better");
    }

    @Test
    void the_call_script_is_short_enough_to_say_in_about_thirty_seconds() {
        String call = composer.script(deal, ana, 0).call();
        assertThat(call.split("\\s+").length).isLessThanOrEqualTo(80);
    }

    @Test
    void voicemail_and_email_versions_come_only_after_two_calls_that_did_not_connect() {
        assertThat(composer.script(deal, ana, 0).hasLastResortVersions()).isFalse();
        assertThat(composer.script(deal, ana, 1).hasLastResortVersions()).isFalse();
        CallScript afterTwo = composer.script(deal, ana, 2);
        assertThat(afterTwo.hasLastResortVersions()).isTrue();
        assertThat(afterTwo.voicemail()).contains("Olivia", "completely fine");
        assertThat(afterTwo.emailBody()).contains("Olivia", "Atlas Freight", "Ana");
    }

    @Test
    void without_the_sellers_company_the_script_still_reads_naturally() {
        NudgeComposer noCompany = new NudgeComposer(Texts.english(), new NudgeProperties(null, null, 3, ""));
        assertThat(noCompany.script(deal, ana, 0).call()).contains("it's Ana.").doesNotContain(" from ");
    }

    @Test
    void no_sentence_the_product_shows_uses_chasing_words() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/texts/messages.properties")) {
            messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(messages).isNotEmpty();
        messages.forEach((key, value) -> {
            String text = value.toString().toLowerCase(Locale.ROOT);
            CHASING_WORDS.forEach(word -> assertThat(text).as("text %s", key).doesNotContain(word));
        });
    }
}
