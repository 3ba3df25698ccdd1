package dev.silentdeals.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutoReplyDetectorTest {

    private final AutoReplyDetector detector = new AutoReplyDetector();

    @ParameterizedTest
    @ValueSource(strings = {"Automatic reply: Re: Proposal", "Auto: Follow-up", "Out of Office: Back on Monday",
            "Out of the office until 3 June", "AutoReply: your message", "Auto-Response", "Undeliverable: Pricing",
            "Undelivered Mail Returned to Sender", "Delivery Status Notification (Failure)",
            "Mail delivery failed: returning message to sender", "Abwesenheitsnotiz: Angebot",
            "Automatische Antwort: Angebot", "Réponse automatique : Proposition", "REPONSE AUTOMATIQUE",
            "Respuesta automática: Propuesta", "Risposta automatica: Offerta", "Automatisch antwoord: Offerte"})
    void automaticSubjectsAreRecognised(String subject) {
        assertThat(detector.isAutomatic(subject, "maria@northwind.test")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Re: Proposal", "Re: Automation options for the warehouse", "Fwd: Pilot scope",
            "Happy to talk about the office move", "Re: Auto parts order"})
    void realRepliesAreNotMistakenForAutomaticOnes(String subject) {
        assertThat(detector.isAutomatic(subject, "maria@northwind.test")).isFalse();
    }

    @Test
    void bouncesAreRecognisedByTheirSenderEvenWithAPlainSubject() {
        assertThat(detector.isAutomatic("Re: Proposal", "MAILER-DAEMON@mail.northwind.test")).isTrue();
        assertThat(detector.isAutomatic("Returned", "postmaster@globex.test")).isTrue();
        assertThat(detector.isAutomatic("Re: Proposal", "post@globex.test")).isFalse();
    }

    @Test
    void missingSubjectAndSenderMeanARealReply() {
        assertThat(detector.isAutomatic(null, null)).isFalse();
    }
}
