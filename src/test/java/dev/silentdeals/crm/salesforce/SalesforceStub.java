package dev.silentdeals.crm.salesforce;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback stand-in for Salesforce's REST API (127.0.0.1, random port). Routes answer in order of
 * registration; a route with several replies gives them one per request and then repeats the last.
 * Every request is recorded, with the SOQL of query requests decoded.
 */
final class SalesforceStub implements AutoCloseable {

    static final String DATA = "/services/data/v62.0";

    record Request(String method, String path, String soql, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        boolean isQuery() {
            return soql != null;
        }
    }

    record Reply(int status, String body, Map<String, String> headers, boolean waitForRelease) {

        static Reply json(String body) {
            return new Reply(200, body, Map.of(), false);
        }

        static Reply fixture(String name) {
            return json(Fixtures.read(name));
        }

        static Reply status(int status, String body) {
            return new Reply(status, body, Map.of(), false);
        }

        static Reply noContent() {
            return new Reply(204, "", Map.of(), false);
        }

        /** Holds the request until the stub closes (bounded), so the client's request timeout fires. */
        static Reply stalled() {
            return new Reply(200, "{}", Map.of(), true);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Reply(status, body, all, waitForRelease);
        }
    }

    private record Route(Predicate<Request> match, List<Reply> replies, AtomicInteger served) {

        Reply next() {
            int index = served.getAndIncrement();
            return replies.get(Math.min(index, replies.size() - 1));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    private SalesforceStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static SalesforceStub start() {
        return new SalesforceStub();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    SalesforceStub on(Predicate<Request> match, Reply... replies) {
        routes.add(new Route(match, List.of(replies), new AtomicInteger()));
        return this;
    }

    /** GET query requests whose SOQL contains every one of {@code fragments}. */
    SalesforceStub onQuery(List<String> fragments, Reply... replies) {
        return on(request -> request.isQuery() && fragments.stream().allMatch(request.soql()::contains), replies);
    }

    SalesforceStub onQuery(String fragment, Reply... replies) {
        return onQuery(List.of(fragment), replies);
    }

    SalesforceStub onPath(String method, String path, Reply... replies) {
        return on(request -> request.method().equals(method) && request.path().equals(path), replies);
    }

    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    List<Request> queriesContaining(String fragment) {
        return requests.stream().filter(r -> r.isQuery() && r.soql().contains(fragment)).toList();
    }

    List<Request> requestsTo(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            String soql = path.endsWith("/query") && rawQuery != null && rawQuery.startsWith("q=")
                    ? URLDecoder.decode(rawQuery.substring(2), StandardCharsets.UTF_8) : null;
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Request request = new Request(exchange.getRequestMethod(), path, soql, headers, body);
            requests.add(request);
            Reply reply = routes.stream().filter(route -> route.match().test(request)).findFirst().map(Route::next)
                    .orElse(Reply.status(404, "[{\"message\":\"The requested resource does not exist\","
                            + "\"errorCode\":\"NOT_FOUND\"}]"));
            if (reply.waitForRelease()) {
                release.await(5, TimeUnit.SECONDS);
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
