package dev.silentdeals.nudges;

import java.time.Duration;

import dev.silentdeals.scheduling.ScheduledTask;
import dev.silentdeals.workspaces.Workspaces;
import org.springframework.stereotype.Component;

/** Sends due revisits in every workspace, at start and then every REVISIT_CHECK_INTERVAL. */
@Component
class RevisitTask implements ScheduledTask {

    private final Revisits revisits;
    private final Workspaces workspaces;
    private final Duration interval;

    RevisitTask(Revisits revisits, Workspaces workspaces, NudgeProperties properties) {
        this.revisits = revisits;
        this.workspaces = workspaces;
        this.interval = properties.revisitCheckInterval();
    }

    @Override
    public String name() {
        return "revisits";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void run() {
        workspaces.all().forEach(revisits::sendDue);
    }
}
