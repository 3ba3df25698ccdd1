package dev.silentdeals.silence;

import java.time.Duration;

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
     * is asked to run once more when it finishes.
     */
    @EventListener
    void on(DealsSynced synced) {
        if (!lease.runExclusively(name(), leaseTime(), this::run)) {
            redis.set(RedisKeys.detectionRerun(), "1");
            // The running pass may have finished in between: then no one would see the request.
            lease.runExclusively(name(), leaseTime(), this::run);
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

    /** Runs under the lease; passes again while someone asked for a rerun during the pass. */
    @Override
    public void run() {
        do {
            redis.del(RedisKeys.detectionRerun());
            workspaces.all().forEach(detection::detect);
        } while (redis.exists(RedisKeys.detectionRerun()));
    }
}
