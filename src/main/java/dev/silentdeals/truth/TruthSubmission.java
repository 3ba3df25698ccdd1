package dev.silentdeals.truth;

import java.time.LocalDate;

/**
 * What the rep entered. {@code reason} only for NO; {@code nextStep} and {@code date} are optional for
 * YES (the date of the next step) and required as a revisit date for NO with reason TIMING.
 */
public record TruthSubmission(Outcome outcome, NoReason reason, String nextStep, LocalDate date, String note) {

    public TruthSubmission {
        nextStep = blankToNull(nextStep);
        note = blankToNull(note);
    }

    public static TruthSubmission of(Outcome outcome) {
        return new TruthSubmission(outcome, null, null, null, null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
