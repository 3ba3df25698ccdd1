package dev.silentdeals.deals;

import java.util.Map;

import dev.silentdeals.crm.CrmAdapter;
import dev.silentdeals.redis.RedisKeys;
import dev.silentdeals.workspaces.Workspaces;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * The CRM sync's state at /actuator/health (component "crmSync": the bean name less its HealthIndicator suffix;
 * naming the bean "crmSync" would clash with {@link CrmSync}): UP while the last pass succeeded, DEGRADED after a
 * failed one (the service still serves Slack from what it has, so readiness stays up).
 */
@Component
class CrmSyncHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "the last CRM sync failed; the next pass will retry");

    private final CrmAdapter crm;
    private final Workspaces workspaces;
    private final UnifiedJedis redis;

    CrmSyncHealthIndicator(CrmAdapter crm, Workspaces workspaces, UnifiedJedis redis) {
        this.crm = crm;
        this.workspaces = workspaces;
        this.redis = redis;
    }

    @Override
    public Health health() {
        String team = workspaces.primary().orElse(null);
        if (team == null) {
            return Health.unknown().withDetail("adapter", crm.name()).build();
        }
        Map<String, String> state = redis.hgetAll(RedisKeys.sync(team, crm.name()));
        String lastError = state.getOrDefault("last_error", "");
        Health.Builder health = lastError.isEmpty() ? Health.up() : Health.status(DEGRADED);
        return health.withDetail("adapter", crm.name())
                .withDetail("lastSuccess", state.getOrDefault("last_success", "never"))
                .withDetail("lastError", lastError)
                .withDetail("recordsSkippedLastPass", state.getOrDefault("last_skipped", "0"))
                .build();
    }
}
