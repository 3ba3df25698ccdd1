package dev.silentdeals.slack;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Readiness: Slack's auth.test answered (always up in preview mode). */
class SlackHealthIndicator implements HealthIndicator {

    private final SlackWorkspace workspace;

    SlackHealthIndicator(SlackWorkspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public Health health() {
        return workspace.isConnected() ? Health.up().build() : Health.down().build();
    }
}
