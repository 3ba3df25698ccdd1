package dev.silentdeals.reps;

import java.time.ZoneId;

/** A deal owner as Slack knows them: their user id, name and the time zone their Slack profile reports. */
public record Rep(String email, String userId, String realName, ZoneId timeZone) {

    public String firstName() {
        String name = realName == null || realName.isBlank() ? email.substring(0, email.indexOf('@')) : realName;
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }
}
