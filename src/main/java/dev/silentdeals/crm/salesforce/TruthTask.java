package dev.silentdeals.crm.salesforce;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import dev.silentdeals.crm.TruthWriteBack;

/**
 * The completed Task that records a truth on the opportunity. Its Subject carries a short marker
 * ({@code [truth 1a2b3c]}) because Subject can be searched with LIKE and Description cannot; the
 * Description ends with the full marker {@code [silent-deals truth <truthId>]}.
 */
record TruthTask(String subject, String description, LocalDate activityDate, String subjectMarker) {

    private static final Pattern SHORT_ID = Pattern.compile("[A-Za-z0-9-]{1,40}");

    static TruthTask of(TruthWriteBack truth) {
        String marker = "[truth " + shortId(truth.truthId()) + "]";
        String outcome = truth.outcome() == null ? "UNKNOWN" : truth.outcome().toUpperCase(Locale.ROOT);
        StringJoiner lines = new StringJoiner("\n");
        lines.add("silent-deals recorded what the rep learned on this deal.");
        lines.add("Outcome: " + outcome + " (" + meaning(outcome) + ")");
        if (truth.reasonText() != null && !truth.reasonText().isBlank() || truth.reason() != null) {
            String words = truth.reasonText() == null || truth.reasonText().isBlank() ? truth.reason()
                    : truth.reasonText().strip();
            lines.add("Reason: " + words + (truth.reason() != null && !words.equals(truth.reason())
                    ? " (" + truth.reason() + ")" : ""));
        }
        if (truth.note() != null && !truth.note().isBlank()) {
            lines.add("Rep's note: " + truth.note().strip());
        }
        if (truth.revisitOn() != null) {
            lines.add("Reconnect on: " + truth.revisitOn());
        }
        if (truth.repEmail() != null && !truth.repEmail().isBlank()) {
            lines.add("Recorded by: " + truth.repEmail().strip()
                    + (truth.recordedAt() == null ? "" : " at " + truth.recordedAt()));
        }
        lines.add("[silent-deals truth " + truth.truthId() + "]");
        LocalDate day = truth.recordedAt() == null ? null : LocalDate.ofInstant(truth.recordedAt(), ZoneOffset.UTC);
        return new TruthTask("silent-deals: " + outcome + " " + marker, lines.toString(), day, marker);
    }

    private static String meaning(String outcome) {
        return switch (outcome) {
            case "YES" -> "still moving forward";
            case "NO" -> "not moving forward";
            case "NOT_REACHED" -> "not reached yet";
            case "REPLIED" -> "the prospect came back on their own";
            default -> "recorded by the rep";
        };
    }

    /** The truth id itself when short and plain, else a stable digest of it, so the LIKE stays exact. */
    static String shortId(String truthId) {
        if (truthId != null && SHORT_ID.matcher(truthId).matches()) {
            return truthId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(truthId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present in the JDK", e);
        }
    }
}
