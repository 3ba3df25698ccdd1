package dev.silentdeals.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Redis is: {@code url} (REDIS_URL) for a managed server; when blank, an embedded redis-server
 * is started with append-only persistence under {@code dataDir} (DATA_DIR). {@code embeddedPort} 0 picks
 * a free port.
 */
@ConfigurationProperties(prefix = "silent-deals.redis")
record RedisProperties(String url, String dataDir, int embeddedPort) {

    boolean embedded() {
        return url == null || url.isBlank();
    }
}
