package dev.silentdeals.crm;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which CRM adapter runs (CRM_ADAPTER), how often it is synced (CRM_SYNC_INTERVAL), and whether a
 * recorded "no" also moves the CRM deal to closed-lost (CRM_CLOSE_LOST_ON_NO).
 */
@ConfigurationProperties(prefix = "silent-deals.crm")
public record CrmProperties(String adapter, Duration syncInterval, boolean closeLostOnNo) {

    public CrmProperties {
        adapter = adapter == null || adapter.isBlank() ? "file" : adapter.strip();
        syncInterval = syncInterval == null ? Duration.ofMinutes(15) : syncInterval;
    }
}
