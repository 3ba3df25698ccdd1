package dev.silentdeals.redis;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import redis.clients.jedis.UnifiedJedis;

/** Readiness: the service is only ready when Redis answers PING. */
class RedisHealthIndicator implements HealthIndicator {

    private final UnifiedJedis redis;

    RedisHealthIndicator(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public Health health() {
        try {
            return "PONG".equals(redis.ping()) ? Health.up().build() : Health.down().build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
