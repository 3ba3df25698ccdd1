package dev.silentdeals.crm.pipedrive;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.silentdeals.crm.TruthWriteBack;

/**
 * The note silent-deals leaves on a Pipedrive deal when a rep records a truth. Pipedrive notes are HTML, so
 * everything the rep typed is escaped. The last line is a marker with the truth's id, so a retry can see the
 * note is already there.
 */
final class TruthNote {

    private static final DateTimeFormatter RECORDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TruthNote() {
    }

    static String marker(String truthId) {
        return "[silent-deals truth " + truthId + "]";
    }

    static boolean carriesMarker(String noteContent, String truthId) {
        return noteContent != null && (noteContent.contains(marker(truthId))
                || noteContent.contains(escape(marker(truthId))));
    }

    static String content(TruthWriteBack truth) {
        StringBuilder html = new StringBuilder();
        line(html, "<b>Truth recorded with silent-deals</b>");
        line(html, "Outcome: " + escape(outcomeInWords(truth.outcome())));
        String reason = reasonInWords(truth);
        if (!reason.isEmpty()) {
            line(html, "Reason: " + escape(reason));
        }
        if (truth.note() != null && !truth.note().isBlank()) {
            line(html, "Note from the rep: " + escape(truth.note().strip()));
        }
        if (truth.revisitOn() != null) {
            line(html, "Reconnect on: " + truth.revisitOn());
        }
        StringBuilder recorded = new StringBuilder("Recorded");
        if (truth.repEmail() != null && !truth.repEmail().isBlank()) {
            recorded.append(" by ").append(escape(truth.repEmail().strip()));
        }
        if (truth.recordedAt() != null) {
            recorded.append(" on ").append(RECORDED.format(truth.recordedAt()));
        }
        line(html, recorded.toString());
        line(html, escape(marker(truth.truthId())));
        return html.toString();
    }

    static String reasonInWords(TruthWriteBack truth) {
        if (truth.reasonText() != null && !truth.reasonText().isBlank()) {
            return truth.reasonText().strip();
        }
        return truth.reason() == null ? "" : truth.reason().strip();
    }

    private static String outcomeInWords(String outcome) {
        if (outcome == null) {
            return "not given";
        }
        return switch (outcome) {
            case "YES" -> "still moving forward";
            case "NO" -> "not moving forward";
            case "NOT_REACHED" -> "called, not reached yet";
            case "REPLIED" -> "the prospect came back on their own";
            default -> outcome;
        };
    }

    private static void line(StringBuilder html, String text) {
        html.append("<p>").append(text).append("</p>");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
