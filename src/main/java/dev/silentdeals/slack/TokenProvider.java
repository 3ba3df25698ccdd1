package dev.silentdeals.slack;

/**
 * The bot token to use when acting for a workspace: the configured SLACK_BOT_TOKEN with one workspace,
 * the workspace's installation with OAuth. Tokens never leave the Slack module and are never logged.
 */
@FunctionalInterface
interface TokenProvider {

    /** The bot token for {@code teamId}; throws {@link NoInstallation} when the workspace has none. */
    String botToken(String teamId);

    /** The single-workspace token, whatever workspace is asked for. */
    static TokenProvider configured(String botToken) {
        return teamId -> botToken;
    }

    /** A workspace this service has no installation for (never installed, or uninstalled). */
    final class NoInstallation extends RuntimeException {
        NoInstallation(String teamId) {
            super("no Slack installation for workspace " + teamId);
        }
    }
}
