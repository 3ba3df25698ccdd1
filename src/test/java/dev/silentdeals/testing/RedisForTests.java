package dev.silentdeals.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.embedded.RedisServer;

/** A real redis-server on loopback for one test class (no persistence), with a client to it. */
public final class RedisForTests implements AutoCloseable {

    private final RedisServer server;
    private final UnifiedJedis client;
    private final int port;

    private RedisForTests(RedisServer server, UnifiedJedis client, int port) {
        this.server = server;
        this.client = client;
        this.port = port;
    }

    public static RedisForTests start() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Path dir = Files.createTempDirectory("redis-test");
            RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .setting("save \"\"").setting("appendonly no").setting("dir " + dir).build();
            server.start();
            return new RedisForTests(server, RedisClient.create("127.0.0.1", port), port);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start a test redis-server", e);
        }
    }

    public UnifiedJedis client() {
        return client;
    }

    public int port() {
        return port;
    }

    public void flush() {
        client.flushAll();
    }

    @Override
    public void close() {
        client.close();
        try {
            server.stop();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
