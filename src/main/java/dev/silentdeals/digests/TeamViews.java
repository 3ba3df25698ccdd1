package dev.silentdeals.digests;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.slack.api.model.block.LayoutBlock;
import dev.silentdeals.teams.Team;
import dev.silentdeals.teams.Teams;
import dev.silentdeals.texts.Texts;
import org.springframework.stereotype.Service;

/**
 * The team views a manager asks for in Slack: the digest of the period so far, and the team's silent deals
 * in aggregate. Only the team's managers and the admins see them; anyone else gets a clear refusal and
 * nothing about the team.
 */
@Service
public class TeamViews {

    private final Teams teams;
    private final ScheduledDigests digests;
    private final DigestComposer composer;
    private final Texts texts;

    TeamViews(Teams teams, ScheduledDigests digests, DigestComposer composer, Texts texts) {
        this.teams = teams;
        this.digests = digests;
        this.composer = composer;
        this.texts = texts;
    }

    /** {@code /silent-deals digest [team]}: the digest so far, for the caller's eyes only. */
    public List<LayoutBlock> digestPreview(String slackTeam, String userId, String teamName) {
        return forManagedTeam(slackTeam, userId, teamName, "digest",
                team -> composer.preview(composer.compose(slackTeam, team, digests.periodSoFar(slackTeam, team))));
    }

    /** {@code /silent-deals team [team]}: the team's silent deals now, in aggregate. */
    public List<LayoutBlock> silentDeals(String slackTeam, String userId, String teamName) {
        return forManagedTeam(slackTeam, userId, teamName, "team", team -> composer.teamView(slackTeam, team));
    }

    private List<LayoutBlock> forManagedTeam(String slackTeam, String userId, String teamName, String command,
                                             Function<Team, List<LayoutBlock>> view) {
        List<Team> managed = teams.managedBy(slackTeam, userId);
        if (managed.isEmpty()) {
            boolean admin = teams.isAdmin(slackTeam, userId);
            return say(admin ? texts.slack("teams.none") : texts.slack("teams.refused"));
        }
        String names = managed.stream().map(Team::name).collect(Collectors.joining(", "));
        if (teamName == null || teamName.isBlank()) {
            if (managed.size() > 1) {
                return say(texts.slack("teams.choose", Map.of("teams", names, "command", command,
                        "example", managed.get(0).name())));
            }
            return view.apply(managed.get(0));
        }
        return managed.stream().filter(t -> t.name().equalsIgnoreCase(teamName.strip())).findFirst()
                .map(view)
                .orElseGet(() -> say(texts.slack("teams.unknown", Map.of("name", teamName.strip(), "teams", names))));
    }

    private static List<LayoutBlock> say(String mrkdwn) {
        return List.of(section(s -> s.text(markdownText(mrkdwn))));
    }
}
