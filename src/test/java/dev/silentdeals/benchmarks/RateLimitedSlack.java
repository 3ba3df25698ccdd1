package dev.silentdeals.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.silentdeals.testing.SlackApiFake;

/**
 * A loopback Slack Web API that rate-limits chat.postMessage as Slack describes it: about one message per
 * second per channel, plus a workspace-wide budget (a token bucket of {@code perSecond}, bursting up to
 * one second's worth). On top, a share of calls is answered 429 with Retry-After: 1 whatever the load.
 * Successful posts are counted per episode (the "dealId|episodeId" value on the nudge's buttons).
 */
final class RateLimitedSlack implements AutoCloseable {

    private static final Pattern BUTTON_VALUE = Pattern.compile("\"value\":\"([^\"|]+\\|[^\"]*)\"");
    private static final long SECOND = 1_000_000_000L;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, String[]> usersByEmail = new ConcurrentHashMap<>();
    private final Map<String, Long> channelLastPost = new HashMap<>();
    private final Map<String, AtomicInteger> postsByEpisode = new ConcurrentHashMap<>();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong injected = new AtomicLong();
    private final AtomicLong limited = new AtomicLong();
    private final AtomicLong firstAttemptNanos = new AtomicLong();
    private final AtomicLong lastSuccessNanos = new AtomicLong();
    private final AtomicLong ts = new AtomicLong(1_700_000_000_000_000L);
    private final SplittableRandom random = new SplittableRandom(42);
    private final int perSecond;
    private final double injectedShare;
    private double tokens;
    private long refilledAt;
    private volatile boolean limiting;

    RateLimitedSlack(int perSecond, double injectedShare) throws IOException {
        this.perSecond = perSecond;
        this.injectedShare = injectedShare;
        this.tokens = perSecond;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    RateLimitedSlack user(String id, String email, String tz) {
        usersByEmail.put(email, new String[] {id, email, tz});
        return this;
    }

    /** From now on chat.postMessage is limited and counted. */
    synchronized void startLimiting() {
        tokens = perSecond;
        refilledAt = System.nanoTime();
        limiting = true;
    }

    int perSecond() {
        return perSecond;
    }

    long attempts() {
        return attempts.get();
    }

    long injected() {
        return injected.get();
    }

    long limited() {
        return limited.get();
    }

    Map<String, AtomicInteger> postsByEpisode() {
        return postsByEpisode;
    }

    long successes() {
        return postsByEpisode.values().stream().mapToLong(AtomicInteger::get).sum();
    }

    /** Seconds from the first post attempt to the last successful post. */
    double deliverySeconds() {
        return (lastSuccessNanos.get() - firstAttemptNanos.get()) / 1e9;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        Map<String, String> params;
        try (InputStream in = exchange.getRequestBody()) {
            params = form(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        switch (method) {
            case "auth.test" -> send(exchange, 200, "{\"ok\":true,\"team_id\":\"" + SlackApiFake.TEAM
                    + "\",\"team\":\"Bench\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}");
            case "users.lookupByEmail" -> {
                String[] user = usersByEmail.get(params.getOrDefault("email", "").toLowerCase());
                send(exchange, 200, user == null ? "{\"ok\":false,\"error\":\"users_not_found\"}" : userJson(user));
            }
            case "users.info" -> {
                String[] user = usersByEmail.values().stream().filter(u -> u[0].equals(params.get("user")))
                        .findFirst().orElse(null);
                send(exchange, 200, user == null ? "{\"ok\":false,\"error\":\"user_not_found\"}" : userJson(user));
            }
            case "chat.postMessage" -> post(exchange, params);
            default -> send(exchange, 200, "{\"ok\":true}");
        }
    }

    private void post(HttpExchange exchange, Map<String, String> params) throws IOException {
        String channel = params.getOrDefault("channel", "");
        if (!limiting) {
            send(exchange, 200, posted(channel));
            return;
        }
        long now = System.nanoTime();
        attempts.incrementAndGet();
        firstAttemptNanos.compareAndSet(0, now);
        long retryAfter;
        synchronized (this) {
            retryAfter = admit(channel, now);
        }
        if (retryAfter > 0) {
            exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfter));
            send(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            return;
        }
        Matcher value = BUTTON_VALUE.matcher(params.getOrDefault("blocks", ""));
        String episode = value.find() ? value.group(1) : "unknown";
        postsByEpisode.computeIfAbsent(episode, e -> new AtomicInteger()).incrementAndGet();
        lastSuccessNanos.set(System.nanoTime());
        send(exchange, 200, posted(channel));
    }

    /** 0 when the post may go through (and is counted against the limits), else the seconds to wait. */
    private long admit(String channel, long now) {
        if (random.nextDouble() < injectedShare) {
            injected.incrementAndGet();
            return 1;
        }
        tokens = Math.min(perSecond, tokens + (now - refilledAt) * perSecond / (double) SECOND);
        refilledAt = now;
        Long last = channelLastPost.get(channel);
        long channelWait = last == null ? 0 : last + SECOND - now;
        if (tokens < 1 || channelWait > 0) {
            limited.incrementAndGet();
            double workspaceWait = tokens < 1 ? (1 - tokens) / perSecond : 0;
            return Math.max(1, (long) Math.ceil(Math.max(workspaceWait, channelWait / 1e9)));
        }
        tokens -= 1;
        channelLastPost.put(channel, now);
        return 0;
    }

    private String posted(String channel) {
        long value = ts.incrementAndGet();
        String dm = channel.startsWith("U") ? "D" + channel.substring(1) : channel;
        return "{\"ok\":true,\"channel\":\"" + dm + "\",\"ts\":\"" + (value / 1_000_000) + "."
                + String.format("%06d", value % 1_000_000) + "\"}";
    }

    private static String userJson(String[] user) {
        String name = user[1].substring(0, user[1].indexOf('@'));
        return "{\"ok\":true,\"user\":{\"id\":\"" + user[0] + "\",\"team_id\":\"" + SlackApiFake.TEAM + "\",\"name\":\""
                + name + "\",\"real_name\":\"" + name + "\",\"tz\":\"" + user[2] + "\",\"deleted\":false,\"is_bot\":false,"
                + "\"profile\":{\"email\":\"" + user[1] + "\",\"real_name\":\"" + name + "\"}}}";
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
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
        server.stop(0);
        executor.shutdownNow();
    }
}
