package dev.silentdeals.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.awaitility.Awaitility;

/**
 * POSTs requests to /slack/events signed the way Slack signs them (v0 HMAC-SHA256 over
 * "v0:timestamp:body" with the signing secret), or signed wrongly on purpose.
 */
public final class SignedSlackRequests {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String endpoint;
    private final String signingSecret;

    public SignedSlackRequests(int port, String signingSecret) {
        this.endpoint = "http://127.0.0.1:" + port + "/slack/events";
        this.signingSecret = signingSecret;
    }

    public HttpResponse<String> slashCommand(String userId, String text) {
        return slashCommand(SlackApiFake.TEAM, userId, text);
    }

    /** {@code /silent-deals} typed by {@code userId} in workspace {@code teamId}. */
    public HttpResponse<String> slashCommand(String teamId, String userId, String text) {
        return slashCommand(teamId, userId, text, "http://127.0.0.1:9/never");
    }

    /**
     * What {@code userId} sees after typing {@code /silent-deals text}: the ack's body when it carries the answer
     * (help), else the answer the app posts right after to the command's response_url, which points at
     * {@code slack}. Either way the JSON Slack would show.
     */
    public String slashAnswer(SlackApiFake slack, String userId, String text) {
        return slashAnswer(slack, SlackApiFake.TEAM, userId, text);
    }

    public String slashAnswer(SlackApiFake slack, String teamId, String userId, String text) {
        int before = slack.responseBodies().size();
        HttpResponse<String> ack = slashCommand(teamId, userId, text, slack.responseUrl());
        if (ack.statusCode() != 200) {
            throw new IllegalStateException("/silent-deals " + text + " was answered " + ack.statusCode());
        }
        if (!ack.body().isBlank()) {
            return ack.body();
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slack.responseBodies().size() > before);
        return slack.responseBodies().get(before);
    }

    /** {@code /silent-deals} with the response_url the app answers to, e.g. {@link SlackApiFake#responseUrl()}. */
    public HttpResponse<String> slashCommand(String teamId, String userId, String text, String responseUrl) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("token", "legacy");
        fields.put("team_id", teamId);
        fields.put("team_domain", "test");
        fields.put("channel_id", "C0COMMAND");
        fields.put("channel_name", "sales");
        fields.put("user_id", userId);
        fields.put("user_name", userId);
        fields.put("command", "/silent-deals");
        fields.put("text", text);
        fields.put("response_url", responseUrl);
        fields.put("trigger_id", "trigger-" + System.nanoTime());
        return post(form(fields), Instant.now(), signingSecret);
    }

    /** An interactivity payload (block_actions, view_submission) as Slack sends it: payload=<json>. */
    public HttpResponse<String> interaction(String payloadJson) {
        return post(form(Map.of("payload", payloadJson)), Instant.now(), signingSecret);
    }

    /** An Events API callback ({"type":"event_callback", ...}) as Slack sends it: a JSON body. */
    public HttpResponse<String> event(String json) {
        return post(json, "application/json", Instant.now(), signingSecret);
    }

    public HttpResponse<String> post(String body, Instant timestamp, String secret) {
        return post(body, "application/x-www-form-urlencoded", timestamp, secret);
    }

    private HttpResponse<String> post(String body, String contentType, Instant timestamp, String secret) {
        long ts = timestamp.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", String.valueOf(ts))
                .header("X-Slack-Signature", sign(secret, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
