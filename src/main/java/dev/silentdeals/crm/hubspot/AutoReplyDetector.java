package dev.silentdeals.crm.hubspot;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells automatic answers (out-of-office notes, auto-replies, bounces and delivery failures) from real
 * replies. HubSpot does not expose an "automatic" flag or the raw mail headers (its {@code hs_email_headers}
 * holds only from/to/cc/bcc), so we judge from the subject and from the sender's mailbox. The patterns live
 * here and only here; docs/crm-hubspot.md lists them.
 */
final class AutoReplyDetector {

    /** Subject fragments mail systems put on automatic answers, matched case-insensitively anywhere. */
    static final List<String> SUBJECT_PATTERNS = List.of(
            // English
            "automatic reply", "auto[- ]?reply", "autoreply", "auto[- ]?response", "^auto:",
            "out of (the )?office", "undeliverable", "undelivered mail", "delivery status notification",
            "mail delivery (failed|failure|subsystem)", "delivery (has )?failed", "returned mail",
            "failure notice", "message not delivered",
            // German
            "abwesenheitsnotiz", "automatische antwort", "unzustellbar",
            // French
            "r[ée]ponse automatique", "absence du bureau", "non distribuable",
            // Spanish, Portuguese, Italian, Dutch
            "respuesta autom[áa]tica", "fuera de la oficina", "resposta autom[áa]tica", "risposta automatica",
            "fuori sede", "automatisch antwoord", "afwezigheidsbericht");

    /** Mailboxes that only ever send bounces and delivery reports. */
    static final List<String> SYSTEM_SENDERS = List.of("mailer-daemon", "postmaster", "mail-daemon",
            "microsoftexchange");

    private static final Pattern SUBJECT = Pattern.compile(String.join("|", SUBJECT_PATTERNS),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    boolean isAutomatic(String subject, String fromEmail) {
        return subjectLooksAutomatic(subject) || senderIsSystem(fromEmail);
    }

    static boolean subjectLooksAutomatic(String subject) {
        return subject != null && SUBJECT.matcher(subject.strip()).find();
    }

    static boolean senderIsSystem(String fromEmail) {
        if (fromEmail == null) {
            return false;
        }
        String mailbox = fromEmail.strip().toLowerCase(Locale.ROOT);
        int at = mailbox.indexOf('@');
        String local = at < 0 ? mailbox : mailbox.substring(0, at);
        return SYSTEM_SENDERS.stream().anyMatch(local::startsWith);
    }
}
