package dev.silentdeals.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutoReplySignalsTest {

    @ParameterizedTest
    @ValueSource(strings = {"Automatic reply: Northwind proposal", "Out of Office: back on Monday",
            "[Out of Office] Northwind", "Auto: Re: pricing", "Undeliverable: Fabrikam renewal",
            "Delivery Status Notification (Failure)", "Mail delivery failed: returning message to sender",
            "Abwesenheitsnotiz: Angebot", "Automatische Antwort: Angebot", "Réponse automatique : Proposition",
            "Respuesta automática: propuesta", "Email: Automatic reply: Pricing"})
    void subjectsOfAutomaticMailAreRecognised(String subject) {
        assertThat(AutoReplySignals.isAutomatic(subject, null, "someone@example.com")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RE: Northwind proposal", "Re: out of office plans for the rollout",
            "Our reply on the automatic renewal clause", "Fwd: delivery schedule"})
    void realRepliesAreNot(String subject) {
        assertThat(AutoReplySignals.isAutomatic(subject, "Received: from mail.example.com\nAuto-Submitted: no",
                "maria@example.com")).isFalse();
    }

    @Test
    void standardHeadersDecideEvenWithAnOrdinarySubject() {
        assertThat(AutoReplySignals.isAutomatic("RE: proposal", "Received: x\nAuto-Submitted: auto-replied", null))
                .isTrue();
        assertThat(AutoReplySignals.isAutomatic("RE: proposal", "X-Autoreply: yes", null)).isTrue();
        assertThat(AutoReplySignals.isAutomatic("RE: proposal", "Precedence: auto_reply", null)).isTrue();
        assertThat(AutoReplySignals.isAutomatic("RE: proposal",
                "Content-Type: multipart/report; report-type=delivery-status", null)).isTrue();
    }

    @Test
    void mailSystemSendersAreBounces() {
        assertThat(AutoReplySignals.isAutomatic("Your message", null, "MAILER-DAEMON@mail.example.com")).isTrue();
        assertThat(AutoReplySignals.isAutomatic("Your message", null, "postmaster@example.com")).isTrue();
    }
}
