package dev.silentdeals.nudges;

/**
 * Sends the bot's messages to a rep (a Slack DM, or the console in preview mode): the nudge, the one
 * follow-up an episode may get, and the one revisit a truth may ask for. Each throws when it could not
 * deliver; the message is then tried again on a later pass.
 */
public interface NudgeDelivery {

    Delivered deliver(Nudge nudge);

    /** The step-back or the reminder for the nudge's episode. */
    Delivered deliverFollowUp(FollowUpKind kind, Nudge nudge);

    Delivered deliverRevisit(Revisit revisit);

    /** Whether deliveries must wait for the rep's working hours (preview prints at once). */
    default boolean respectsWorkingHours() {
        return true;
    }

    /** Where the message went, so it can be updated in place later. */
    record Delivered(String channel, String ts) {
    }
}
