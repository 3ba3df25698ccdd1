package dev.silentdeals.truth;

/** Why a prospect is not moving forward. TIMING asks for a date to revisit. */
public enum NoReason {
    WENT_ANOTHER_WAY, NO_DECISION, BUDGET, TIMING, WE_MISSED_SOMETHING, OTHER;

    public boolean needsRevisitDate() {
        return this == TIMING;
    }
}
