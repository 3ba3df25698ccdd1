package dev.silentdeals.crm.pipedrive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutoReplyPatternsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Automatic reply: Proposal for Northwind",
            "Autoreply: Your message",
            "Auto-Reply: Re: pricing",
            "Auto: Out of Office until 10 June",
            "Out of Office: Anna Berg",
            "RE: Out of the office",
            "OOO until Monday",
            "Undeliverable: Proposal for Northwind",
            "Delivery Status Notification (Failure)",
            "Mail delivery failed: returning message to sender",
            "Returned mail: see transcript for details",
            "Abwesenheitsnotiz: Angebot",
            "Automatische Antwort: Ihr Angebot",
            "AW: Abwesenheitsnotiz",
            "Réponse automatique : Proposition",
            "Respuesta automática: Propuesta"})
    void recognisesMachineAnswersBySubject(String subject) {
        assertThat(AutoReplyPatterns.isAutoReply(subject, "anna.berg@northwind.example")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Re: Proposal for Northwind",
            "Re: Pricing review",
            "Thoughts on the auto-renewal clause",
            "Our office move next week",
            "Re: Delivery timeline for the pilot",
            "Fwd: reply from our legal team"})
    void leavesRealRepliesAlone(String subject) {
        assertThat(AutoReplyPatterns.isAutoReply(subject, "anna.berg@northwind.example")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MAILER-DAEMON@mx.northwind.example", "postmaster@northwind.example"})
    void recognisesBounceSenders(String sender) {
        assertThat(AutoReplyPatterns.isAutoReply("Re: Proposal for Northwind", sender)).isTrue();
    }
}
