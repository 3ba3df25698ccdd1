package dev.silentdeals.digests;

import java.time.Instant;
import java.util.Optional;

import dev.silentdeals.teams.Team;
import dev.silentdeals.teams.Teams;
import dev.silentdeals.workspaces.Workspaces;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job behind each team's cron trigger. It needs no lease: the period's Redis claim in
 * {@link ScheduledDigests} already lets one fire post, on whichever replica. Quartz creates it through
 * Spring, which passes the constructor's arguments.
 */
@DisallowConcurrentExecution
public class DigestJob implements Job {

    static final String TEAM = "team";
    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

    private final Teams teams;
    private final Workspaces workspaces;
    private final ScheduledDigests digests;

    DigestJob(Teams teams, Workspaces workspaces, ScheduledDigests digests) {
        this.teams = teams;
        this.workspaces = workspaces;
        this.digests = digests;
    }

    @Override
    public void execute(JobExecutionContext execution) {
        String name = execution.getMergedJobDataMap().getString(TEAM);
        // The scheduled time, not the moment the thread ran, so every replica names the same period end. After
        // a misfire Quartz fires once "now"; ScheduledDigests maps that back to the latest scheduled time.
        Instant firedAt = execution.getScheduledFireTime() == null ? Instant.now()
                : execution.getScheduledFireTime().toInstant();
        Optional<Team> team = teams.named(name);
        Optional<String> slackTeam = workspaces.primary();
        if (team.isEmpty() || slackTeam.isEmpty()) {
            log.warn("Digest for team '{}' not posted: {}; the next fire covers this period too", name,
                    team.isEmpty() ? "the team is not in the teams file" : "the Slack workspace is not known yet");
            return;
        }
        try {
            digests.fire(slackTeam.get(), team.get(), firedAt);
        } catch (RuntimeException e) {
            log.warn("Digest job for team {} failed: {}", name, e.toString());
        }
    }
}
