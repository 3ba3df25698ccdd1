package dev.silentdeals.scheduling;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;

import dev.silentdeals.redis.JobLease;

/**
 * The one Quartz job class: looks up the {@link ScheduledTask} named in the job's data and runs it under
 * a Redis lease, so two replicas firing the same trigger run the work once.
 */
@DisallowConcurrentExecution
public class LeasedJob implements Job {

    static final String TASK_BEAN = "taskBean";
    static final String CONTEXT_KEY = "applicationContext";
    static final String RUNS = "silentdeals.jobs.runs";
    private static final List<String> OUTCOMES = List.of("ran", "skipped", "failed");
    private static final Logger log = LoggerFactory.getLogger(LeasedJob.class);

    @Override
    public void execute(JobExecutionContext execution) {
        String beanName = execution.getMergedJobDataMap().getString(TASK_BEAN);
        ApplicationContext context;
        try {
            context = (ApplicationContext) execution.getScheduler().getContext().get(CONTEXT_KEY);
        } catch (SchedulerException e) {
            log.warn("Scheduler context unavailable for {}: {}", beanName, e.getMessage());
            return;
        }
        ScheduledTask task = context.getBean(beanName, ScheduledTask.class);
        MeterRegistry meters = context.getBean(MeterRegistry.class);
        JobLease lease = context.getBean(JobLease.class);
        try {
            boolean ran = lease.runExclusively(task.name(), task.leaseTime(), task::run);
            meters.counter(RUNS, "job", task.name(), "outcome", ran ? "ran" : "skipped").increment();
        } catch (RuntimeException e) {
            meters.counter(RUNS, "job", task.name(), "outcome", "failed").increment();
            log.warn("Job {} failed: {}", task.name(), e.toString());
        }
    }

    /** Registers the job's run counters at zero, so a dashboard has a line before its first run. */
    static void registerMeters(MeterRegistry meters, String job) {
        OUTCOMES.forEach(outcome -> meters.counter(RUNS, "job", job, "outcome", outcome));
    }
}
