package dev.silentdeals.teams;

import java.time.ZoneId;
import java.util.List;

/**
 * A sales team from the teams file: who manages it, who is in it (emails or Slack user ids), where its
 * digest goes and when (a Quartz cron in the team's time zone), and whether digests name reps.
 */
public record Team(String name, List<String> managers, List<String> members, String channel, String schedule,
                   ZoneId timeZone, boolean perRepDetail) {

    public static final String DEFAULT_SCHEDULE = "0 0 9 ? * MON";

    public Team {
        managers = List.copyOf(managers);
        members = List.copyOf(members);
    }
}
