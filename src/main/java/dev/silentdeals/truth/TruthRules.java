package dev.silentdeals.truth;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks a submission before anything is stored; returns problems by field (empty when fine). */
public final class TruthRules {

    public static final String OUTCOME = "outcome";
    public static final String REASON = "reason";
    public static final String DATE = "date";

    private TruthRules() {
    }

    /** Problems as message keys by field; {@code today} is the rep's local date. */
    public static Map<String, String> problems(TruthSubmission submission, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (submission.outcome() == null) {
            problems.put(OUTCOME, "truthModal.error.outcomeNeeded");
            return problems;
        }
        if (submission.outcome() == Outcome.NO && submission.reason() == null) {
            problems.put(REASON, "truthModal.error.reasonNeeded");
        }
        if (submission.outcome() == Outcome.NO && submission.reason() != null
                && submission.reason().needsRevisitDate() && submission.date() == null) {
            problems.put(DATE, "truthModal.error.dateNeeded");
        }
        if (submission.date() != null && !submission.date().isAfter(today)
                && (submission.outcome() == Outcome.YES || submission.outcome() == Outcome.NO)) {
            problems.put(DATE, "truthModal.error.dateInPast");
        }
        return problems;
    }
}
