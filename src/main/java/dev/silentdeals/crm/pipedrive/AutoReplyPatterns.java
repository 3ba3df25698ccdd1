package dev.silentdeals.crm.pipedrive;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place that decides whether an incoming email is a machine's answer rather than the prospect's:
 * out-of-office notes, automatic replies and delivery failures. Pipedrive's mail API exposes neither the
 * {@code Auto-Submitted} nor the {@code X-Autoreply} header, so we judge by the subject and the sender.
 * Documented in docs/crm-pipedrive.md; add a language's phrasing here and nowhere else.
 */
final class AutoReplyPatterns {

    /** Subject phrases, matched case-insensitively. Anchored ones must open the subject (after RE:/AW:/FW:). */
    static final List<Pattern> SUBJECTS = List.of(
            opening("auto(matic|matische)?[ -]?(reply|response|antwort)"),
            opening("auto:"),
            opening("ooo\\b"),
            anywhere("out of (the )?office"),
            anywhere("automatic reply"),
            anywhere("undeliverable"),
            anywhere("undelivered mail"),
            anywhere("delivery status notification"),
            anywhere("delivery (has )?failed"),
            anywhere("mail delivery (failed|failure|subsystem)"),
            anywhere("returned mail"),
            anywhere("failure notice"),
            anywhere("abwesenheitsnotiz"),
            anywhere("automatische antwort"),
            anywhere("nicht im büro"),
            anywhere("réponse automatique"),
            anywhere("absence du bureau"),
            anywhere("respuesta automática"),
            anywhere("fuera de la oficina"),
            anywhere("risposta automatica"),
            anywhere("fuori ufficio"),
            anywhere("automatisch antwoord"),
            anywhere("afwezigheidsbericht"));

    /** Local parts of senders that only ever send bounces and delivery reports. */
    static final List<String> SYSTEM_SENDERS = List.of("mailer-daemon", "postmaster");

    private static final String REPLY_PREFIXES = "^\\s*((re|aw|wg|fw|fwd|tr|sv|vs)\\s*:\\s*)*";

    private AutoReplyPatterns() {
    }

    static boolean isAutoReply(String subject, String senderAddress) {
        if (subject != null) {
            for (Pattern pattern : SUBJECTS) {
                if (pattern.matcher(subject).find()) {
                    return true;
                }
            }
        }
        if (senderAddress != null) {
            String localPart = senderAddress.strip().toLowerCase(Locale.ROOT);
            int at = localPart.indexOf('@');
            localPart = at < 0 ? localPart : localPart.substring(0, at);
            return SYSTEM_SENDERS.contains(localPart);
        }
        return false;
    }

    private static Pattern opening(String regex) {
        return Pattern.compile(REPLY_PREFIXES + regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static Pattern anywhere(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
