package dev.silentdeals.digests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.ZoneId;
import java.util.List;

import dev.silentdeals.teams.Team;
import dev.silentdeals.teams.TeamsFile;
import dev.silentdeals.teams.TeamsFileProblem;
import org.junit.jupiter.api.Test;

/**
 * The teams file digests run from: each problem is reported with its line; a team with a problem is
 * skipped and the good teams keep their digests.
 */
class TeamsFileTest {

    static final String FILE = """
            teams:
              - name: West
                managers: [maria@example.com]
                members: [ana@example.com, U02ABCDEF]
                channel: C0DIGEST1
                schedule: "0 0 9 ? * MON"
                time-zone: Europe/Berlin
                per-rep-detail: true
              - name: East
                managers: [U0LEE]
                members: [kenji@example.com]
                channel: C0DIGEST2
                schedule: "every monday"
                time-zone: Mars/Olympus
                colour: blue
              - name: North
                managers: []
                members: [sam@example.com]
              - name: South
                managers: [U0SOL]
                members: [lea@example.com]
                channel: C0DIGEST4
              - name: West
                managers: [maria@example.com]
                members: []
                channel: C0DIGEST5
            """;

    final TeamsFile.Parsed parsed = TeamsFile.parse(new StringReader(FILE));

    @Test
    void good_teams_are_kept_with_their_settings_and_the_defaults() {
        assertThat(parsed.teams()).extracting(Team::name).containsExactly("West", "South");
        Team west = parsed.teams().get(0);
        assertThat(west.managers()).containsExactly("maria@example.com");
        assertThat(west.members()).containsExactly("ana@example.com", "U02ABCDEF");
        assertThat(west.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(west.perRepDetail()).isTrue();
        Team south = parsed.teams().get(1);
        assertThat(south.schedule()).isEqualTo("0 0 9 ? * MON");
        assertThat(south.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(south.perRepDetail()).isFalse();
    }

    @Test
    void every_problem_is_reported_with_its_line_and_place_in_the_file() {
        List<String> problems = parsed.problems().stream().map(TeamsFileProblem::toString).toList();
        assertThat(problems).contains(
                "line 13 (teams[1].schedule): 'every monday' is not a Quartz cron expression (for example \"0 0 9 ? * MON\")",
                "line 14 (teams[1].time-zone): 'Mars/Olympus' is not a time zone (for example Europe/Berlin)",
                "line 15 (teams[1].colour): unknown key",
                "line 16 (teams[2].managers): a team needs at least one manager",
                "line 16 (teams[2].channel): missing",
                "line 23 (teams[4].name): the team name 'West' is used twice");
    }

    @Test
    void a_file_that_is_not_yaml_says_so_and_keeps_no_team() {
        TeamsFile.Parsed broken = TeamsFile.parse(new StringReader("teams: [ { name: West"));
        assertThat(broken.teams()).isEmpty();
        assertThat(broken.problems()).singleElement().asString().contains("not valid YAML");
    }
}
