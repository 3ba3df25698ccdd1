package dev.silentdeals.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback fake of the Slack Web API (point SLACK_API_URL at {@link #apiUrl()}). It answers the methods
 * silent-deals calls with payloads shaped as Slack documents them, records every call, and can answer
 * with 429 + Retry-After a given number of times.
 */
public final class SlackApiFake implements AutoCloseable {

    public static final String TEAM = "T0TEST";
    private static final Gson GSON = new Gson();

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> responseBodies = new CopyOnWriteArrayList<>();
    private final Map<String, User> usersByEmail = new ConcurrentHashMap<>();
    private final Map<String, Function<Call, String>> overrides = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> rateLimits = new ConcurrentHashMap<>();
    private final Map<String, Hold> holds = new ConcurrentHashMap<>();
    private final Map<String, Installation> installations = new ConcurrentHashMap<>();
    private final AtomicLong ts = new AtomicLong(1_700_000_000_000L);
    private final AtomicLong fileIds = new AtomicLong();
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();

    public SlackApiFake() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", this::handle);
        server.createContext("/upload/", this::upload);
        // A thread per call: a test may hold one call open (an in-flight request) while others go on.
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/respond/", this::respond);
        server.start();
    }

    /** A response_url for an interaction payload; what the app posts there is recorded as method "respond". */
    public String responseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/" + ts.incrementAndGet();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** A Slack user the fake knows (users.lookupByEmail, users.info). */
    public SlackApiFake user(String id, String email, String realName, String tz) {
        usersByEmail.put(email.toLowerCase(java.util.Locale.ROOT), new User(id, email, realName, tz));
        return this;
    }

    /**
     * A workspace that can install the app: oauth.v2.access with {@code code} grants {@code botToken} for
     * {@code teamId}, and auth.test with that token answers for that workspace.
     */
    public SlackApiFake installation(String code, String teamId, String teamName, String botToken) {
        installations.put(code, new Installation(teamId, teamName, botToken));
        return this;
    }

    /** Answers {@code method} with a custom JSON body. */
    public void override(String method, Function<Call, String> answer) {
        overrides.put(method, answer);
    }

    /** The next {@code times} calls of {@code method} get 429 with Retry-After: 1. */
    public void rateLimit(String method, int times) {
        rateLimits.put(method, new AtomicInteger(times));
    }

    /**
     * From now on, every call of {@code method} (or "respond": posts to a response_url) is recorded and then
     * left unanswered until the test calls {@link Hold#release()}: a Slack that is slow to answer.
     */
    public Hold hold(String method) {
        Hold hold = new Hold();
        holds.put(method, hold);
        return hold;
    }

    /** The bodies the app posted to response_urls, as sent (JSON), in order. */
    public List<String> responseBodies() {
        return List.copyOf(responseBodies);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Files POSTed to an upload_url that files.getUploadURLExternal gave out, in order. */
    public List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    public void reset() {
        calls.clear();
        responseBodies.clear();
        uploads.clear();
    }

    /** The second step of Slack's upload flow: the bytes, POSTed to the pre-signed URL (no token). */
    private void upload(HttpExchange exchange) throws IOException {
        String fileId = exchange.getRequestURI().getPath().substring("/upload/".length());
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        uploads.add(new Upload(fileId, exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"), bytes));
        byte[] answer = ("OK - " + bytes.length).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Call call = new Call(method, parse(body, contentType), exchange.getRequestHeaders().getFirst("Authorization"));
        AtomicInteger limited = rateLimits.get(method);
        if (limited != null && limited.getAndDecrement() > 0) {
            calls.add(call.rateLimited());
            exchange.getResponseHeaders().add("Retry-After", "1");
            send(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            return;
        }
        calls.add(call);
        Hold hold = holds.get(method);
        if (hold != null) {
            hold.await();
        }
        Function<Call, String> override = overrides.get(method);
        send(exchange, 200, override != null ? override.apply(call) : answer(call));
    }

    private void respond(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> params = parse(body, exchange.getRequestHeaders().getFirst("Content-Type"));
        params.put("response_url", exchange.getRequestURI().getPath());
        responseBodies.add(body);
        calls.add(new Call("respond", params, null));
        Hold hold = holds.get("respond");
        if (hold != null) {
            hold.await();
        }
        send(exchange, 200, "{\"ok\":true}");
    }

    private String answer(Call call) {
        return switch (call.method()) {
            case "auth.test" -> authTest(call);
            case "oauth.v2.access" -> oauthAccess(call);
            case "users.lookupByEmail" -> {
                User user = usersByEmail.get(call.param("email").toLowerCase(java.util.Locale.ROOT));
                yield user == null ? "{\"ok\":false,\"error\":\"users_not_found\"}"
                        : "{\"ok\":true,\"user\":" + user.json() + "}";
            }
            case "users.info" -> usersByEmail.values().stream().filter(u -> u.id().equals(call.param("user")))
                    .findFirst().map(u -> "{\"ok\":true,\"user\":" + u.json() + "}")
                    .orElse("{\"ok\":false,\"error\":\"user_not_found\"}");
            case "chat.postMessage" -> {
                String channel = call.param("channel");
                String dm = channel.startsWith("U") ? "D" + channel.substring(1) : channel;
                yield "{\"ok\":true,\"channel\":\"" + dm + "\",\"ts\":\"" + nextTs() + "\",\"message\":{\"text\":\"\"}}";
            }
            case "chat.update" -> "{\"ok\":true,\"channel\":\"" + call.param("channel") + "\",\"ts\":\""
                    + call.param("ts") + "\"}";
            case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"" + nextTs() + "\"}";
            case "views.open", "views.push", "views.publish", "views.update" ->
                    "{\"ok\":true,\"view\":{\"id\":\"V" + nextTs().replace(".", "") + "\"}}";
            case "files.getUploadURLExternal" -> {
                String fileId = "F0UPLOAD" + fileIds.incrementAndGet();
                yield "{\"ok\":true,\"upload_url\":\"http://127.0.0.1:" + server.getAddress().getPort() + "/upload/"
                        + fileId + "\",\"file_id\":\"" + fileId + "\"}";
            }
            case "files.completeUploadExternal" -> {
                JsonObject file = JsonParser.parseString(call.param("files")).getAsJsonArray().get(0).getAsJsonObject();
                yield "{\"ok\":true,\"files\":[{\"id\":\"" + file.get("id").getAsString() + "\",\"title\":"
                        + GSON.toJson(file.has("title") ? file.get("title").getAsString() : "") + "}]}";
            }
            case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"D" + call.param("users") + "\"}}";
            default -> "{\"ok\":true}";
        };
    }

    private String authTest(Call call) {
        Installation installed = installations.values().stream()
                .filter(i -> ("Bearer " + i.botToken()).equals(call.authorization())).findFirst().orElse(null);
        if (installed == null) {
            return "{\"ok\":true,\"url\":\"https://test.slack.com/\",\"team\":\"Test\",\"user\":\"silentdeals\","
                    + "\"team_id\":\"" + TEAM + "\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}";
        }
        return GSON.toJson(Map.of("ok", true, "url", "https://" + installed.teamId().toLowerCase() + ".slack.com/",
                "team", installed.teamName(), "user", "silentdeals", "team_id", installed.teamId(),
                "user_id", "UBOT" + installed.teamId(), "bot_id", "BBOT" + installed.teamId()));
    }

    /** The documented shape of a workspace install's oauth.v2.access answer. */
    private String oauthAccess(Call call) {
        Installation installed = installations.get(call.param("code"));
        if (installed == null) {
            return "{\"ok\":false,\"error\":\"invalid_code\"}";
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ok", true);
        answer.put("access_token", installed.botToken());
        answer.put("token_type", "bot");
        answer.put("scope", "chat:write,commands,im:write,users:read,users:read.email,files:write,channels:read");
        answer.put("bot_user_id", "UBOT" + installed.teamId());
        answer.put("app_id", "A0SILENT");
        answer.put("team", Map.of("id", installed.teamId(), "name", installed.teamName()));
        answer.put("enterprise", null);
        answer.put("is_enterprise_install", false);
        answer.put("authed_user", Map.of("id", "U0INSTALLER" + installed.teamId()));
        return new com.google.gson.GsonBuilder().serializeNulls().create().toJson(answer);
    }

    private String nextTs() {
        long value = ts.incrementAndGet();
        return (value / 1_000_000) + "." + String.format("%06d", value % 1_000_000);
    }

    private static Map<String, String> parse(String body, String contentType) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body.isBlank()) {
            return params;
        }
        if (contentType != null && contentType.contains("json")) {
            JsonObject json = JsonParser.parseString(body).getAsJsonObject();
            json.entrySet().forEach(e -> params.put(e.getKey(),
                    e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        holds.values().forEach(Hold::release);
        server.stop(0);
    }

    /** Calls held open by {@link #hold(String)}. */
    public static final class Hold {

        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicInteger waiting = new AtomicInteger();

        /** How many calls are in flight right now: arrived, not yet answered. */
        public int waiting() {
            return waiting.get();
        }

        /** Answers the held calls, and every later one at once. */
        public void release() {
            released.countDown();
        }

        private void await() {
            waiting.incrementAndGet();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting.decrementAndGet();
            }
        }
    }

    /** One recorded Web API call. */
    public record Call(String method, Map<String, String> params, String authorization, boolean wasRateLimited) {

        Call(String method, Map<String, String> params, String authorization) {
            this(method, params, authorization, false);
        }

        Call rateLimited() {
            return new Call(method, params, authorization, true);
        }

        public String param(String name) {
            return params.getOrDefault(name, "");
        }

        /** Every text in the call (text, blocks, view), for assertions on what a person would read. */
        public String allText() {
            return String.join("\n", new ArrayList<>(params.values()));
        }
    }

    /** One file POSTed to an upload URL. */
    public record Upload(String fileId, String contentType, String authorization, byte[] bytes) {
    }

    private record Installation(String teamId, String teamName, String botToken) {
    }

    private record User(String id, String email, String realName, String tz) {
        String json() {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", id);
            user.put("team_id", TEAM);
            user.put("name", email.substring(0, email.indexOf('@')));
            user.put("real_name", realName);
            user.put("tz", tz);
            user.put("deleted", false);
            user.put("is_bot", false);
            user.put("profile", Map.of("email", email, "real_name", realName, "display_name", realName));
            return GSON.toJson(user);
        }
    }
}
