package dev.silentdeals.reps;

import java.util.Optional;

/**
 * Finds a rep in the chat workspace by email (Slack: users.lookupByEmail, then users.info for the time
 * zone). Implemented by the Slack module; preview mode has its own.
 */
public interface RepLookup {

    Optional<Rep> byEmail(String teamId, String email);

    /** The rep behind a Slack user id (users.info: profile email and time zone). */
    Optional<Rep> byUserId(String teamId, String userId);
}
