package dev.silentdeals.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.embedded.RedisShardedCluster;

/** A real three-shard Redis Cluster on loopback, to show the key schema and scripts run on a cluster. */
public final class RedisClusterForTests implements AutoCloseable {

    private final RedisShardedCluster cluster;
    private final RedisClusterClient client;

    private RedisClusterForTests(RedisShardedCluster cluster, RedisClusterClient client) {
        this.cluster = cluster;
        this.client = client;
    }

    public static RedisClusterForTests start() {
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ports.add(freePort());
            }
            RedisShardedCluster cluster = RedisShardedCluster.newRedisCluster().shard("a", 0).shard("b", 0)
                    .shard("c", 0).serverPorts(ports).initializationTimeout(Duration.ofSeconds(30)).build();
            cluster.start();
            // The shards agree on slots a moment after they start: wait for every node to say so.
            for (int port : cluster.ports()) {
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                    try (redis.clients.jedis.Jedis node = new redis.clients.jedis.Jedis("127.0.0.1", port)) {
                        return node.clusterInfo().contains("cluster_state:ok");
                    }
                });
            }
            Set<HostAndPort> nodes = cluster.ports().stream().map(p -> new HostAndPort("127.0.0.1", p))
                    .collect(Collectors.toSet());
            return new RedisClusterForTests(cluster, RedisClusterClient.create(nodes));
        } catch (IOException e) {
            throw new IllegalStateException("Could not start a test Redis Cluster", e);
        }
    }

    public UnifiedJedis client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        try {
            cluster.stop();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
