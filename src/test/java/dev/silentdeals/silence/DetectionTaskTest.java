package dev.silentdeals.silence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.silentdeals.deals.DealsSynced;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.silentdeals.redis.JobLease;
import dev.silentdeals.redis.JobLeaseAccess;
import dev.silentdeals.testing.RedisForTests;
import dev.silentdeals.workspaces.Workspaces;
import dev.silentdeals.workspaces.WorkspacesAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sync that finishes while a detection pass is already running (here or on another replica) still
 * gets its data judged at once: the running pass goes round once more, instead of the fresh data
 * waiting a whole interval.
 */
class DetectionTaskTest {

    static final RedisForTests redis = RedisForTests.start();
    final AtomicInteger passes = new AtomicInteger();
    final SilenceProperties properties = new SilenceProperties(7, 2, "", "MON-FRI", Duration.ofMinutes(15), null, null);
    Runnable duringAPass = () -> { };
    final SilenceDetection detection = new SilenceDetection(null, null, null, null, null, properties, null, null,
            new SimpleMeterRegistry()) {
        @Override
        public DetectionPassFinished detect(String team) {
            passes.incrementAndGet();
            duringAPass.run();
            return new DetectionPassFinished(team, 0, 0, 0, 0);
        }
    };
    final JobLease lease = JobLeaseAccess.create(redis.client());
    final Workspaces workspaces = WorkspacesAccess.create(redis.client());
    final DetectionTask task = new DetectionTask(detection, workspaces, lease, redis.client(), properties);

    @BeforeEach
    void oneWorkspace() {
        redis.flush();
        workspaces.registerPrimary("T1");
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    void a_sync_finishing_during_a_pass_makes_that_pass_run_once_more() {
        duringAPass = () -> {
            if (passes.get() == 1) {
                task.on(new DealsSynced("T1", "file", 3, 10, 0, 0)); // a sync finishes mid-pass
            }
        };

        lease.runExclusively(task.name(), task.leaseTime(), task::run);

        assertThat(passes).hasValue(2);
    }

    @Test
    void a_sync_with_no_pass_running_runs_detection_itself() {
        task.on(new DealsSynced("T1", "file", 3, 10, 0, 0));

        assertThat(passes).hasValue(1);
    }
}
