package dev.silentdeals.silence;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.silentdeals.redis.RedisKeys;
import dev.silentdeals.workspaces.Workspaces;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code silentdeals.silent_deals{team}}: how many deals the last detection pass found silent. The count
 * lives in Redis, so every replica reports the same number whichever replica ran the pass; each served
 * workspace's gauge exists from start, before any pass.
 */
@Component
class SilentDealsGauge {

    static final String NAME = "silentdeals.silent_deals";
    private static final Logger log = LoggerFactory.getLogger(SilentDealsGauge.class);

    private final UnifiedJedis redis;
    private final MeterRegistry meters;
    private final Workspaces workspaces;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    SilentDealsGauge(UnifiedJedis redis, MeterRegistry meters, Workspaces workspaces) {
        this.redis = redis;
        this.meters = meters;
        this.workspaces = workspaces;
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerServedWorkspaces() {
        workspaces.all().forEach(this::register);
    }

    // First among the pass's listeners: the count is right before nudges (which take a while) go out.
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(DetectionPassFinished pass) {
        redis.set(RedisKeys.silentDealsCount(pass.teamId()), String.valueOf(pass.silentNow()));
        register(pass.teamId());
    }

    private void register(String team) {
        if (registered.add(team)) {
            Gauge.builder(NAME, () -> lastCount(team)).tag("team", team)
                    .description("Deals the last detection pass found silent").strongReference(true).register(meters);
        }
    }

    private double lastCount(String team) {
        try {
            String value = redis.get(RedisKeys.silentDealsCount(team));
            return value == null ? 0 : Double.parseDouble(value);
        } catch (RuntimeException e) {
            log.debug("Silent-deals gauge for {} unavailable: {}", team, e.getMessage());
            return Double.NaN;
        }
    }
}
