package dev.silentdeals.slack;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How silent-deals talks to Slack. HTTP mode needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET; Socket
 * Mode needs SLACK_APP_TOKEN and SLACK_BOT_TOKEN; with neither, the service runs in preview mode and
 * prints what it would send. SLACK_API_URL points the Web API client elsewhere (tests use a fake).
 */
@ConfigurationProperties(prefix = "silent-deals.slack")
public record SlackProperties(String botToken, String signingSecret, String appToken, String apiUrl,
                              String previewTeamId, String admins, Duration userCacheTtl) {

    public SlackProperties {
        botToken = trim(botToken);
        signingSecret = trim(signingSecret);
        appToken = trim(appToken);
        apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://slack.com/api/" : apiUrl.strip();
        if (!apiUrl.endsWith("/")) {
            apiUrl = apiUrl + "/";
        }
        previewTeamId = previewTeamId == null || previewTeamId.isBlank() ? "T0PREVIEW" : previewTeamId.strip();
        admins = trim(admins);
        userCacheTtl = userCacheTtl == null ? Duration.ofHours(24) : userCacheTtl;
    }

    public Mode mode() {
        if (!botToken.isEmpty() && !appToken.isEmpty()) {
            return Mode.SOCKET;
        }
        if (!botToken.isEmpty() && !signingSecret.isEmpty()) {
            return Mode.HTTP;
        }
        return Mode.PREVIEW;
    }

    public List<String> adminList() {
        return Arrays.stream(admins.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        // Never print tokens or secrets, even by accident.
        return "SlackProperties[mode=" + mode() + ", apiUrl=" + apiUrl + "]";
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    /** How the service is connected to Slack. */
    public enum Mode { HTTP, SOCKET, PREVIEW }
}
