package dev.silentdeals.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisURIHelper;
import redis.embedded.RedisServer;

/**
 * The Redis every benchmark runs against: REDIS_URL when it names a loopback server, otherwise a real
 * redis-server from the embedded-redis artifact on 127.0.0.1 with persistence off (the figures are about
 * silent-deals, not the disk). Also reads the server's own counters: INFO commandstats, used_memory.
 */
final class LoopbackRedis implements AutoCloseable {

    private final RedisServer server;
    private final URI uri;
    private final UnifiedJedis client;
    private final JedisClientConfig clientConfig;

    private LoopbackRedis(RedisServer server, URI uri) {
        this.server = server;
        this.uri = uri;
        // FLUSHALL of a million deals blocks the server for seconds: allow it a long answer.
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().socketTimeoutMillis(120_000)
                .database(JedisURIHelper.getDBIndex(uri));
        if (JedisURIHelper.getPassword(uri) != null) {
            config.user(JedisURIHelper.getUser(uri)).password(JedisURIHelper.getPassword(uri));
        }
        this.clientConfig = config.build();
        this.client = RedisClient.builder().hostAndPort(uri.getHost(), uri.getPort()).clientConfig(clientConfig).build();
    }

    static LoopbackRedis start(Path dir) throws IOException {
        String url = System.getenv("REDIS_URL");
        if (url != null && !url.isBlank()) {
            URI given = URI.create(url.strip());
            if (!"127.0.0.1".equals(given.getHost()) && !"localhost".equals(given.getHost())) {
                throw new IllegalStateException("benchmarks only run against a Redis on 127.0.0.1; REDIS_URL names "
                        + given.getHost());
            }
            return new LoopbackRedis(null, given);
        }
        Files.createDirectories(dir);
        int port = freeLoopbackPort();
        RedisServer server = RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                .setting("dir " + dir.toAbsolutePath())
                .setting("appendonly no")
                .setting("save \"\"")
                .setting("protected-mode yes")
                .build();
        server.start();
        return new LoopbackRedis(server, URI.create("redis://127.0.0.1:" + port));
    }

    URI uri() {
        return uri;
    }

    UnifiedJedis client() {
        return client;
    }

    /** A plain connection, for pipelining outside the product's client. */
    Jedis connection() {
        return new Jedis(new HostAndPort(uri.getHost(), uri.getPort()), clientConfig);
    }

    void flushAll() {
        client.flushAll();
    }

    String version() {
        return infoField("server", "redis_version");
    }

    /** CPU seconds the server has used (user + system). */
    double cpuSeconds() {
        return Double.parseDouble(infoField("cpu", "used_cpu_user")) + Double.parseDouble(infoField("cpu", "used_cpu_sys"));
    }

    long usedMemory() {
        return Long.parseLong(infoField("memory", "used_memory"));
    }

    /** Calls per command since start (or CONFIG RESETSTAT), commands run inside Lua scripts included. */
    Map<String, Long> commandCalls() {
        Map<String, Long> calls = new HashMap<>();
        for (String line : client.info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_")) {
                String name = line.substring("cmdstat_".length(), line.indexOf(':'));
                int from = line.indexOf("calls=") + "calls=".length();
                int to = line.indexOf(',', from);
                calls.put(name, Long.parseLong(line.substring(from, to)));
            }
        }
        return calls;
    }

    long totalCommandCalls() {
        return commandCalls().values().stream().mapToLong(Long::longValue).sum();
    }

    long memoryUsage(String key) {
        Long bytes = client.memoryUsage(key, 0);
        return bytes == null ? 0 : bytes;
    }

    private String infoField(String section, String field) {
        for (String line : client.info(section).split("\r?\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1).strip();
            }
        }
        throw new IllegalStateException("INFO " + section + " has no " + field);
    }

    @Override
    public void close() {
        client.close();
        if (server != null) {
            try (Jedis jedis = connection()) {
                jedis.shutdown();
            } catch (RuntimeException ignored) {
                // already gone
            }
            try {
                server.stop();
            } catch (IOException ignored) {
                // the process is gone either way
            }
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
