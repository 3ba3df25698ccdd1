package dev.silentdeals.crm.hubspot;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.silentdeals.crm.TruthWriteBack;

/**
 * The note a recorded truth leaves on the HubSpot deal. HubSpot keeps {@code hs_note_body} as rich text, so
 * the note is small HTML with every value escaped. The last line is a marker carrying the truth id: a retry
 * finds it and does not write the note twice.
 */
final class TruthNote {

    private static final DateTimeFormatter RECORDED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TruthNote() {
    }

    static String marker(String truthId) {
        return "[silent-deals truth " + truthId + "]";
    }

    static boolean carriesMarker(String noteBody, String truthId) {
        String marker = marker(truthId);
        return noteBody != null && (noteBody.contains(marker) || noteBody.contains(escape(marker)));
    }

    static String body(TruthWriteBack truth) {
        StringBuilder html = new StringBuilder();
        paragraph(html, "<strong>Truth recorded with silent-deals</strong>");
        paragraph(html, "Outcome: " + escape(outcomeInWords(truth.outcome())));
        String reason = present(truth.reasonText()) ? truth.reasonText() : truth.reason();
        if (present(reason)) {
            paragraph(html, "Reason: " + escape(reason));
        }
        if (present(truth.note())) {
            paragraph(html, "Rep's note: " + escape(truth.note()));
        }
        if (truth.revisitOn() != null) {
            paragraph(html, "Reconnect on: " + truth.revisitOn());
        }
        String who = present(truth.repEmail()) ? " by " + escape(truth.repEmail()) : "";
        String when = truth.recordedAt() == null ? "" : " on " + RECORDED_AT.format(truth.recordedAt());
        if (!who.isEmpty() || !when.isEmpty()) {
            paragraph(html, "Recorded" + who + when);
        }
        paragraph(html, escape(marker(truth.truthId())));
        return html.toString();
    }

    static String outcomeInWords(String outcome) {
        if (outcome == null) {
            return "Not given";
        }
        return switch (outcome) {
            case "YES" -> "Still moving forward";
            case "NO" -> "Not moving forward";
            case "NOT_REACHED" -> "Not reached yet (called, no answer)";
            case "REPLIED" -> "The prospect came back on their own";
            default -> outcome;
        };
    }

    private static void paragraph(StringBuilder html, String content) {
        html.append("<p>").append(content).append("</p>");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
