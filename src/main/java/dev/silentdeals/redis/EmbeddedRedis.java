package dev.silentdeals.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * A real redis-server (shipped inside the embedded-redis artifact) for laptops and tests. Append-only
 * persistence under DATA_DIR means a restart loses nothing; it listens on loopback only.
 */
final class EmbeddedRedis {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static EmbeddedRedis startIfNeeded(RedisProperties properties) throws IOException {
        if (!properties.embedded()) {
            return new EmbeddedRedis(null, -1);
        }
        Path dataDir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        int port = properties.embeddedPort() > 0 ? properties.embeddedPort() : freeLoopbackPort();
        RedisServer server = RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                .setting("dir " + dataDir)
                .setting("appendonly yes")
                .setting("appendfsync everysec")
                .setting("save \"\"")
                .setting("protected-mode yes")
                .build();
        server.start();
        log.info("Started embedded Redis on 127.0.0.1:{} with data in {}", port, dataDir);
        return new EmbeddedRedis(server, port);
    }

    boolean isRunning() {
        return server != null;
    }

    URI uri() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    /** SHUTDOWN first: Redis then flushes the append-only file, so a restart finds every write. */
    void stop() throws IOException {
        if (server == null) {
            return;
        }
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            jedis.shutdown();
        } catch (RuntimeException e) {
            log.debug("Embedded Redis shutdown: {}", e.getMessage());
        }
        server.stop();
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
