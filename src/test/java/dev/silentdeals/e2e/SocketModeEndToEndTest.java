package dev.silentdeals.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import dev.silentdeals.testing.MutableClock;
import dev.silentdeals.testing.SlackApiFake;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Socket Mode (SLACK_APP_TOKEN): the service opens a WebSocket to the URL apps.connections.open gives
 * (here a loopback fake), receives a slash command envelope, and answers it on the socket.
 */
class SocketModeEndToEndTest {

    @TempDir
    static Path folder;
    static SlackApiFake slack;
    static FakeSocketModeServer socket;
    static RunningService service;

    @BeforeAll
    static void start() throws Exception {
        socket = new FakeSocketModeServer();
        socket.start();
        slack = new SlackApiFake().user("U0ANA", "ana@example.com", "Ana López", "Europe/London");
        slack.override("apps.connections.open",
                call -> "{\"ok\":true,\"url\":\"ws://127.0.0.1:" + socket.getPort() + "/link\"}");
        for (String name : List.of("deals.csv", "touches.csv")) {
            try (var in = SocketModeEndToEndTest.class.getResourceAsStream("/e2e/" + name)) {
                Files.writeString(folder.resolve(name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        service = RunningService.start(folder.resolve("data"), new MutableClock(Instant.parse("2026-11-18T10:00:00Z")),
                Map.of("silent-deals.slack.bot-token", "xoxb-socket-token",
                        "silent-deals.slack.app-token", "xapp-socket-token",
                        "silent-deals.slack.api-url", slack.apiUrl(),
                        "silent-deals.crm.file.deals", folder.resolve("deals.csv").toString(),
                        "silent-deals.crm.file.touches", folder.resolve("touches.csv").toString()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        socket.stop(1000);
        slack.close();
    }

    @Test
    void a_slash_command_arriving_over_the_socket_is_answered_over_the_socket() {
        await().atMost(Duration.ofSeconds(30)).until(() -> socket.client.get() != null);
        assertThat(slack.calls("apps.connections.open")).first()
                .satisfies(call -> assertThat(call.authorization()).isEqualTo("Bearer xapp-socket-token"));
        socket.client.get().send("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A0TEST\"}}");

        socket.client.get().send("""
                {"envelope_id":"env-1","type":"slash_commands","accepts_response_payload":true,
                 "payload":{"token":"legacy","team_id":"T0TEST","team_domain":"test","channel_id":"C0COMMAND",
                  "channel_name":"sales","user_id":"U0ANA","user_name":"ana","command":"/silent-deals",
                  "text":"help","api_app_id":"A0TEST","response_url":"http://127.0.0.1:9/never","trigger_id":"t-1"}}
                """);

        await().atMost(Duration.ofSeconds(10)).until(() -> socket.received.stream().anyMatch(m -> m.contains("env-1")));
        String answer = socket.received.stream().filter(m -> m.contains("env-1")).findFirst().orElseThrow();
        assertThat(answer).contains("silent-deals").contains("/silent-deals");
    }

    @Test
    void nudges_still_go_out_through_the_web_api() {
        await().atMost(Duration.ofSeconds(30)).until(() -> slack.calls("chat.postMessage").size() == 3);
        assertThat(slack.calls("chat.postMessage")).allSatisfy(dm -> assertThat(dm.param("channel")).isEqualTo("U0ANA"));
    }

    /** Plays Slack's side of a Socket Mode connection on loopback. */
    static final class FakeSocketModeServer extends WebSocketServer {

        final AtomicReference<WebSocket> client = new AtomicReference<>();
        final List<String> received = new CopyOnWriteArrayList<>();

        FakeSocketModeServer() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            client.set(conn);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            client.compareAndSet(conn, null);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            received.add("error: " + ex);
        }

        @Override
        public void onStart() {
        }
    }
}
