package dev.silentdeals.nudges;

/**
 * The messages that may follow a nudge in the same episode; an episode gets at most one of them, so the
 * bot never nags.
 */
public enum FollowUpKind {
    /** New written follow-ups went out after the nudge: one short word on stepping back, and the script again. */
    STEP_BACK("step_back"),
    /** Nothing was recorded for a few business days: one kind reminder, then quiet. */
    REMINDER("reminder");

    private final String field;

    FollowUpKind(String field) {
        this.field = field;
    }

    String claimedField() {
        return field + "_at";
    }

    String channelField() {
        return field + "_channel";
    }

    String tsField() {
        return field + "_ts";
    }
}
