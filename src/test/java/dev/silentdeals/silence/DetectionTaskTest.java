package dev.silentdeals.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.silentdeals.deals.DealsSynced;
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
    final SilenceDetection detection = mock(SilenceDetection.class);
    final JobLease lease = JobLeaseAccess.create(redis.client());
    final Workspaces workspaces = WorkspacesAccess.create(redis.client());
    final DetectionTask task = new DetectionTask(detection, workspaces, lease, redis.client(),
            new SilenceProperties(7, 2, "", "MON-FRI", Duration.ofMinutes(15), null));
    final AtomicInteger passes = new AtomicInteger();

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
        doAnswer(call -> {
            if (passes.incrementAndGet() == 1) {
                task.on(new DealsSynced("T1", "file", 3, 10, 0, 0)); // arrives mid-pass
            }
            return null;
        }).when(detection).detect(anyString());

        lease.runExclusively(task.name(), task.leaseTime(), task::run);

        assertThat(passes).hasValue(2);
    }

    @Test
    void a_sync_with_no_pass_running_runs_detection_itself() {
        doAnswer(call -> {
            passes.incrementAndGet();
            return null;
        }).when(detection).detect(anyString());

        task.on(new DealsSynced("T1", "file", 3, 10, 0, 0));

        assertThat(passes).hasValue(1);
    }
}
