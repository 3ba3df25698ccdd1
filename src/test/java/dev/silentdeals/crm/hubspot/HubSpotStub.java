package dev.silentdeals.crm.hubspot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A loopback stand-in for api.hubapi.com: routes by method and path pattern, records every request, and can
 * hang a response until the test ends (to provoke client timeouts) without ever sleeping.
 */
final class HubSpotStub implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Request(String method, String path, String query, String body, String authorization, Matcher route) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    record Reply(int status, String body, Map<String, String> headers, boolean hang) {
    }

    @FunctionalInterface
    interface Responder {
        Reply answer(Request request);
    }

    private record Route(String method, Pattern path, Deque<Responder> responders) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    HubSpotStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers in turn with each responder, the last one for every further request; later routes win. */
    HubSpotStub on(String method, String pathRegex, Responder... responders) {
        routes.add(0, new Route(method, Pattern.compile(pathRegex), new ArrayDeque<>(List.of(responders))));
        return this;
    }

    List<Request> requests(String method, String pathRegex) {
        Pattern pattern = Pattern.compile(pathRegex);
        return requests.stream().filter(r -> r.method().equals(method) && pattern.matcher(r.path()).matches())
                .toList();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    static Reply ok(String body) {
        return new Reply(200, body, Map.of(), false);
    }

    static Reply reply(int status, String body) {
        return new Reply(status, body, Map.of(), false);
    }

    static Reply reply(int status, String body, Map<String, String> headers) {
        return new Reply(status, body, headers, false);
    }

    /** Held until the test ends (at most 10 s), so the client times out first. */
    static Reply hanging(String body) {
        return new Reply(200, body, Map.of(), true);
    }

    static String fixture(String name) {
        try (InputStream in = HubSpotStub.class.getResourceAsStream("/crm/hubspot/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Reply reply = reply(404, "{\"status\":\"error\",\"message\":\"no stub for " + method + " " + path
                    + "\",\"category\":\"OBJECT_NOT_FOUND\"}");
            Request request = null;
            for (Route route : routes) {
                Matcher matcher = route.path().matcher(path);
                if (route.method().equals(method) && matcher.matches()) {
                    request = new Request(method, path, exchange.getRequestURI().getRawQuery(), body,
                            exchange.getRequestHeaders().getFirst("Authorization"), matcher);
                    Responder responder;
                    synchronized (route.responders()) {
                        responder = route.responders().size() > 1 ? route.responders().poll()
                                : route.responders().peek();
                    }
                    reply = responder.answer(request);
                    break;
                }
            }
            requests.add(request != null ? request : new Request(method, path, exchange.getRequestURI()
                    .getRawQuery(), body, exchange.getRequestHeaders().getFirst("Authorization"), null));
            if (reply.hang()) {
                awaitRelease();
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
            byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (IOException e) {
            // the client gave up on a hanging reply; nothing left to answer
        }
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
