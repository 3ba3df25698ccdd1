package dev.silentdeals.redis;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
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
        if (properties.cluster()) {
            Set<HostAndPort> nodes = Arrays.stream(properties.clusterNodes().split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).map(HostAndPort::from).collect(Collectors.toSet());
            DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder();
            if (properties.password() != null && !properties.password().isBlank()) {
                config.password(properties.password());
            }
            return RedisClusterClient.builder().nodes(nodes).clientConfig(config.build()).build();
        }
        URI uri = embedded.isRunning() ? embedded.uri() : URI.create(properties.url().strip());
        return RedisClient.create(uri);
    }

    @Bean
    RedisHealthIndicator redisHealthIndicator(UnifiedJedis redis) {
        return new RedisHealthIndicator(redis);
    }
}
