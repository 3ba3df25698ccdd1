package dev.silentdeals.silence;

import java.time.Duration;

import dev.silentdeals.scheduling.ScheduledTask;
import dev.silentdeals.workspaces.Workspaces;
import org.springframework.stereotype.Component;

/**
 * Detects silence in every workspace at start and then every DETECTION_INTERVAL; the nudges module
 * sends what may go out when each pass finishes.
 */
@Component
class DetectionTask implements ScheduledTask {

    private final SilenceDetection detection;
    private final Workspaces workspaces;
    private final Duration interval;

    DetectionTask(SilenceDetection detection, Workspaces workspaces, SilenceProperties properties) {
        this.detection = detection;
        this.workspaces = workspaces;
        this.interval = properties.detectionInterval();
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
