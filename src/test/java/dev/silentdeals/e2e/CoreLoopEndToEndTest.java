package dev.silentdeals.e2e;

import static dev.silentdeals.testing.SlackPayloads.blockAction;
import static dev.silentdeals.testing.SlackPayloads.radio;
import static dev.silentdeals.testing.SlackPayloads.selected;
import static dev.silentdeals.testing.SlackPayloads.text;
import static dev.silentdeals.testing.SlackPayloads.viewSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.silentdeals.silence.EpisodeStore;
import dev.silentdeals.silence.SilenceDetection;
import dev.silentdeals.testing.MutableClock;
import dev.silentdeals.testing.Resources;
import dev.silentdeals.testing.SignedSlackRequests;
import dev.silentdeals.testing.SlackApiFake;
import dev.silentdeals.testing.SlackApiFake.Call;
import dev.silentdeals.truth.Outcome;
import dev.silentdeals.truth.TruthStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core loop through the real service: CSV files → Redis → detection → a DM per silent deal → the
 * truth recorded from the buttons, driven by correctly signed Slack requests, with every Web API call
 * landing on a loopback fake. The steps build on each other, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoreLoopEndToEndTest {

    static final String SECRET = "e2e-signing-secret";
    static final String ANA = "U0ANA";
    static final String KENJI = "U0KENJI";
    /** Wednesday 18 November 2026, 10:00 UTC: working hours in London, evening in Tokyo. */
    static final Instant WEDNESDAY_10_UTC = Instant.parse("2026-11-18T10:00:00Z");
    static final Pattern BUTTON_VALUE = Pattern.compile("\"action_id\":\"truth_open\"[^}]*?\"value\":\"([^\"]+)\"");

    @TempDir
    static Path folder;
    static SlackApiFake slack;
    static MutableClock clock = new MutableClock(WEDNESDAY_10_UTC);
    static RunningService service;
    static SignedSlackRequests requests;

    @BeforeAll
    static void start() throws IOException {
        slack = new SlackApiFake()
                .user(ANA, "ana@example.com", "Ana López", "Europe/London")
                .user(KENJI, "kenji@example.com", "Kenji Sato", "Asia/Tokyo");
        copy("deals.csv");
        copy("touches.csv");
        service = startService();
        requests = new SignedSlackRequests(service.port(), SECRET);
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(service, slack);
    }

    @Test
    @Order(1)
    void exactly_the_silent_deals_of_reps_in_working_hours_get_one_dm_each_within_the_daily_cap() {
        await().atMost(Duration.ofSeconds(30)).until(() -> slack.calls("chat.postMessage").size() >= 3);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> slack.calls("chat.postMessage").size() == 3);

        List<Call> dms = slack.calls("chat.postMessage");
        // Ana has four silent deals (D1, D6, D9, D10) and a cap of three a day; Kenji is outside his hours;
        // D8's owner is not in Slack; the others are not silent.
        assertThat(dms).allSatisfy(dm -> assertThat(dm.param("channel")).isEqualTo(ANA));
        Set<String> deals = dms.stream().map(CoreLoopEndToEndTest::dealOf).collect(Collectors.toSet());
        assertThat(deals).hasSize(3).isSubsetOf("D1", "D6", "D9", "D10");
        assertThat(dms).allSatisfy(dm -> assertThat(dm.allText()).contains("has gone quiet",
                "not calling to move anything forward", "tel:+4"));
        assertThat(dms).allSatisfy(dm -> assertThat(dm.authorization()).isEqualTo("Bearer xoxb-e2e-token"));
    }

    @Test
    @Order(2)
    void a_click_is_acked_before_slack_answers_the_modal_opens_and_the_submission_records_the_truth() {
        Call dm = slack.calls("chat.postMessage").get(0);
        String value = buttonValue(dm);
        String payload = blockAction(ANA, "truth_open", value, "D0ANA", "1.1");
        Matcher triggerId = Pattern.compile("\"trigger_id\":\"([^\"]+)\"").matcher(payload);
        assertThat(triggerId.find()).isTrue();
        SlackApiFake.Hold slowSlack = slack.hold("views.open");
        CompletableFuture<HttpResponse<String>> click = CompletableFuture.supplyAsync(() -> requests.interaction(payload));

        // Slack has the views.open and has not answered it; the click's ack arrives all the same.
        await().atMost(Duration.ofSeconds(5)).until(() -> slowSlack.waiting() == 1);
        await().atMost(Duration.ofSeconds(5)).until(click::isDone);
        assertThat(click.join().statusCode()).isEqualTo(200);
        assertThat(slowSlack.waiting()).isEqualTo(1);
        slowSlack.release();
        await().atMost(Duration.ofSeconds(5)).until(() -> slowSlack.waiting() == 0);
        assertThat(slack.calls("views.open")).hasSize(1);
        assertThat(slack.calls("views.open").get(0).param("trigger_id")).isEqualTo(triggerId.group(1));
        assertThat(slack.calls("views.open").get(0).allText()).contains("truth_modal", "Record the truth");

        HttpResponse<String> submitted = requests.interaction(viewSubmission(ANA, "V0TRUTH1", "truth_modal", value,
                Map.of("outcome", radio("NO"), "reason", selected("BUDGET"), "note", text("Budget frozen to Q3"))));

        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.body()).doesNotContain("errors");
        await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("chat.update").size() == 1);
        Call update = slack.calls("chat.update").get(0);
        assertThat(update.param("channel")).isEqualTo("D0ANA");
        assertThat(update.allText()).contains("Truth recorded: not moving forward (Budget)", "Budget frozen to Q3");
        String episodeId = value.substring(value.indexOf('|') + 1);
        assertThat(service.bean(TruthStore.class).find(SlackApiFake.TEAM, episodeId))
                .hasValueSatisfying(truth -> assertThat(truth.outcome()).isEqualTo(Outcome.NO));
    }

    @Test
    @Order(3)
    void a_duplicate_submission_changes_nothing() {
        String value = buttonValue(slack.calls("chat.postMessage").get(0));
        int truthsBefore = truthsRecorded();

        HttpResponse<String> again = requests.interaction(viewSubmission(ANA, "V0TRUTH1", "truth_modal", value,
                Map.of("outcome", radio("YES"))));

        assertThat(again.statusCode()).isEqualTo(200);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> slack.calls("chat.update").size() == 1);
        assertThat(truthsRecorded()).isEqualTo(truthsBefore);
        String episodeId = value.substring(value.indexOf('|') + 1);
        assertThat(service.bean(TruthStore.class).find(SlackApiFake.TEAM, episodeId).orElseThrow().outcome())
                .isEqualTo(Outcome.NO);
    }

    @Test
    @Order(4)
    void another_users_click_is_refused_with_a_clear_message_and_nothing_changes() {
        String value = buttonValue(slack.calls("chat.postMessage").get(1));

        HttpResponse<String> click = requests.interaction(blockAction(KENJI, "truth_not_reached", value, "D0ANA", "1.2"));

        assertThat(click.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("chat.postEphemeral").size() == 1);
        Call refusal = slack.calls("chat.postEphemeral").get(0);
        assertThat(refusal.param("user")).isEqualTo(KENJI);
        assertThat(refusal.param("text")).contains("belongs to Ana López").contains("Nothing was changed");
        assertThat(slack.calls("chat.update")).hasSize(1);
    }

    @Test
    @Order(5)
    void an_incomplete_form_shows_what_is_missing_instead_of_recording() {
        String value = buttonValue(slack.calls("chat.postMessage").get(1));

        HttpResponse<String> submitted = requests.interaction(viewSubmission(ANA, "V0TRUTH2", "truth_modal", value,
                Map.of("outcome", radio("NO"))));

        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.body()).contains("\"response_action\":\"errors\"", "Pick the reason");
        assertThat(truthsRecorded()).isEqualTo(1);
    }

    @Test
    @Order(6)
    void they_got_back_to_me_closes_the_quiet_spell_and_the_next_pass_does_not_flag_it_again() {
        String value = buttonValue(slack.calls("chat.postMessage").get(2));
        String deal = value.substring(0, value.indexOf('|'));

        HttpResponse<String> click = requests.interaction(blockAction(ANA, "truth_replied", value, "D0ANA", "1.3"));

        assertThat(click.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("chat.update").size() == 2);
        assertThat(slack.calls("chat.update").get(1).allText()).contains("got back to you");
        service.bean(SilenceDetection.class).detect(SlackApiFake.TEAM);
        assertThat(service.bean(EpisodeStore.class).openEpisode(SlackApiFake.TEAM, deal)).isEmpty();
    }

    @Test
    @Order(7)
    void the_slash_command_lists_my_silent_deals_and_explains_what_it_did_not_understand() {
        String truthRecordedFor = dealOf(slack.calls("chat.postMessage").get(0));
        String repliedFor = dealOf(slack.calls("chat.postMessage").get(2));
        String list = requests.slashAnswer(slack, ANA, "");
        assertThat(list).contains("Your silent deals", "Get the script", "Record the truth")
                .doesNotContain("Gingko Robotics", "Bright Bakeries", "Echo Energy");
        // Her four silent deals, less the one whose truth she recorded and the one that got back to her.
        Map<String, String> companies = Map.of("D1", "Atlas Freight", "D6", "Fjord Fisheries",
                "D9", "Iris Insurance, Inc.", "D10", "Juniper Labs");
        companies.forEach((deal, company) -> {
            if (deal.equals(truthRecordedFor) || deal.equals(repliedFor)) {
                assertThat(list).doesNotContain(company);
            } else {
                assertThat(list).contains(company);
            }
        });

        HttpResponse<String> unknown = requests.slashCommand(ANA, "frobnicate");
        assertThat(unknown.body()).contains("understand", "frobnicate", "/silent-deals help");
    }

    @Test
    @Order(8)
    void a_forged_or_stale_request_gets_401() {
        String body = SignedSlackRequests.form(Map.of("command", "/silent-deals", "user_id", ANA, "team_id",
                SlackApiFake.TEAM, "text", ""));
        assertThat(requests.post(body, Instant.now(), "not-the-secret").statusCode()).isEqualTo(401);
        assertThat(requests.post(body, Instant.now().minusSeconds(6 * 60), SECRET).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(8)
    void health_answers_up_once_ready() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
            var response = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + service.port() + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).endsWith("\"status\":\"UP\"}");
        }
    }

    @Test
    @Order(9)
    void after_a_restart_no_nudge_is_sent_twice_and_the_waiting_ones_go_out_next_day() {
        Set<String> before = slack.calls("chat.postMessage").stream().map(CoreLoopEndToEndTest::dealOf)
                .collect(Collectors.toSet());
        service.close();
        slack.reset();
        clock.set(Instant.parse("2026-11-19T10:00:00Z"));

        service = startService();
        requests = new SignedSlackRequests(service.port(), SECRET);

        await().atMost(Duration.ofSeconds(30)).until(() -> slack.calls("chat.postMessage").size() >= 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> slack.calls("chat.postMessage").size() == 1);
        String newlyNudged = dealOf(slack.calls("chat.postMessage").get(0));
        assertThat(before).doesNotContain(newlyNudged);
        assertThat(Set.of("D1", "D6", "D9", "D10")).contains(newlyNudged);
    }

    @Test
    @Order(10)
    void a_rep_far_away_is_nudged_once_their_working_day_starts() {
        slack.reset();
        clock.set(Instant.parse("2026-11-20T00:30:00Z")); // Friday 09:30 in Tokyo

        service.bean(SilenceDetection.class).detect(SlackApiFake.TEAM);

        await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("chat.postMessage").size() == 1);
        Call dm = slack.calls("chat.postMessage").get(0);
        assertThat(dm.param("channel")).isEqualTo(KENJI);
        assertThat(dealOf(dm)).isEqualTo("D7");
    }

    private static RunningService startService() {
        return RunningService.start(folder.resolve("data"), clock, Map.of(
                "silent-deals.slack.bot-token", "xoxb-e2e-token",
                "silent-deals.slack.signing-secret", SECRET,
                "silent-deals.slack.api-url", slack.apiUrl(),
                "silent-deals.crm.file.deals", folder.resolve("deals.csv").toString(),
                "silent-deals.crm.file.touches", folder.resolve("touches.csv").toString()));
    }

    private static int truthsRecorded() {
        return service.bean(TruthStore.class).recordedBetween(SlackApiFake.TEAM, Instant.EPOCH,
                Instant.parse("2100-01-01T00:00:00Z")).size();
    }

    private static String buttonValue(Call dm) {
        Matcher matcher = BUTTON_VALUE.matcher(dm.param("blocks"));
        assertThat(matcher.find()).as("a Record the truth button in %s", dm.param("blocks")).isTrue();
        return matcher.group(1);
    }

    private static String dealOf(Call dm) {
        String value = buttonValue(dm);
        return value.substring(0, value.indexOf('|'));
    }

    private static void copy(String name) throws IOException {
        try (var in = CoreLoopEndToEndTest.class.getResourceAsStream("/e2e/" + name)) {
            Files.writeString(folder.resolve(name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
