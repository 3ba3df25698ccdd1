package dev.silentdeals.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.silentdeals.digests.ScheduledDigests;
import dev.silentdeals.silence.EpisodeStore;
import dev.silentdeals.teams.Team;
import dev.silentdeals.teams.Teams;
import dev.silentdeals.testing.MutableClock;
import dev.silentdeals.testing.Resources;
import dev.silentdeals.testing.SignedSlackRequests;
import dev.silentdeals.testing.SlackApiFake;
import dev.silentdeals.testing.SlackApiFake.Call;
import dev.silentdeals.truth.NoReason;
import dev.silentdeals.truth.Outcome;
import dev.silentdeals.truth.RecordingResult;
import dev.silentdeals.truth.TruthRecording;
import dev.silentdeals.truth.TruthSubmission;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;

/**
 * Manager digests through the real service: a teams file with a broken team, truths recorded by the reps,
 * the on-demand preview and team view through signed slash commands, the scheduled digest posted once with
 * its chart through Slack's upload flow, and one catch-up digest after downtime. The West team's schedule
 * is limited to 2025 so that no real-time trigger can fire while the test moves its own clock through
 * November 2025; the steps build on each other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DigestEndToEndTest {

    static final String SECRET = "digest-signing-secret";
    static final String TEAM = SlackApiFake.TEAM;
    static final String ANA = "U0ANA";
    static final String KENJI = "U0KENJI";
    static final String MARIA = "U0MARIA";
    static final String ZOE = "U0ZOE";
    static final String CHANNEL = "C0DIGEST1";

    static final String DEALS = """
            id,name,company,stage,amount,currency,owner_email,contact_name,contact_email,contact_phone,closed,updated_at
            D1,Fleet rollout,Atlas Freight Ltd,Proposal,48000,GBP,ana@example.com,Olivia Brown,olivia@atlas.example,+44 20 7946 0001,false,2025-11-01T09:00:00Z
            D2,Bakery tills,Bright Bakeries,Demo,12000,GBP,ana@example.com,Ravi Patel,ravi@bright.example,+44 20 7946 0002,false,2025-11-01T09:00:00Z
            D3,Mine sensors,Cobalt Mining,Proposal,30000,EUR,kenji@example.com,Sara Lind,sara@cobalt.example,+49 30 0000 0003,false,2025-11-01T09:00:00Z
            D4,Dental suite,Delta Dental,Negotiation,22000,GBP,kenji@example.com,Tom Reed,tom@delta.example,,false,2025-11-01T09:00:00Z
            D5,Outsider,Echo Energy,Proposal,90000,GBP,zoe@example.com,Ugo Neri,ugo@echo.example,,false,2025-11-01T09:00:00Z
            """;
    static final String TOUCHES = touches();
    static final String TEAMS_FILE = """
            teams:
              - name: West
                managers: [maria@example.com]
                members: [ana@example.com, U0KENJI]
                channel: C0DIGEST1
                schedule: "0 0 9 ? * MON 2025"
                time-zone: Europe/London
              - name: Night
                managers: [U0NOBODY]
                members: [zoe@example.com]
                channel: C0NIGHT
                schedule: "0 0 3 ? * SUN 2099"
              - name: Broken
                managers: [maria@example.com]
                members: [ana@example.com]
                channel: C0BROKEN
                schedule: "every monday"
            """;

    @TempDir
    static Path folder;
    static SlackApiFake slack;
    static MutableClock clock = new MutableClock(Instant.parse("2025-11-12T10:00:00Z")); // Wednesday
    static RunningService service;
    static SignedSlackRequests requests;

    @BeforeAll
    static void start() throws IOException {
        slack = new SlackApiFake()
                .user(ANA, "ana@example.com", "Ana López", "Europe/London")
                .user(KENJI, "kenji@example.com", "Kenji Sato", "Europe/Berlin")
                .user(MARIA, "maria@example.com", "Maria Rossi", "Europe/London")
                .user(ZOE, "zoe@example.com", "Zoe Hart", "Europe/London");
        Files.writeString(folder.resolve("deals.csv"), DEALS);
        Files.writeString(folder.resolve("touches.csv"), TOUCHES);
        Files.writeString(folder.resolve("teams.yaml"), TEAMS_FILE);
        startService();
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(service, slack);
    }

    @Test
    @Order(1)
    void a_bad_team_is_skipped_and_the_good_teams_get_a_trigger_in_their_time_zone() throws Exception {
        assertThat(service.bean(Teams.class).all()).extracting(Team::name).containsExactly("West", "Night");

        Scheduler scheduler = service.bean(Scheduler.class);
        CronTrigger night = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("digest:Night"));
        assertThat(night.getCronExpression()).isEqualTo("0 0 3 ? * SUN 2099");
        assertThat(night.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        // West's schedule has no time left in real time: nothing to trigger, only catch-ups.
        assertThat(scheduler.getTrigger(TriggerKey.triggerKey("digest:West"))).isNull();

        // Quartz runs the job through Spring: its fire finds Night's period not due yet, and posts nothing.
        scheduler.triggerJob(JobKey.jobKey("digest:Night"));
        MeterRegistry meters = service.bean(MeterRegistry.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> meters.find("silentdeals.digests.fired")
                .tags("team", "Night", "outcome", "not_due").counter() != null);
        assertThat(postsTo("C0NIGHT")).isEmpty();
    }

    @Test
    @Order(2)
    void the_reps_learn_some_truths() {
        EpisodeStore episodes = service.bean(EpisodeStore.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> episodes.openEpisode(TEAM, "D1").isPresent()
                && episodes.openEpisode(TEAM, "D2").isPresent() && episodes.openEpisode(TEAM, "D3").isPresent());
        clock.set(Instant.parse("2025-11-13T12:00:00Z")); // 26 hours after the deals went quiet
        TruthRecording recording = service.bean(TruthRecording.class);

        assertThat(record(recording, "D1", ANA, new TruthSubmission(Outcome.NO, NoReason.BUDGET, null, null,
                "Olivia said the budget moved to Atlas's warehouse project"))).isInstanceOf(RecordingResult.Recorded.class);
        assertThat(record(recording, "D3", KENJI, TruthSubmission.of(Outcome.YES)))
                .isInstanceOf(RecordingResult.Recorded.class);
        assertThat(record(recording, "D2", ANA, TruthSubmission.of(Outcome.NOT_REACHED)))
                .isInstanceOf(RecordingResult.NotReachedCounted.class);
    }

    @Test
    @Order(3)
    void team_views_are_refused_to_anyone_who_does_not_manage_the_team() {
        for (String[] attempt : new String[][] {{KENJI, "digest"}, {ZOE, "team"}, {ANA, "digest West"}}) {
            String answer = requests.slashAnswer(slack, attempt[0], attempt[1]);
            assertThat(textIn(answer)).contains("Team views are for the team's managers and the admins")
                    .doesNotContain("Truths learned", "Silent deals · West");
        }
        assertThat(postsTo(CHANNEL)).isEmpty();
    }

    @Test
    @Order(4)
    void a_manager_previews_the_digest_so_far_for_her_eyes_only_without_prospects_names() {
        String answer = requests.slashAnswer(slack, MARIA, "digest");

        String text = textIn(answer);
        assertThat(text).contains("Preview, for you only", "since Mon 10 Nov, 09:00 (Europe/London)",
                "Truths learned · West", "1 yes · 1 no", "Why the no's:* Budget (1)",
                "2 of 3 quiet spells that began reached a truth (67%)", "1.1 days", "GBP 48,000",
                "1, part of the way to a truth", "*In the silent zone now:* 1 deal · GBP 12,000",
                "> [name] said the budget moved to the prospect's warehouse project");
        assertThat(text).doesNotContain("Atlas", "Olivia", "Bright", "Ravi", "Cobalt", "Echo", "Ana López", "Kenji");
        assertThat(postsTo(CHANNEL)).isEmpty();
    }

    @Test
    @Order(5)
    void a_manager_sees_the_teams_silent_deals_in_aggregate_and_help_names_both_views() {
        String text = textIn(requests.slashAnswer(slack, MARIA, "team"));

        assertThat(text).contains("Silent deals · West", "*1 deal* · GBP 12,000", "*By stage:* Demo (1)",
                "*Call script sent:* 1", "calls that didn't connect so far:* 1", "without pressure from anyone");
        assertThat(text).doesNotContain("Bright", "Ravi", "Echo");
        assertThat(textIn(requests.slashAnswer(slack, MARIA, "help"))).contains("/silent-deals digest", "/silent-deals team");
    }

    @Test
    @Order(6)
    void the_scheduled_digest_is_posted_once_with_its_chart_uploaded_through_slacks_flow() throws IOException {
        clock.set(Instant.parse("2025-11-17T09:00:00Z")); // Monday 09:00 in London
        ScheduledDigests digests = service.bean(ScheduledDigests.class);
        Team west = service.bean(Teams.class).named("West").orElseThrow();

        assertThat(digests.fireNow(TEAM, west)).isEqualTo(ScheduledDigests.Fired.POSTED);
        assertThat(digests.fireNow(TEAM, west)).isEqualTo(ScheduledDigests.Fired.ALREADY_POSTED);

        List<Call> posts = postsTo(CHANNEL);
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).param("text")).isEqualTo("Digest for West: 2 truths learned (1 yes, 1 no).");
        assertThat(posts.get(0).param("blocks")).contains("Truths learned · West", "Mon 10 Nov – Mon 17 Nov 2025",
                "silent-deals counts truths learned, never how hard anyone chased").doesNotContain("Atlas");

        Call url = slack.calls("files.getUploadURLExternal").get(0);
        assertThat(url.param("filename")).isEqualTo("truths-per-week-west-2025-11-17.png");
        assertThat(slack.uploads()).hasSize(1);
        SlackApiFake.Upload upload = slack.uploads().get(0);
        assertThat(url.param("length")).isEqualTo(String.valueOf(upload.bytes().length));
        assertThat(upload.authorization()).as("the pre-signed URL gets no token").isNull();
        Call complete = slack.calls("files.completeUploadExternal").get(0);
        assertThat(complete.param("channel_id")).isEqualTo(CHANNEL);
        JsonObject file = JsonParser.parseString(complete.param("files")).getAsJsonArray().get(0).getAsJsonObject();
        assertThat(file.get("id").getAsString()).isEqualTo(upload.fileId());
        assertThat(file.get("title").getAsString()).isEqualTo("Truths learned per week · West");
        BufferedImage chart = ImageIO.read(new ByteArrayInputStream(upload.bytes()));
        assertThat(chart.getWidth()).isEqualTo(800);
        assertThat(chart.getHeight()).isEqualTo(400);
    }

    @Test
    @Order(7)
    void after_downtime_one_catch_up_digest_covers_every_missed_week_and_a_restart_does_not_repeat_it() {
        service.close();
        slack.reset();
        clock.set(Instant.parse("2025-12-10T10:00:00Z")); // the 24 November, 1 and 8 December were missed

        startService();

        List<Call> posts = postsTo(CHANNEL);
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).param("blocks")).contains("Mon 17 Nov – Mon 8 Dec 2025", "the 21 days before",
                "(at the last digest: 1 deal)");
        assertThat(slack.uploads()).hasSize(1);

        service.close();
        slack.reset();
        clock.set(Instant.parse("2025-12-10T16:00:00Z"));
        startService();

        assertThat(postsTo(CHANNEL)).isEmpty();
    }

    private static RecordingResult record(TruthRecording recording, String dealId, String userId,
                                          TruthSubmission submission) {
        String episodeId = service.bean(EpisodeStore.class).openEpisode(TEAM, dealId).orElseThrow().episodeId();
        return recording.record(TEAM, dealId, episodeId, userId, "1." + dealId, submission);
    }

    private static List<Call> postsTo(String channel) {
        return slack.calls("chat.postMessage").stream().filter(c -> c.param("channel").equals(channel)).toList();
    }

    /** Every text in a slash command's JSON answer, unescaped, one per line. */
    private static String textIn(String answer) {
        List<String> texts = new ArrayList<>();
        collect(JsonParser.parseString(answer), texts);
        return String.join("\n", texts);
    }

    private static void collect(JsonElement element, List<String> texts) {
        if (element.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
                if (entry.getKey().equals("text") && entry.getValue().isJsonPrimitive()) {
                    texts.add(entry.getValue().getAsString().replace("&lt;", "<").replace("&gt;", ">")
                            .replace("&amp;", "&"));
                } else {
                    collect(entry.getValue(), texts);
                }
            }
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> collect(e, texts));
        }
    }

    private static void startService() {
        service = RunningService.start(folder.resolve("data"), clock, Map.of(
                "silent-deals.slack.bot-token", "xoxb-digest-token",
                "silent-deals.slack.signing-secret", SECRET,
                "silent-deals.slack.api-url", slack.apiUrl(),
                "silent-deals.crm.file.deals", folder.resolve("deals.csv").toString(),
                "silent-deals.crm.file.touches", folder.resolve("touches.csv").toString(),
                "silent-deals.teams.file", folder.resolve("teams.yaml").toString()));
        requests = new SignedSlackRequests(service.port(), SECRET);
    }

    private static String touches() {
        StringBuilder csv = new StringBuilder("deal_id,at,direction,channel,auto_reply\n");
        for (String deal : List.of("D1", "D2", "D3", "D4", "D5")) {
            csv.append(deal).append(",2025-10-27T10:00:00Z,inbound,email,false\n")
                    .append(deal).append(",2025-10-29T10:00:00Z,outbound,email,false\n")
                    .append(deal).append(",2025-11-03T10:00:00Z,outbound,call,false\n");
        }
        csv.append("D4,2025-11-10T10:00:00Z,inbound,email,false\n");
        return csv.toString();
    }
}
