package dev.silentdeals.crm.pipedrive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback stand-in for Pipedrive's API on 127.0.0.1: routes by method, path and query, answers with JSON
 * fixtures from src/test/resources/crm/pipedrive, and records every request it received.
 */
final class PipedriveStub implements AutoCloseable {

    static final String TOKEN = "test-token-7f3a9c";

    /** What the stub received. Header names are lower-case. */
    record Received(String method, String path, Map<String, String> query, String rawQuery,
                    Map<String, String> headers, String body) {
    }

    /** One canned answer; {@code hold} makes the handler wait (bounded) before answering, to cause a timeout. */
    record Answer(int status, String body, Map<String, String> headers, CountDownLatch hold) {

        Answer withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Answer(status, body, more, hold);
        }

        Answer heldUntil(CountDownLatch latch) {
            return new Answer(status, body, headers, latch);
        }
    }

    private record Route(String method, String path, Predicate<Map<String, String>> when, List<Answer> answers) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<CountDownLatch> holds = new CopyOnWriteArrayList<>();

    PipedriveStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
    }

    /** Answers in turn; the last answer repeats. */
    PipedriveStub on(String method, String path, Answer... answers) {
        return on(method, path, query -> true, answers);
    }

    PipedriveStub on(String method, String path, Predicate<Map<String, String>> when, Answer... answers) {
        routes.add(new Route(method, path, when, new ArrayList<>(List.of(answers))));
        return this;
    }

    static Answer json(String fixture) {
        return new Answer(200, fixture(fixture), Map.of(), null);
    }

    static Answer status(int status, String fixture) {
        return new Answer(status, fixture(fixture), Map.of(), null);
    }

    static String fixture(String name) {
        try (InputStream in = PipedriveStub.class.getResourceAsStream("/crm/pipedrive/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture crm/pipedrive/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CountDownLatch newHold() {
        CountDownLatch latch = new CountDownLatch(1);
        holds.add(latch);
        return latch;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        holds.forEach(CountDownLatch::countDown);
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            Map<String, String> query = parse(rawQuery);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(method, path, query, rawQuery, headers, body));
            Answer answer = answerFor(method, path, query);
            if (answer.hold() != null) {
                try {
                    answer.hold().await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        }
    }

    private Answer answerFor(String method, String path, Map<String, String> query) {
        for (Route route : routes) {
            if (route.method().equals(method) && route.path().equals(path) && route.when().test(query)) {
                synchronized (route.answers()) {
                    return route.answers().size() > 1 ? route.answers().remove(0) : route.answers().get(0);
                }
            }
        }
        return new Answer(404, "{\"success\":false,\"error\":\"no stub route for " + method + " " + path
                + "\",\"data\":null}", Map.of(), null);
    }

    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(key, value);
        }
        return query;
    }
}
