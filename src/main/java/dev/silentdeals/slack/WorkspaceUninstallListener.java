package dev.silentdeals.slack;

import java.util.List;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import dev.silentdeals.slack.oauth.RedisInstallationService;
import dev.silentdeals.workspaces.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth mode: when a workspace uninstalls the app, or its bot token is revoked, its tokens are deleted and it
 * is no longer served. Its deals and truths stay in Redis until an operator deletes them.
 */
final class WorkspaceUninstallListener implements SlackListener {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceUninstallListener.class);

    private final RedisInstallationService installations;
    private final Workspaces workspaces;

    WorkspaceUninstallListener(RedisInstallationService installations, Workspaces workspaces) {
        this.installations = installations;
        this.workspaces = workspaces;
    }

    @Override
    public void register(App app) {
        app.event(AppUninstalledEvent.class, (payload, ctx) -> {
            forget(payload.getTeamId(), "uninstalled the app");
            return ctx.ack();
        });
        app.event(TokensRevokedEvent.class, (payload, ctx) -> {
            TokensRevokedEvent.Tokens tokens = payload.getEvent().getTokens();
            if (tokens != null && !isEmpty(tokens.getBot())) {
                forget(payload.getTeamId(), "revoked the bot token");
            } else if (tokens != null && !isEmpty(tokens.getOauth())) {
                tokens.getOauth().forEach(userId -> installations.deleteInstaller(payload.getTeamId(), userId));
                log.info("Workspace {} revoked {} user grant(s); deleted them", payload.getTeamId(),
                        tokens.getOauth().size());
            }
            return ctx.ack();
        });
    }

    private void forget(String team, String why) {
        installations.deleteAll(null, team);
        workspaces.unregister(team);
        log.info("Workspace {} {}: its tokens are deleted and it is no longer served", team, why);
    }

    private static boolean isEmpty(List<String> ids) {
        return ids == null || ids.isEmpty();
    }
}
