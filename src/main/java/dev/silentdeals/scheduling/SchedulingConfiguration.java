package dev.silentdeals.scheduling;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Registers every {@link ScheduledTask} bean with Quartz once the application is ready: each fires at
 * once (the start-up sync and detection) and then on its interval.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    private final ApplicationContext context;
    private final Scheduler scheduler;
    private final MeterRegistry meters;

    SchedulingConfiguration(ApplicationContext context, Scheduler scheduler, MeterRegistry meters) {
        this.context = context;
        this.scheduler = scheduler;
        this.meters = meters;
    }

    @Bean
    static SchedulerFactoryBeanCustomizer applicationContextInSchedulerContext() {
        return factory -> factory.setApplicationContextSchedulerContextKey(LeasedJob.CONTEXT_KEY);
    }

    @EventListener(ApplicationReadyEvent.class)
    void scheduleTasks() throws SchedulerException {
        for (Map.Entry<String, ScheduledTask> entry : context.getBeansOfType(ScheduledTask.class).entrySet()) {
            ScheduledTask task = entry.getValue();
            LeasedJob.registerMeters(meters, task.name());
            JobDetail job = JobBuilder.newJob(LeasedJob.class).withIdentity(task.name())
                    .usingJobData(LeasedJob.TASK_BEAN, entry.getKey()).storeDurably().build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(task.name()).forJob(job).startNow()
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(task.interval().toMillis()).repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            if (!scheduler.checkExists(job.getKey())) {
                scheduler.scheduleJob(job, trigger);
            }
        }
    }
}
