package dev.silentdeals.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.silentdeals.testing.RedisForTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Two replicas (two leases on one Redis) never run the same job at the same time. */
class JobLeaseTest {

    static final RedisForTests redis = RedisForTests.start();

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    void a_second_replica_skips_the_job_while_the_first_runs_it_and_runs_it_afterwards() {
        JobLease first = new JobLease(redis.client());
        JobLease second = new JobLease(redis.client());
        AtomicInteger runs = new AtomicInteger();
        AtomicBoolean secondRanInside = new AtomicBoolean(true);

        boolean firstRan = first.runExclusively("sync", Duration.ofMinutes(1), () -> {
            runs.incrementAndGet();
            secondRanInside.set(second.runExclusively("sync", Duration.ofMinutes(1), runs::incrementAndGet));
        });

        assertThat(firstRan).isTrue();
        assertThat(secondRanInside).isFalse();
        assertThat(runs).hasValue(1);
        assertThat(second.runExclusively("sync", Duration.ofMinutes(1), runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void the_lease_is_released_even_when_the_job_fails() {
        JobLease lease = new JobLease(redis.client());
        try {
            lease.runExclusively("failing", Duration.ofMinutes(1), () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the job's own failure
        }
        assertThat(redis.client().exists(RedisKeys.lease("failing"))).isFalse();
    }

    @Test
    void a_lease_left_by_a_replica_that_died_expires_on_its_own() {
        redis.client().set(RedisKeys.lease("orphan"), "dead-replica");
        redis.client().pexpire(RedisKeys.lease("orphan"), 1);

        JobLease lease = new JobLease(redis.client());
        AtomicInteger runs = new AtomicInteger();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2))
                .until(() -> lease.runExclusively("orphan", Duration.ofMinutes(1), runs::incrementAndGet));
        assertThat(runs).hasValue(1);
    }
}
