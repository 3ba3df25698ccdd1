package dev.silentdeals.slack;

import java.util.function.Supplier;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;

/**
 * The Slack Web API client (HTTP client, TLS set-up, JSON mappings), built at its first use: connected modes
 * use it at start (Bolt app, auth.test); preview mode never calls Slack, so it starts without building it.
 * Closed with the context, after everything that calls through it.
 */
final class SlackClient implements Supplier<Slack>, AutoCloseable {

    private final SlackConfig config;
    private volatile Slack slack;

    SlackClient(SlackConfig config) {
        this.config = config;
    }

    @Override
    public Slack get() {
        Slack built = slack;
        if (built == null) {
            synchronized (this) {
                if (slack == null) {
                    slack = Slack.getInstance(config);
                }
                built = slack;
            }
        }
        return built;
    }

    @Override
    public void close() throws Exception {
        Slack built = slack;
        if (built != null) {
            built.close();
        }
    }
}
