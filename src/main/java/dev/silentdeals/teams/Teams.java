package dev.silentdeals.teams;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.silentdeals.reps.Rep;
import dev.silentdeals.reps.RepDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The teams from the teams file, and who may see what: a team's managers and the admins see team views;
 * everyone else sees only their own deals. People are named by email or Slack user id in the file.
 */
@Service
@EnableConfigurationProperties(TeamsProperties.class)
public class Teams {

    private static final Logger log = LoggerFactory.getLogger(Teams.class);

    private final List<Team> teams;
    private final List<String> admins;
    private final RepDirectory reps;

    Teams(TeamsProperties properties, RepDirectory reps) {
        this.reps = reps;
        this.admins = Arrays.stream(properties.admins().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        this.teams = load(properties.file());
    }

    public List<Team> all() {
        return teams;
    }

    public Optional<Team> named(String name) {
        return teams.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    public boolean isAdmin(String slackTeam, String userId) {
        return matchesAny(admins, slackTeam, userId);
    }

    /** Teams this user manages (all teams for an admin). */
    public List<Team> managedBy(String slackTeam, String userId) {
        if (isAdmin(slackTeam, userId)) {
            return teams;
        }
        return teams.stream().filter(t -> matchesAny(t.managers(), slackTeam, userId)).toList();
    }

    /** Whether {@code viewerId} may see the deals of the rep {@code repUserId}: an admin, or one of their managers. */
    public boolean mayViewRep(String slackTeam, String viewerId, String repUserId) {
        if (isAdmin(slackTeam, viewerId)) {
            return true;
        }
        return managedBy(slackTeam, viewerId).stream().anyMatch(t -> matchesAny(t.members(), slackTeam, repUserId));
    }

    /** The emails of a team's members (Slack ids resolved through Slack); unknown ids are left out. */
    public Set<String> memberEmails(String slackTeam, Team team) {
        Set<String> emails = new LinkedHashSet<>();
        for (String member : team.members()) {
            if (member.contains("@")) {
                emails.add(member.toLowerCase(Locale.ROOT));
            } else {
                reps.findByUserId(slackTeam, member).map(Rep::email).filter(e -> !e.isBlank())
                        .ifPresent(e -> emails.add(e.toLowerCase(Locale.ROOT)));
            }
        }
        return emails;
    }

    private boolean matchesAny(List<String> people, String slackTeam, String userId) {
        if (people.stream().anyMatch(p -> p.equalsIgnoreCase(userId))) {
            return true;
        }
        if (people.stream().noneMatch(p -> p.contains("@"))) {
            return false;
        }
        Optional<String> email = reps.findByUserId(slackTeam, userId).map(Rep::email);
        return email.isPresent() && people.stream().anyMatch(p -> p.equalsIgnoreCase(email.get()));
    }

    private static List<Team> load(String file) {
        if (file.isEmpty()) {
            return List.of();
        }
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            TeamsFile.Parsed parsed = TeamsFile.parse(reader);
            parsed.problems().forEach(p -> log.warn("Teams file {}: {}", file, p));
            log.info("Teams file {}: {} teams loaded, {} problems", file, parsed.teams().size(),
                    parsed.problems().size());
            return parsed.teams();
        } catch (IOException e) {
            log.warn("Teams file {} could not be read ({}); no team digests will run", file, e.getMessage());
            return List.of();
        }
    }
}
