package dev.silentdeals.redis;

import java.io.IOException;
import java.net.URI;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisProperties.class)
class RedisConfiguration {

    @Bean(destroyMethod = "stop")
    EmbeddedRedis embeddedRedis(RedisProperties properties) throws IOException {
        return EmbeddedRedis.startIfNeeded(properties);
    }

    @Bean(destroyMethod = "close")
    UnifiedJedis redis(RedisProperties properties, EmbeddedRedis embedded) {
        URI uri = embedded.isRunning() ? embedded.uri() : URI.create(properties.url().strip());
        return RedisClient.create(uri);
    }

    @Bean
    RedisHealthIndicator redisHealthIndicator(UnifiedJedis redis) {
        return new RedisHealthIndicator(redis);
    }
}
