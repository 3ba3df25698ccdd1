package dev.silentdeals.testing;

import java.util.List;
import java.util.Map;

import com.google.gson.Gson;

/** Interactivity payloads shaped as Slack sends them (block_actions, view_submission). */
public final class SlackPayloads {

    private static final Gson GSON = new Gson();

    private SlackPayloads() {
    }

    public static String blockAction(String userId, String actionId, String value, String channel, String messageTs) {
        return blockAction(SlackApiFake.TEAM, userId, actionId, value, channel, messageTs);
    }

    /** A button click by {@code userId} of workspace {@code teamId}. */
    public static String blockAction(String teamId, String userId, String actionId, String value, String channel,
                                     String messageTs) {
        return blockAction(teamId, userId, actionId, value, channel, messageTs, "http://127.0.0.1:9/never");
    }

    /** A button click whose response_url is {@code responseUrl} (e.g. {@link SlackApiFake#responseUrl()}). */
    public static String blockActionRespondingTo(String userId, String actionId, String value, String channel,
                                                 String messageTs, String responseUrl) {
        return blockAction(SlackApiFake.TEAM, userId, actionId, value, channel, messageTs, responseUrl);
    }

    private static String blockAction(String teamId, String userId, String actionId, String value, String channel,
                                      String messageTs, String responseUrl) {
        Map<String, Object> payload = Map.of(
                "type", "block_actions",
                "team", Map.of("id", teamId, "domain", "test"),
                "user", Map.of("id", userId, "username", userId, "team_id", teamId),
                "api_app_id", "A0TEST",
                "trigger_id", "trigger-" + System.nanoTime(),
                "container", Map.of("type", "message", "message_ts", messageTs, "channel_id", channel,
                        "is_ephemeral", false),
                "channel", Map.of("id", channel, "name", "directmessage"),
                "response_url", responseUrl,
                "actions", List.of(Map.of("type", "button", "action_id", actionId, "block_id", "nudge_actions",
                        "value", value, "action_ts", String.valueOf(System.nanoTime() / 1000) + ".000001",
                        "text", Map.of("type", "plain_text", "text", "button"))));
        return GSON.toJson(payload);
    }

    /** A submitted modal: {@code values} maps block id to the input's value object (under action id "value"). */
    public static String viewSubmission(String userId, String viewId, String callbackId, String privateMetadata,
                                        Map<String, Map<String, Object>> values) {
        return viewSubmission(SlackApiFake.TEAM, userId, viewId, callbackId, privateMetadata, values);
    }

    /** A submitted modal from a user of workspace {@code teamId}. */
    public static String viewSubmission(String teamId, String userId, String viewId, String callbackId,
                                        String privateMetadata, Map<String, Map<String, Object>> values) {
        Map<String, Object> state = Map.of("values", values.entrySet().stream().collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> Map.of("value", e.getValue()))));
        Map<String, Object> payload = Map.of(
                "type", "view_submission",
                "team", Map.of("id", teamId, "domain", "test"),
                "user", Map.of("id", userId, "username", userId, "team_id", teamId),
                "api_app_id", "A0TEST",
                "trigger_id", "trigger-" + System.nanoTime(),
                "view", Map.of("id", viewId, "team_id", teamId, "type", "modal", "callback_id", callbackId,
                        "private_metadata", privateMetadata, "state", state, "hash", "h1"));
        return GSON.toJson(payload);
    }

    /** An Events API callback carrying {@code event} (e.g. app_uninstalled) for workspace {@code teamId}. */
    public static String eventCallback(String teamId, Map<String, Object> event) {
        return GSON.toJson(Map.of(
                "token", "legacy",
                "team_id", teamId,
                "api_app_id", "A0SILENT",
                "event", event,
                "type", "event_callback",
                "event_id", "Ev" + System.nanoTime(),
                "event_time", System.currentTimeMillis() / 1000));
    }

    public static Map<String, Object> selected(String value) {
        return Map.of("type", "static_select", "selected_option", Map.of("value", value,
                "text", Map.of("type", "plain_text", "text", value)));
    }

    public static Map<String, Object> radio(String value) {
        return Map.of("type", "radio_buttons", "selected_option", Map.of("value", value,
                "text", Map.of("type", "plain_text", "text", value)));
    }

    public static Map<String, Object> date(String isoDate) {
        return Map.of("type", "datepicker", "selected_date", isoDate);
    }

    public static Map<String, Object> time(String hhmm) {
        return Map.of("type", "timepicker", "selected_time", hhmm);
    }

    public static Map<String, Object> checked(String... values) {
        return Map.of("type", "checkboxes", "selected_options", java.util.Arrays.stream(values)
                .map(v -> Map.of("value", v, "text", Map.of("type", "plain_text", "text", v))).toList());
    }

    /** An Events API callback (event_callback) around {@code event}, as Slack POSTs it as JSON. */
    public static String eventCallback(Map<String, Object> event) {
        return GSON.toJson(Map.of(
                "token", "legacy",
                "team_id", SlackApiFake.TEAM,
                "api_app_id", "A0TEST",
                "type", "event_callback",
                "event_id", "Ev" + System.nanoTime(),
                "event_time", System.currentTimeMillis() / 1000,
                "event", event,
                "authorizations", List.of(Map.of("team_id", SlackApiFake.TEAM, "user_id", "UBOT", "is_bot", true))));
    }

    public static Map<String, Object> text(String value) {
        return Map.of("type", "plain_text_input", "value", value);
    }
}
