package dev.silentdeals.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.builtin.oauth.OAuthV2SuccessHandler;
import com.slack.api.bolt.service.builtin.oauth.default_impl.OAuthV2DefaultSuccessHandler;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import dev.silentdeals.slack.oauth.RedisInstallationService;
import dev.silentdeals.slack.oauth.RedisOAuthStateService;
import dev.silentdeals.workspaces.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many workspaces: Bolt's OAuth install flow at {@code /slack/install} and {@code /slack/oauth_redirect},
 * with installations and install states in Redis. A workspace that installs is served from then on; the
 * first one to install is the one the CRM feeds.
 */
final class OAuthInstallFlow {

    static final String INSTALL_PATH = "/slack/install";
    static final String REDIRECT_PATH = "/slack/oauth_redirect";
    private static final Logger log = LoggerFactory.getLogger(OAuthInstallFlow.class);

    private final SlackProperties properties;
    private final RedisInstallationService installations;
    private final RedisOAuthStateService states;
    private final Workspaces workspaces;

    OAuthInstallFlow(SlackProperties properties, RedisInstallationService installations, RedisOAuthStateService states,
                     Workspaces workspaces) {
        this.properties = properties;
        this.installations = installations;
        this.states = states;
        this.workspaces = workspaces;
    }

    /** The Bolt app for every installed workspace: requests are verified, and authorized per workspace. */
    App app(Slack slack) {
        SlackProperties.OAuth oauth = properties.oauth();
        // Every setting is explicit: Bolt would otherwise read some of them from the environment on its own.
        AppConfig config = AppConfig.builder().slack(slack).singleTeamBotToken(null)
                .signingSecret(properties.signingSecret()).requestVerificationEnabled(true)
                .clientId(oauth.clientId()).clientSecret(oauth.clientSecret())
                .scope(oauth.scopes()).userScope(null)
                .redirectUri(oauth.redirectUrl().isEmpty() ? null : oauth.redirectUrl())
                .oauthInstallPath(INSTALL_PATH).oauthRedirectUriPath(REDIRECT_PATH)
                .oauthCompletionUrl(null).oauthCancellationUrl(null)
                .authTestCacheEnabled(true)
                .build();
        App app = new App(config).asOAuthApp(true);
        app.service(states);
        app.service(installations);
        OAuthV2SuccessHandler saveInstallation = new OAuthV2DefaultSuccessHandler(app.config(), installations);
        OAuthV2SuccessHandler saveAndServe = (request, response, granted) -> {
            Response answer = saveInstallation.handle(request, response, granted);
            serveIfInstalled(granted);
            return answer;
        };
        return app.oauthCallback(saveAndServe);
    }

    private void serveIfInstalled(OAuthV2AccessResponse granted) {
        String team = granted.getTeam() == null ? null : granted.getTeam().getId();
        if (team == null || installations.findBot(null, team) == null) {
            return; // the default handler has shown the installer why it failed
        }
        if (workspaces.registerPrimaryIfAbsent(team)) {
            log.info("Workspace {} installed silent-deals; it is the workspace the CRM feeds", team);
        } else {
            log.info("Workspace {} installed silent-deals", team);
        }
    }
}
