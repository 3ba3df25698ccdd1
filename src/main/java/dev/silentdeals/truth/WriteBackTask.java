package dev.silentdeals.truth;

import java.time.Duration;

import dev.silentdeals.scheduling.ScheduledTask;
import org.springframework.stereotype.Component;

/** Retries CRM write-backs that are due, every minute. */
@Component
class WriteBackTask implements ScheduledTask {

    private final CrmWriteBack writeBack;

    WriteBackTask(CrmWriteBack writeBack) {
        this.writeBack = writeBack;
    }

    @Override
    public String name() {
        return "crm-write-back";
    }

    @Override
    public Duration interval() {
        return Duration.ofMinutes(1);
    }

    @Override
    public void run() {
        writeBack.retryDue();
    }
}
