package dev.silentdeals.teams;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The teams file (TEAMS_FILE; blank = no teams) and the admins (SLACK_ADMINS, comma-separated ids or emails). */
@ConfigurationProperties(prefix = "silent-deals.teams")
record TeamsProperties(String file, String admins) {

    TeamsProperties {
        file = file == null ? "" : file.strip();
        admins = admins == null ? "" : admins.strip();
    }
}
