package dev.silentdeals.scheduling;

import java.time.Duration;

/**
 * Work a feature wants run on an interval, once across all replicas at a time. Features declare these
 * as beans; the scheduling module turns each into a Quartz job guarded by a Redis lease.
 */
public interface ScheduledTask {

    /** A stable name: the Quartz job key, the lease key and the metrics tag. */
    String name();

    Duration interval();

    void run();

    /** How long the lease lasts if this replica dies mid-run. */
    default Duration leaseTime() {
        return Duration.ofMinutes(30);
    }
}
