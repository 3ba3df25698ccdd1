package dev.silentdeals.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Redis is: {@code url} (REDIS_URL) for a managed server, or {@code clusterNodes}
 * (REDIS_CLUSTER_NODES, "host:port,host:port", with REDIS_PASSWORD if the cluster needs one) for Redis
 * Cluster. When neither is set, an embedded redis-server is started with append-only persistence under
 * {@code dataDir} (DATA_DIR); {@code embeddedPort} 0 picks a free port.
 */
@ConfigurationProperties(prefix = "silent-deals.redis")
record RedisProperties(String url, String clusterNodes, String password, String dataDir, int embeddedPort) {

    boolean embedded() {
        return isBlank(url) && !cluster();
    }

    boolean cluster() {
        return !isBlank(clusterNodes);
    }

    @Override
    public String toString() {
        return "RedisProperties[embedded=" + embedded() + ", cluster=" + cluster() + "]";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
