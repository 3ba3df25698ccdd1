package dev.silentdeals.silence;

import java.time.Duration;

import dev.silentdeals.deals.DealsSynced;
import dev.silentdeals.redis.JobLease;
import dev.silentdeals.scheduling.ScheduledTask;
import dev.silentdeals.workspaces.Workspaces;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Detects silence in every workspace at start and then every DETECTION_INTERVAL; the nudges module
 * sends what may go out when each pass finishes.
 */
@Component
class DetectionTask implements ScheduledTask {

    private final SilenceDetection detection;
    private final Workspaces workspaces;
    private final JobLease lease;
    private final Duration interval;

    DetectionTask(SilenceDetection detection, Workspaces workspaces, JobLease lease, SilenceProperties properties) {
        this.detection = detection;
        this.workspaces = workspaces;
        this.lease = lease;
        this.interval = properties.detectionInterval();
    }

    /** Fresh data is worth judging at once: this is what makes the first nudges appear right after start. */
    @EventListener
    void on(DealsSynced synced) {
        lease.runExclusively(name(), leaseTime(), () -> detection.detect(synced.teamId()));
    }

    @Override
    public String name() {
        return "silence-detection";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void run() {
        workspaces.all().forEach(detection::detect);
    }
}
