package dev.silentdeals.crm.salesforce;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells automatic answers (out-of-office notes, auto-replies, bounces and delivery reports) from a person
 * writing back. Salesforce keeps the headers of incoming email on EmailMessage.Headers, so the standard
 * headers decide first; the subject patterns below catch the rest, and are the one list to extend.
 */
final class AutoReplySignals {

    /**
     * Subject openings of automatic mail, compared case-insensitively after an optional "[" or "(" and after
     * Salesforce's "Email:" prefix on logged-email tasks.
     */
    static final List<String> SUBJECT_OPENINGS = List.of(
            "automatic reply", "auto reply", "auto-reply", "autoreply", "auto response", "auto-response",
            "automatic response", "auto:", "out of office", "out of the office", "ooo:", "away from the office",
            "undeliverable", "undelivered mail", "undelivered:", "delivery status notification",
            "delivery failure", "delivery has failed", "mail delivery failed", "mail delivery failure",
            "mail delivery subsystem", "returned mail", "failure notice", "message not delivered",
            "abwesenheitsnotiz", "automatische antwort", "abwesend", "unzustellbar",
            "réponse automatique", "reponse automatique", "absence du bureau", "message d'absence", "non remis",
            "respuesta automática", "respuesta automatica", "fuera de la oficina",
            "risposta automatica", "fuori sede", "automatisch antwoord", "afwezig", "resposta automática");

    /** Header lines that mark automatic mail (RFC 3834 Auto-Submitted, vendor auto-reply flags, bounces). */
    private static final List<Pattern> HEADER_SIGNALS = List.of(
            Pattern.compile("(?im)^auto-submitted:\\s*(?!no\\b)\\S+"),
            Pattern.compile("(?im)^x-autoreply:"),
            Pattern.compile("(?im)^x-autorespond:"),
            Pattern.compile("(?im)^x-auto-response:"),
            Pattern.compile("(?im)^precedence:\\s*(auto_reply|bulk|junk)\\b"),
            Pattern.compile("(?im)^x-failed-recipients:"),
            Pattern.compile("(?im)^content-type:\\s*multipart/report\\b"));

    private static final List<String> BOUNCE_SENDERS = List.of("mailer-daemon@", "postmaster@");

    private AutoReplySignals() {
    }

    static boolean isAutomatic(String subject, String headers, String fromAddress) {
        return headersSayAutomatic(headers) || senderIsMailSystem(fromAddress) || subjectSaysAutomatic(subject);
    }

    static boolean subjectSaysAutomatic(String subject) {
        if (subject == null) {
            return false;
        }
        String text = subject.strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("email:")) {
            text = text.substring("email:".length()).strip();
        }
        while (text.startsWith("[") || text.startsWith("(")) {
            text = text.substring(1).strip();
        }
        for (String opening : SUBJECT_OPENINGS) {
            if (text.startsWith(opening)) {
                return true;
            }
        }
        return false;
    }

    static boolean headersSayAutomatic(String headers) {
        if (headers == null || headers.isBlank()) {
            return false;
        }
        return HEADER_SIGNALS.stream().anyMatch(signal -> signal.matcher(headers).find());
    }

    private static boolean senderIsMailSystem(String fromAddress) {
        if (fromAddress == null) {
            return false;
        }
        String address = fromAddress.strip().toLowerCase(Locale.ROOT);
        return BOUNCE_SENDERS.stream().anyMatch(address::startsWith);
    }
}
