package dev.silentdeals.digests;

import java.util.Date;
import java.util.TimeZone;

import dev.silentdeals.teams.Team;
import dev.silentdeals.teams.Teams;
import dev.silentdeals.workspaces.Workspaces;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One Quartz cron trigger per team, in the team's time zone, registered once the service is ready; then
 * the catch-up: a team whose scheduled time passed while the service was down gets that one digest now.
 * A fire that Quartz itself misses (all threads busy, the machine asleep) fires once as soon as it can.
 */
@Component
class DigestScheduling {

    private static final Logger log = LoggerFactory.getLogger(DigestScheduling.class);

    private final Teams teams;
    private final Workspaces workspaces;
    private final Scheduler scheduler;
    private final ScheduledDigests digests;

    DigestScheduling(Teams teams, Workspaces workspaces, Scheduler scheduler, ScheduledDigests digests) {
        this.teams = teams;
        this.workspaces = workspaces;
        this.scheduler = scheduler;
        this.digests = digests;
    }

    @EventListener(ApplicationReadyEvent.class)
    void scheduleDigests() {
        for (Team team : teams.all()) {
            try {
                schedule(team);
            } catch (SchedulerException | RuntimeException e) {
                log.warn("Digest schedule for team {} could not be registered: {}", team.name(), e.getMessage());
            }
            if (workspaces.primary().isEmpty()) {
                log.warn("Digest catch-up for team {} skipped: the Slack workspace is not known yet", team.name());
                continue;
            }
            try {
                ScheduledDigests.Fired fired = digests.catchUp(workspaces.primary().get(), team);
                if (fired == ScheduledDigests.Fired.POSTED) {
                    log.info("Team {}: posted the digest missed while the service was down", team.name());
                }
            } catch (RuntimeException e) {
                log.warn("Digest catch-up for team {} failed: {}", team.name(), e.getMessage());
            }
        }
    }

    private void schedule(Team team) throws SchedulerException {
        CronTrigger trigger = trigger(team);
        if (trigger.getFireTimeAfter(new Date()) == null) {
            log.info("The digest schedule of team {} ('{}') has no time left in the future; only a catch-up can run",
                    team.name(), team.schedule());
            return;
        }
        JobDetail job = JobBuilder.newJob(DigestJob.class).withIdentity(jobKey(team))
                .usingJobData(DigestJob.TEAM, team.name()).storeDurably().build();
        if (scheduler.checkExists(job.getKey())) {
            scheduler.deleteJob(job.getKey());
        }
        scheduler.scheduleJob(job, trigger);
        log.info("Digest for team {} scheduled '{}' in {}; next at {}", team.name(), team.schedule(),
                team.timeZone().getId(), trigger.getFireTimeAfter(new Date()).toInstant());
    }

    static CronTrigger trigger(Team team) {
        return TriggerBuilder.newTrigger().withIdentity("digest:" + team.name())
                .withSchedule(CronScheduleBuilder.cronSchedule(team.schedule())
                        .inTimeZone(TimeZone.getTimeZone(team.timeZone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    static JobKey jobKey(Team team) {
        return JobKey.jobKey("digest:" + team.name());
    }
}
