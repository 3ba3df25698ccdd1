package dev.silentdeals.nudges;

/**
 * Sends a nudge to the rep (a Slack DM, or the console in preview mode). Throws when it could not be
 * delivered; the nudge is then tried again on the next pass.
 */
public interface NudgeDelivery {

    Delivered deliver(Nudge nudge);

    /** Whether deliveries must wait for the rep's working hours (preview prints at once). */
    default boolean respectsWorkingHours() {
        return true;
    }

    /** Where the message went, so it can be updated in place later. */
    record Delivered(String channel, String ts) {
    }
}
