package dev.silentdeals.crm.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Counts CRM calls by vendor and status, and failures by kind, for Prometheus. */
public final class CrmHttpMetrics {

    private final MeterRegistry registry;

    public CrmHttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public static CrmHttpMetrics noop() {
        return new CrmHttpMetrics(new SimpleMeterRegistry());
    }

    void requested(String vendor, int status) {
        registry.counter("silentdeals.crm.requests", "vendor", vendor, "status", String.valueOf(status)).increment();
    }

    void failed(String vendor, String kind) {
        registry.counter("silentdeals.crm.failures", "vendor", vendor, "kind", kind).increment();
    }
}
