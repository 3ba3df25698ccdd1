package dev.silentdeals.slack;

import java.time.Duration;
import java.time.Instant;

import dev.silentdeals.workspaces.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Learns which workspace the bot token belongs to (auth.test, once at start, again later if Slack was not
 * reachable) and registers it as the workspace the CRM feeds. Preview mode uses the preview team id; in
 * OAuth mode workspaces register as they install the app.
 */
class SlackWorkspace implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SlackWorkspace.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final SlackProperties properties;
    private final SlackGateway gateway;
    private final Workspaces workspaces;
    private volatile boolean connected;
    private volatile Instant lastAttempt = Instant.EPOCH;

    SlackWorkspace(SlackProperties properties, SlackGateway gateway, Workspaces workspaces) {
        this.properties = properties;
        this.gateway = gateway;
        this.workspaces = workspaces;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.mode() == SlackProperties.Mode.PREVIEW) {
            workspaces.registerPrimary(properties.previewTeamId());
            connected = true;
            System.out.println(dev.silentdeals.texts.Texts.english().plain("preview.banner"));
            return;
        }
        if (properties.mode() == SlackProperties.Mode.OAUTH) {
            // Each workspace's token is checked when it is used; there is no single token to test.
            connected = true;
            log.info("OAuth mode: serving {} installed workspace(s); the CRM feeds {}", workspaces.all().size(),
                    workspaces.primary().orElse("the first workspace to install the app"));
            return;
        }
        connect();
    }

    /** True once auth.test answered; retried at most every 30 seconds while it hasn't. */
    boolean isConnected() {
        if (!connected && Instant.now().isAfter(lastAttempt.plus(RETRY_AFTER))) {
            connect();
        }
        return connected;
    }

    private synchronized void connect() {
        lastAttempt = Instant.now();
        try {
            String team = gateway.teamOfToken(properties.botToken())
                    .orElseThrow(() -> new IllegalStateException("auth.test gave no team id"));
            workspaces.registerPrimary(team);
            connected = true;
            log.info("Connected to Slack workspace {} ({} mode)", team, properties.mode());
        } catch (RuntimeException e) {
            log.warn("Slack auth.test failed; not ready until it succeeds: {}", e.getMessage());
        }
    }
}
