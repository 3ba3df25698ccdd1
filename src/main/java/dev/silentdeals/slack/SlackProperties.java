package dev.silentdeals.slack;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How silent-deals talks to Slack. HTTP mode needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET; Socket
 * Mode needs SLACK_APP_TOKEN and SLACK_BOT_TOKEN; OAuth mode (many workspaces) needs SLACK_CLIENT_ID,
 * SLACK_CLIENT_SECRET and SLACK_SIGNING_SECRET and no bot token; with none of these, the service runs in
 * preview mode and prints what it would send. SLACK_API_URL points the Web API client elsewhere (tests
 * use a fake).
 */
@ConfigurationProperties(prefix = "silent-deals.slack")
public record SlackProperties(String botToken, String signingSecret, String appToken, String apiUrl,
                              String previewTeamId, String admins, Duration userCacheTtl, OAuth oauth) {

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
        oauth = oauth == null ? new OAuth(null, null, null, null, null) : oauth;
    }

    public Mode mode() {
        if (!botToken.isEmpty() && !appToken.isEmpty()) {
            return Mode.SOCKET;
        }
        if (!botToken.isEmpty() && !signingSecret.isEmpty()) {
            return Mode.HTTP;
        }
        if (botToken.isEmpty() && oauth.isConfigured() && !signingSecret.isEmpty()) {
            return Mode.OAUTH;
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

    /** How the service is connected to Slack. OAUTH serves every workspace that installs the app, over HTTP. */
    public enum Mode { HTTP, SOCKET, OAUTH, PREVIEW }

    /**
     * The OAuth install flow (many workspaces): the app's client credentials, the key that encrypts the
     * installed tokens (base64 of 32 bytes), where Slack sends the installer back, and the bot scopes asked for.
     */
    public record OAuth(String clientId, String clientSecret, String tokenEncryptionKey, String redirectUrl,
                        String scopes) {

        /** The bot scopes of manifests/slack/app-manifest.yaml. */
        static final String DEFAULT_SCOPES =
                "chat:write,commands,im:write,users:read,users:read.email,files:write,channels:read";

        public OAuth {
            clientId = trim(clientId);
            clientSecret = trim(clientSecret);
            tokenEncryptionKey = trim(tokenEncryptionKey);
            redirectUrl = trim(redirectUrl);
            scopes = scopes == null || scopes.isBlank() ? DEFAULT_SCOPES : scopes.replace(" ", "");
        }

        boolean isConfigured() {
            return !clientId.isEmpty() && !clientSecret.isEmpty();
        }

        @Override
        public String toString() {
            return "OAuth[clientId=" + clientId + ", redirectUrl=" + redirectUrl + ", scopes=" + scopes + "]";
        }
    }
}
