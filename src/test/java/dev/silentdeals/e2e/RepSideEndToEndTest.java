package dev.silentdeals.e2e;

import static dev.silentdeals.testing.SlackPayloads.blockAction;
import static dev.silentdeals.testing.SlackPayloads.blockActionRespondingTo;
import static dev.silentdeals.testing.SlackPayloads.checked;
import static dev.silentdeals.testing.SlackPayloads.date;
import static dev.silentdeals.testing.SlackPayloads.eventCallback;
import static dev.silentdeals.testing.SlackPayloads.radio;
import static dev.silentdeals.testing.SlackPayloads.selected;
import static dev.silentdeals.testing.SlackPayloads.text;
import static dev.silentdeals.testing.SlackPayloads.time;
import static dev.silentdeals.testing.SlackPayloads.viewSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.silentdeals.deals.CrmSync;
import dev.silentdeals.nudges.Revisits;
import dev.silentdeals.silence.SilenceDetection;
import dev.silentdeals.testing.MutableClock;
import dev.silentdeals.testing.Resources;
import dev.silentdeals.testing.SignedSlackRequests;
import dev.silentdeals.testing.SlackApiFake;
import dev.silentdeals.testing.SlackApiFake.Call;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.UnifiedJedis;

/**
 * The rep's side through the real service, driven by signed Slack requests against a loopback Web API fake
 * and a clock the test moves: the list and its paging, a rep's deals for their manager (and a refusal), the
 * App Home and working hours, the last-resort versions, pause and auto-resume, the step-back, the revisit and
 * the reminder. Ana (London) owns twelve silent deals A01–A12 and AP, which goes quiet only on Friday.
 * The steps build on each other, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RepSideEndToEndTest {

    static final String SECRET = "rep-side-signing-secret";
    static final String TEAM = SlackApiFake.TEAM;
    static final String ANA = "U0ANA";
    static final String MARIA = "U0MARIA";
    static final String OMAR = "U0OMAR";
    static final String ADMIN = "U0ADMIN";
    /** Wednesday 18 November 2026, 10:00 in London. */
    static final Instant WEDNESDAY_10 = Instant.parse("2026-11-18T10:00:00Z");
    static final Pattern TRUTH_BUTTON = Pattern.compile("\"action_id\":\"truth_open\"[^}]*?\"value\":\"([^\"]+)\"");
    static final Pattern ALL_MORE = Pattern.compile("\"action_id\":\"list_all_more\"[^}]*?\"value\":\"(\\d+)\"");
    static final String PAGE_BREAK = "\n=== next page ===\n";
    static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    @TempDir
    static Path folder;
    static SlackApiFake slack;
    static MutableClock clock = new MutableClock(WEDNESDAY_10);
    static RunningService service;
    static SignedSlackRequests requests;

    @BeforeAll
    static void start() throws IOException {
        slack = new SlackApiFake()
                .user(ANA, "ana@example.com", "Ana López", "Europe/London")
                .user(MARIA, "maria@example.com", "Maria Silva", "Europe/London")
                .user(OMAR, "omar@example.com", "Omar Haddad", "Europe/London")
                .user(ADMIN, "admin@example.com", "Ada Admin", "Europe/London")
                .user("U0KENJI", "kenji@example.com", "Kenji Sato", "Asia/Tokyo");
        for (String name : List.of("deals.csv", "touches.csv", "teams.yml")) {
            try (var in = RepSideEndToEndTest.class.getResourceAsStream("/e2e/rep-side/" + name)) {
                Files.writeString(folder.resolve(name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        service = startService();
        requests = new SignedSlackRequests(service.port(), SECRET);
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(service, slack);
    }

    @Test
    @Order(1)
    void each_of_anas_twelve_silent_deals_gets_its_nudge_and_the_deal_that_is_not_quiet_yet_does_not() {
        await().atMost(Duration.ofSeconds(30)).until(() -> nudges().size() >= 12);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> nudges().size() == 12);
        assertThat(nudges()).allSatisfy(dm -> assertThat(dm.param("channel")).isEqualTo(ANA));
        assertThat(nudges().stream().map(RepSideEndToEndTest::dealOf)).doesNotContain("AP", "K1");
        assertThat(readable(nudges().get(0))).doesNotContain("Voicemail version");
    }

    @Test
    @Order(2)
    void the_list_shows_ten_deals_and_more_pages_to_the_rest() {
        String first = unescape(requests.slashAnswer(slack, ANA, ""));
        assertThat(first).contains("Your silent deals", "Atlas Freight", "Jasper Jets", "More (2)")
                .doesNotContain("Kestrel Kit", "Lumen Labs", "Pine Partners");

        String responseUrl = slack.responseUrl();
        SlackApiFake.Hold slowSlack = slack.hold("respond");
        CompletableFuture<HttpResponse<String>> more = CompletableFuture.supplyAsync(() -> requests.interaction(
                blockActionRespondingTo(ANA, "list_more", "10", "C0COMMAND", "1.1", responseUrl)));

        // The next page goes to the response_url, which has not answered yet; the click is acked all the same.
        await().atMost(Duration.ofSeconds(5)).until(() -> slowSlack.waiting() == 1);
        await().atMost(Duration.ofSeconds(5)).until(more::isDone);
        assertThat(more.join().statusCode()).isEqualTo(200);
        slowSlack.release();
        await().atMost(Duration.ofSeconds(5)).until(() -> !responses(responseUrl).isEmpty());
        String second = readable(responses(responseUrl).get(0));
        assertThat(second).contains("Kestrel Kit", "Lumen Labs", "truth_open").doesNotContain("Atlas Freight", "More (");
        assertThat(responses(responseUrl).get(0).param("replace_original")).isEqualTo("true");
    }

    @Test
    @Order(3)
    void a_manager_and_an_admin_see_anas_deals_read_only_and_anyone_else_is_refused() {
        String manager = unescape(requests.slashAnswer(slack, MARIA, "<@U0ANA|ana>"));
        assertThat(manager).contains("Ana López's silent deals", "Atlas Freight", "not for chasing", "More (2)")
                .doesNotContain("truth_open", "pause_open");

        String admin = unescape(requests.slashAnswer(slack, ADMIN, "<@U0ANA>"));
        assertThat(admin).contains("Ana López's silent deals", "Atlas Freight");

        String refused = unescape(requests.slashAnswer(slack, OMAR, "<@U0ANA|ana>"));
        assertThat(refused).contains("Only Ana López's managers").doesNotContain("Atlas Freight");

        String plain = unescape(requests.slashAnswer(slack, MARIA, "@ana"));
        assertThat(plain).contains("mention the person").doesNotContain("Atlas Freight");

        String help = unescape(requests.slashAnswer(slack, OMAR, "help"));
        assertThat(help).contains("/silent-deals all", "/silent-deals @someone");
    }

    @Test
    @Order(4)
    void the_app_home_is_published_when_ana_opens_it_and_her_working_hours_can_be_changed() {
        HttpResponse<String> opened = requests.event(eventCallback(Map.of("type", "app_home_opened", "user", ANA,
                "channel", "D0ANA", "tab", "home", "event_ts", "1.2")));
        assertThat(opened.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(5)).until(() -> homesFor(ANA).size() == 1);
        String home = readable(homesFor(ANA).get(0));
        assertThat(home).contains("\"type\":\"home\"", "Your silent deals", "Atlas Freight", "Your truths, last 30 days",
                "Follow-ups into silence", "Paused", "Your working hours", "Mon–Fri", "09:00–17:00", "Europe/London",
                "default hours");

        SlackApiFake.Hold slowSlack = slack.hold("views.open");
        CompletableFuture<HttpResponse<String>> change = CompletableFuture.supplyAsync(
                () -> requests.interaction(blockAction(ANA, "hours_open", "hours", "D0ANA", "1.3")));
        await().atMost(Duration.ofSeconds(5)).until(() -> slowSlack.waiting() == 1);
        await().atMost(Duration.ofSeconds(5)).until(change::isDone);
        assertThat(change.join().statusCode()).isEqualTo(200);
        slowSlack.release();
        await().atMost(Duration.ofSeconds(5)).until(() -> slowSlack.waiting() == 0);
        assertThat(slack.calls("views.open")).hasSize(1);
        assertThat(readable(slack.calls("views.open").get(0))).contains("hours_modal", "timepicker", "checkboxes");

        HttpResponse<String> wrong = requests.interaction(viewSubmission(ANA, "V0HOURS1", "hours_modal", "",
                Map.of("hours_start", time("16:00"), "hours_end", time("10:30"), "hours_days", checked("MONDAY"))));
        assertThat(unescape(wrong.body())).contains("\"response_action\":\"errors\"", "end time after the start");

        HttpResponse<String> saved = requests.interaction(viewSubmission(ANA, "V0HOURS2", "hours_modal", "",
                Map.of("hours_start", time("10:30"), "hours_end", time("16:00"),
                        "hours_days", checked("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"))));
        assertThat(saved.body()).doesNotContain("errors");
        await().atMost(Duration.ofSeconds(5)).until(() -> homesFor(ANA).size() == 2);
        assertThat(readable(homesFor(ANA).get(1))).contains("10:30–16:00").doesNotContain("default hours");
    }

    @Test
    @Order(5)
    void the_voicemail_and_email_versions_appear_only_after_the_second_couldnt_reach_them() {
        Call nudge = nudgeOf("A01");
        String value = buttonValue(nudge);
        requests.interaction(blockAction(ANA, "script_open", value, nudge.param("channel"), "1.4"));
        await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("views.open").size() == 2);
        assertThat(readable(slack.calls("views.open").get(1))).contains("Your call script")
                .doesNotContain("Voicemail version");

        requests.interaction(blockAction(ANA, "truth_not_reached", value, "DANA", "1.5"));
        await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("chat.update").size() == 1);
        assertThat(readable(slack.calls("chat.update").get(0))).contains("1 call that didn't connect")
                .doesNotContain("Voicemail version", "Short email version");

        requests.interaction(blockAction(ANA, "truth_not_reached", value, "DANA", "1.6"));
        await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("chat.update").size() == 2);
        assertThat(readable(slack.calls("chat.update").get(1))).contains("2 calls that didn't connect",
                "Voicemail version", "Short email version", "```", "An apology, and nothing to decide");

        requests.interaction(blockAction(ANA, "script_open", value, "DANA", "1.7"));
        await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("views.open").size() == 3);
        assertThat(readable(slack.calls("views.open").get(2))).contains("Voicemail version", "Short email version");

        assertThat(unescape(requests.slashAnswer(slack, ANA, "")))
                .contains("voicemail and email versions in the script");
    }

    @Test
    @Order(6)
    void paused_deals_show_in_all_with_resume_now_and_resuming_brings_a_deal_back() {
        HttpResponse<String> parked = requests.interaction(viewSubmission(ANA, "V0PAUSE1", "pause_modal", "AP|",
                Map.of("pause_reason", selected("CHAMPION_AWAY"), "until", date("2026-11-23"),
                        "note", text("Pia on leave"))));
        assertThat(parked.body()).doesNotContain("errors");
        HttpResponse<String> paused = requests.interaction(viewSubmission(ANA, "V0PAUSE2", "pause_modal",
                buttonValue(nudgeOf("A06")), Map.of("pause_reason", selected("INTERNAL_PROCESS"),
                        "until", date("2026-11-30"))));
        assertThat(paused.body()).doesNotContain("errors");
        // An expired pause cleans itself up: the key carries a time to live.
        assertThat(service.bean(UnifiedJedis.class).pttl("sd:{" + TEAM + "}:pause:AP")).isPositive();

        String all = allPages();
        assertThat(all).contains("*Paused* (2)", "Pine Partners", "Our contact is away", "paused until Monday 23 November",
                "Pia on leave", "Falcon Foods", "Waiting on their internal process", "pause_resume", "Resume now");
        assertThat(unescape(requests.slashAnswer(slack, ANA, ""))).doesNotContain("Falcon Foods");

        requests.interaction(blockAction(ANA, "pause_resume", "A06|", "C0COMMAND", "1.8"));
        await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("chat.postEphemeral").stream()
                .anyMatch(c -> readable(c).contains("Falcon Foods") && readable(c).contains("no longer paused")));
        assertThat(unescape(requests.slashAnswer(slack, ANA, ""))).contains("Falcon Foods");
        assertThat(allPages()).contains("*Paused* (1)");
    }

    @Test
    @Order(7)
    void a_no_for_timing_and_a_yes_with_a_date_wait_for_their_revisit() {
        HttpResponse<String> timing = requests.interaction(viewSubmission(ANA, "V0TRUTH4", "truth_modal",
                buttonValue(nudgeOf("A04")), Map.of("outcome", radio("NO"), "reason", selected("TIMING"),
                        "date", date("2026-11-24"))));
        assertThat(timing.body()).doesNotContain("errors");
        HttpResponse<String> yes = requests.interaction(viewSubmission(ANA, "V0TRUTH5", "truth_modal",
                buttonValue(nudgeOf("A05")), Map.of("outcome", radio("YES"), "next_step", text("Pilot kickoff call"),
                        "date", date("2026-11-24"))));
        assertThat(yes.body()).doesNotContain("errors");

        String all = allPages();
        assertThat(all).contains("*Waiting for a revisit* (2)", "Delta Dairy", "Reconnect on Tuesday 24 November",
                "Ember Energy", "Next step on Tuesday 24 November: Pilot kickoff call");
    }

    @Test
    @Order(8)
    void another_follow_up_after_the_nudge_brings_one_step_back_message_and_only_one() throws IOException {
        clock.set(Instant.parse("2026-11-18T13:00:00Z"));
        appendTouches("A02,2026-11-18T12:00:00Z,outbound,email,false");
        syncAndDetect();

        await().atMost(Duration.ofSeconds(5)).until(() -> stepBacks().size() == 1);
        Call stepBack = stepBacks().get(0);
        assertThat(dealOf(stepBack)).isEqualTo("A02");
        assertThat(readable(stepBack)).contains("Beacon Books: another follow-up went out", "not calling to move",
                "only extra word");

        clock.set(Instant.parse("2026-11-18T14:00:00Z"));
        appendTouches("A02,2026-11-18T13:30:00Z,outbound,email,false");
        syncAndDetect();
        assertThat(stepBacks()).hasSize(1);
    }

    @Test
    @Order(9)
    void on_friday_the_paused_deal_is_not_nudged_though_quiet_and_a_reply_drops_the_yes_revisit() throws IOException {
        clock.set(Instant.parse("2026-11-20T11:00:00Z"));
        appendTouches("A05,2026-11-19T09:00:00Z,inbound,email,false");
        int before = slack.calls("chat.postMessage").size();
        syncAndDetect();

        assertThat(slack.calls("chat.postMessage")).hasSize(before);
        String all = allPages();
        assertThat(all).contains("Pine Partners", "*Waiting for a revisit* (1)", "Delta Dairy")
                .doesNotContain("Ember Energy");
    }

    @Test
    @Order(10)
    void on_monday_the_pause_ends_by_itself_and_a_nudge_without_a_truth_gets_one_reminder_in_working_hours() {
        clock.set(Instant.parse("2026-11-23T10:00:00Z")); // before Ana's 10:30 start
        int before = slack.calls("chat.postMessage").size();
        service.bean(SilenceDetection.class).detect(TEAM);
        assertThat(slack.calls("chat.postMessage")).as("nothing before her working hours").hasSize(before);

        clock.set(Instant.parse("2026-11-23T11:00:00Z"));
        service.bean(SilenceDetection.class).detect(TEAM);

        assertThat(nudges().stream().map(RepSideEndToEndTest::dealOf)).contains("AP");
        assertThat(remindersFor("A03")).hasSize(1);
        assertThat(readable(remindersFor("A03").get(0))).contains("A gentle word about Cedar Clinics",
                "only reminder", "script_open");
        assertThat(remindersFor("A01")).as("she recorded attempts").isEmpty();
        assertThat(remindersFor("A02")).as("the step-back was its one follow-up").isEmpty();
        assertThat(revisitMessages()).as("the revisit waits for its date").isEmpty();

        int after = slack.calls("chat.postMessage").size();
        service.bean(SilenceDetection.class).detect(TEAM);
        assertThat(slack.calls("chat.postMessage")).hasSize(after);
        assertThat(remindersFor("A03")).hasSize(1);
    }

    @Test
    @Order(11)
    void after_a_restart_the_revisit_goes_out_once_on_its_date_and_not_for_the_deal_that_replied() {
        service.close();
        clock.set(Instant.parse("2026-11-24T11:00:00Z"));
        service = startService();
        requests = new SignedSlackRequests(service.port(), SECRET);

        await().atMost(Duration.ofSeconds(30)).until(() -> revisitMessages().size() >= 1);
        List<Call> revisits = revisitMessages();
        assertThat(revisits).hasSize(1);
        assertThat(revisits.get(0).param("channel")).isEqualTo(ANA);
        assertThat(readable(revisits.get(0))).contains("Reconnecting with Delta Dairy", "timing wasn't right",
                "I'm not calling to push anything", "Nothing more will follow");

        assertThat(service.bean(Revisits.class).sendDue(TEAM)).isZero();
        assertThat(revisitMessages()).hasSize(1);
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> readable(c).contains("Ember Energy")
                && readable(c).contains("Reconnecting"))).isEmpty();
        assertThat(allPages()).doesNotContain("Waiting for a revisit");
    }

    /** {@code /silent-deals all}, following its More buttons to the last page. */
    private static String allPages() {
        StringBuilder text = new StringBuilder(unescape(requests.slashAnswer(slack, ANA, "all")));
        for (int page = 0; page < 5; page++) {
            String last = lastPage(text);
            Matcher next = ALL_MORE.matcher(last);
            if (!next.find()) {
                break;
            }
            String responseUrl = slack.responseUrl();
            requests.interaction(blockActionRespondingTo(ANA, "list_all_more", next.group(1), "C0COMMAND", "1.9", responseUrl));
            await().atMost(Duration.ofSeconds(5)).until(() -> !responses(responseUrl).isEmpty());
            text.append(PAGE_BREAK).append(readable(responses(responseUrl).get(0)));
        }
        return text.toString();
    }

    private static String lastPage(StringBuilder text) {
        int at = text.lastIndexOf(PAGE_BREAK);
        return at < 0 ? text.toString() : text.substring(at);
    }

    private static RunningService startService() {
        return RunningService.start(folder.resolve("data"), clock, Map.of(
                "silent-deals.slack.bot-token", "xoxb-rep-side-token",
                "silent-deals.slack.signing-secret", SECRET,
                "silent-deals.slack.api-url", slack.apiUrl(),
                "silent-deals.crm.file.deals", folder.resolve("deals.csv").toString(),
                "silent-deals.crm.file.touches", folder.resolve("touches.csv").toString(),
                "silent-deals.nudges.max-per-rep-per-day", "20",
                "silent-deals.nudges.revisit-check-interval", "1h",
                "silent-deals.teams.file", folder.resolve("teams.yml").toString(),
                "silent-deals.teams.admins", ADMIN));
    }

    private static void syncAndDetect() {
        service.bean(CrmSync.class).syncOnce();
        service.bean(SilenceDetection.class).detect(TEAM);
    }

    private static void appendTouches(String... rows) throws IOException {
        Files.writeString(folder.resolve("touches.csv"), String.join("\n", rows) + "\n", StandardOpenOption.APPEND);
    }

    /** The first nudge DMs (they open with "has gone quiet"). */
    private static List<Call> nudges() {
        return posted(text -> text.contains("has gone quiet"));
    }

    private static Call nudgeOf(String dealId) {
        return nudges().stream().filter(c -> dealId.equals(dealOf(c))).findFirst().orElseThrow();
    }

    private static List<Call> stepBacks() {
        return posted(text -> text.contains("another follow-up went out"));
    }

    private static List<Call> remindersFor(String dealId) {
        return posted(text -> text.contains("A gentle word")).stream().filter(c -> dealId.equals(dealOf(c))).toList();
    }

    private static List<Call> revisitMessages() {
        return posted(text -> text.contains("Reconnecting with"));
    }

    private static List<Call> posted(Predicate<String> text) {
        return slack.calls("chat.postMessage").stream().filter(c -> text.test(readable(c))).toList();
    }

    private static List<Call> homesFor(String userId) {
        return slack.calls("views.publish").stream().filter(c -> userId.equals(c.param("user_id"))).toList();
    }

    private static List<Call> responses(String responseUrl) {
        return slack.calls("respond").stream().filter(c -> responseUrl.endsWith(c.param("response_url"))).toList();
    }

    private static String buttonValue(Call dm) {
        Matcher matcher = TRUTH_BUTTON.matcher(readable(dm));
        assertThat(matcher.find()).as("a Record the truth button in %s", dm.param("blocks")).isTrue();
        return matcher.group(1);
    }

    private static String dealOf(Call dm) {
        Matcher matcher = TRUTH_BUTTON.matcher(readable(dm));
        if (!matcher.find()) {
            return "";
        }
        String value = matcher.group(1);
        return value.substring(0, value.indexOf('|'));
    }

    /** Everything a person would read in the call, with JSON's \u0027-style escapes undone. */
    private static String readable(Call call) {
        return unescape(call.allText());
    }

    private static String unescape(String json) {
        Matcher matcher = UNICODE_ESCAPE.matcher(json);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(matcher.group(1), 16))));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
