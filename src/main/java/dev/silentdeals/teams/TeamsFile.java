package dev.silentdeals.teams;

import java.io.Reader;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.quartz.CronExpression;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and checks the teams file (TEAMS_FILE). Every problem is reported with its line and path; a team
 * with problems is left out and the others are kept, so one typo never silences every digest.
 */
public final class TeamsFile {

    private TeamsFile() {
    }

    /** The valid teams and the problems found. */
    public record Parsed(List<Team> teams, List<TeamsFileProblem> problems) {
    }

    public static Parsed parse(Reader reader) {
        List<Team> teams = new ArrayList<>();
        List<TeamsFileProblem> problems = new ArrayList<>();
        Node root;
        try {
            root = new Yaml().compose(reader);
        } catch (YAMLException e) {
            problems.add(new TeamsFileProblem(0, "", "not valid YAML: " + e.getMessage().lines().findFirst().orElse("")));
            return new Parsed(teams, problems);
        }
        if (root == null) {
            return new Parsed(teams, problems);
        }
        Node list = root instanceof MappingNode mapping ? value(mapping, "teams") : null;
        if (!(list instanceof SequenceNode sequence)) {
            problems.add(new TeamsFileProblem(line(root), "teams", "expected a list under the key 'teams'"));
            return new Parsed(teams, problems);
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node item = sequence.getValue().get(i);
            String path = "teams[" + i + "]";
            List<TeamsFileProblem> mine = new ArrayList<>();
            Team team = item instanceof MappingNode mapping ? team(mapping, path, mine)
                    : fail(mine, item, path, "expected a team (name, managers, members, channel, ...)");
            if (team != null && !names.add(team.name())) {
                mine.add(new TeamsFileProblem(line(item), path + ".name", "the team name '" + team.name()
                        + "' is used twice"));
            }
            problems.addAll(mine);
            if (mine.isEmpty() && team != null) {
                teams.add(team);
            }
        }
        return new Parsed(teams, problems);
    }

    private static Team team(MappingNode node, String path, List<TeamsFileProblem> problems) {
        String name = scalar(node, "name", path, problems, true);
        List<String> managers = list(node, "managers", path, problems);
        List<String> members = list(node, "members", path, problems);
        String channel = scalar(node, "channel", path, problems, true);
        String schedule = scalar(node, "schedule", path, problems, false);
        String zone = scalar(node, "time-zone", path, problems, false);
        String perRep = scalar(node, "per-rep-detail", path, problems, false);
        if (managers != null && managers.isEmpty()) {
            problems.add(new TeamsFileProblem(line(node), path + ".managers", "a team needs at least one manager"));
        }
        if (schedule == null) {
            schedule = Team.DEFAULT_SCHEDULE;
        } else if (!CronExpression.isValidExpression(schedule)) {
            problems.add(new TeamsFileProblem(line(value(node, "schedule")), path + ".schedule", "'" + schedule
                    + "' is not a Quartz cron expression (for example \"0 0 9 ? * MON\")"));
        }
        ZoneId timeZone = ZoneId.of("UTC");
        if (zone != null) {
            try {
                timeZone = ZoneId.of(zone);
            } catch (DateTimeException e) {
                problems.add(new TeamsFileProblem(line(value(node, "time-zone")), path + ".time-zone", "'" + zone
                        + "' is not a time zone (for example Europe/Berlin)"));
            }
        }
        boolean perRepDetail = false;
        if (perRep != null) {
            if (!perRep.equals("true") && !perRep.equals("false")) {
                problems.add(new TeamsFileProblem(line(value(node, "per-rep-detail")), path + ".per-rep-detail",
                        "must be true or false"));
            }
            perRepDetail = perRep.equals("true");
        }
        for (NodeTuple tuple : node.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            if (!Set.of("name", "managers", "members", "channel", "schedule", "time-zone", "per-rep-detail")
                    .contains(key)) {
                problems.add(new TeamsFileProblem(line(tuple.getKeyNode()), path + "." + key, "unknown key"));
            }
        }
        if (name == null || managers == null || members == null || channel == null) {
            return null;
        }
        return new Team(name, managers, members, channel, schedule, timeZone, perRepDetail);
    }

    private static String scalar(MappingNode node, String key, String path, List<TeamsFileProblem> problems,
                                 boolean required) {
        Node value = value(node, key);
        if (value == null) {
            if (required) {
                problems.add(new TeamsFileProblem(line(node), path + "." + key, "missing"));
            }
            return null;
        }
        if (!(value instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            problems.add(new TeamsFileProblem(line(value), path + "." + key, "expected a single value"));
            return null;
        }
        return scalar.getValue().strip();
    }

    private static List<String> list(MappingNode node, String key, String path, List<TeamsFileProblem> problems) {
        Node value = value(node, key);
        if (value == null) {
            problems.add(new TeamsFileProblem(line(node), path + "." + key, "missing"));
            return null;
        }
        if (!(value instanceof SequenceNode sequence)) {
            problems.add(new TeamsFileProblem(line(value), path + "." + key, "expected a list, e.g. [ana@example.com]"));
            return null;
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node item = sequence.getValue().get(i);
            if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                items.add(scalar.getValue().strip());
            } else {
                problems.add(new TeamsFileProblem(line(item), path + "." + key + "[" + i + "]",
                        "expected an email or a Slack user id"));
            }
        }
        return items;
    }

    private static Node value(MappingNode node, String key) {
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    private static Team fail(List<TeamsFileProblem> problems, Node node, String path, String message) {
        problems.add(new TeamsFileProblem(line(node), path, message));
        return null;
    }

    private static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
