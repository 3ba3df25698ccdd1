package dev.silentdeals.silence;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import dev.silentdeals.deals.DealsSynced;
import dev.silentdeals.redis.JobLease;
import dev.silentdeals.redis.RedisKeys;
import dev.silentdeals.scheduling.ScheduledTask;
import dev.silentdeals.workspaces.Workspaces;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Detects silence in every workspace at start and then every DETECTION_INTERVAL, and again right after
 * each CRM sync; the nudges module sends what may go out when each pass finishes.
 */
@Component
class DetectionTask implements ScheduledTask {

    private final SilenceDetection detection;
    private final Workspaces workspaces;
    private final JobLease lease;
    private final UnifiedJedis redis;
    private final Duration interval;

    DetectionTask(SilenceDetection detection, Workspaces workspaces, JobLease lease, UnifiedJedis redis,
                  SilenceProperties properties) {
        this.detection = detection;
        this.workspaces = workspaces;
        this.lease = lease;
        this.redis = redis;
        this.interval = properties.detectionInterval();
    }

    /**
     * Fresh data is worth judging at once: this is what makes the first nudges appear right after start.
     * If a pass is running (here or on another replica) it may have read the data before the sync, so it
     * is asked to judge this workspace once more when it finishes.
     */
    @EventListener
    void on(DealsSynced synced) {
        if (!lease.runExclusively(name(), leaseTime(), () -> detectThenReruns(List.of(synced.teamId())))) {
            redis.sadd(RedisKeys.detectionReruns(), synced.teamId());
            // The running pass may have finished in between: then no one would see the request.
            lease.runExclusively(name(), leaseTime(), () -> detectThenReruns(List.of()));
        }
    }

    @Override
    public String name() {
        return "silence-detection";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    /** Runs under the lease (LeasedJob holds it). */
    @Override
    public void run() {
        detectThenReruns(workspaces.all());
    }

    private void detectThenReruns(Collection<String> teams) {
        teams.forEach(detection::detect);
        for (Set<String> asked = takeReruns(); !asked.isEmpty(); asked = takeReruns()) {
            asked.forEach(detection::detect);
        }
    }

    private Set<String> takeReruns() {
        Set<String> asked = redis.spop(RedisKeys.detectionReruns(), 100);
        return asked == null ? Set.of() : asked;
    }
}
