package dev.silentdeals.deals;

import java.time.Duration;

import dev.silentdeals.crm.CrmProperties;
import dev.silentdeals.scheduling.ScheduledTask;
import org.springframework.stereotype.Component;

/** Syncs the CRM at start and then every CRM_SYNC_INTERVAL. */
@Component
class CrmSyncTask implements ScheduledTask {

    private final CrmSync sync;
    private final Duration interval;

    CrmSyncTask(CrmSync sync, CrmProperties properties) {
        this.sync = sync;
        this.interval = properties.syncInterval();
    }

    @Override
    public String name() {
        return "crm-sync";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void run() {
        sync.syncOnce();
    }
}
