package dev.silentdeals.slack;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every outbound Web API call goes through here: one place that picks the acting workspace's token,
 * retries on rate limits (429 with Retry-After, bounded), counts errors for metrics, and never logs a token.
 * Each call names the workspace (team id) it acts for.
 */
class SlackGateway {

    /** The Web API methods silent-deals calls; their error and 429 counters exist from start. */
    static final List<String> METHODS = List.of("auth.test", "chat.postMessage", "chat.update", "chat.postEphemeral",
            "views.open", "views.push", "views.publish", "users.lookupByEmail", "users.info",
            "files.getUploadURLExternal", "files.completeUploadExternal");
    static final String ERRORS = "silentdeals.slack.errors";
    static final String RATE_LIMITED = "silentdeals.slack.rate_limited";
    private static final Logger log = LoggerFactory.getLogger(SlackGateway.class);
    private static final int MAX_ATTEMPTS = 4;
    private static final long MAX_WAIT_SECONDS = 30;

    private final Supplier<Slack> slack;
    private final TokenProvider tokens;
    private final MeterRegistry meters;

    /** {@code slack} is asked for the client at the first call: preview mode never calls and never builds one. */
    SlackGateway(Supplier<Slack> slack, TokenProvider tokens, MeterRegistry meters) {
        this.slack = slack;
        this.tokens = tokens;
        this.meters = meters;
        METHODS.forEach(method -> {
            meters.counter(ERRORS, "method", method);
            meters.counter(RATE_LIMITED, "method", method);
        });
    }

    /** A Web API client acting for workspace {@code team}. */
    MethodsClient methods(String team) {
        return slack.get().methods(tokens.botToken(team));
    }

    /** Posts a message; returns the channel and ts Slack gave it. */
    Posted post(String team, String channel, String text, List<LayoutBlock> blocks) {
        var response = call("chat.postMessage", () -> methods(team).chatPostMessage(r -> r.channel(channel).text(text)
                .blocks(blocks).unfurlLinks(false).unfurlMedia(false)));
        return new Posted(response.getChannel(), response.getTs());
    }

    /** Posts a reply in the thread of the message {@code threadTs}. */
    Posted reply(String team, String channel, String threadTs, String text, List<LayoutBlock> blocks) {
        var response = call("chat.postMessage", () -> methods(team).chatPostMessage(r -> r.channel(channel)
                .threadTs(threadTs).text(text).blocks(blocks).unfurlLinks(false).unfurlMedia(false)));
        return new Posted(response.getChannel(), response.getTs());
    }

    void update(String team, String channel, String ts, String text, List<LayoutBlock> blocks) {
        call("chat.update", () -> methods(team).chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocks(blocks)));
    }

    void postEphemeral(String team, String channel, String user, String text) {
        call("chat.postEphemeral", () -> methods(team).chatPostEphemeral(r -> r.channel(channel).user(user)
                .text(text)));
    }

    void openView(String team, String triggerId, View view) {
        call("views.open", () -> methods(team).viewsOpen(r -> r.triggerId(triggerId).view(view)));
    }

    void pushView(String team, String triggerId, View view) {
        call("views.push", () -> methods(team).viewsPush(r -> r.triggerId(triggerId).view(view)));
    }

    void publishHome(String team, String userId, View view) {
        call("views.publish", () -> methods(team).viewsPublish(r -> r.userId(userId).view(view)));
    }

    /** Which workspace a bot token belongs to (single-workspace mode: the configured token). */
    Optional<String> teamOfToken(String botToken) {
        var response = call("auth.test", () -> slack.get().methods(botToken).authTest(r -> r));
        return Optional.ofNullable(response.getTeamId());
    }

    /** Calls Slack, retrying on rate limits; throws {@link SlackCallFailed} when the call did not succeed. */
    <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                T response = call.run();
                if (response.isOk()) {
                    return response;
                }
                meters.counter(ERRORS, "method", method).increment();
                throw new SlackCallFailed(method, response.getError());
            } catch (SlackApiException e) {
                boolean rateLimited = e.getResponse().code() == 429;
                if (rateLimited) {
                    meters.counter(RATE_LIMITED, "method", method).increment();
                }
                if (rateLimited && attempt < MAX_ATTEMPTS) {
                    long wait = retryAfterSeconds(e);
                    log.info("Slack rate-limited {}; waiting {}s (attempt {}/{})", method, wait, attempt, MAX_ATTEMPTS);
                    pause(wait);
                    continue;
                }
                meters.counter(ERRORS, "method", method).increment();
                throw new SlackCallFailed(method, "http " + e.getResponse().code());
            } catch (IOException e) {
                meters.counter(ERRORS, "method", method).increment();
                throw new SlackCallFailed(method, e.getClass().getSimpleName());
            }
        }
    }

    private static long retryAfterSeconds(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        try {
            return header == null ? 1 : Math.min(MAX_WAIT_SECONDS, Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException ignored) {
            return 1;
        }
    }

    private static void pause(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallFailed("sleep", "interrupted");
        }
    }

    /** One Web API call. */
    @FunctionalInterface
    interface SlackCall<T> {
        T run() throws IOException, SlackApiException;
    }

    /** Where a posted message is. */
    record Posted(String channel, String ts) {
    }

    /** A Web API call that did not succeed; the message names the method and Slack's error code only. */
    static final class SlackCallFailed extends RuntimeException {
        SlackCallFailed(String method, String error) {
            super(method + " failed: " + error);
        }
    }
}
