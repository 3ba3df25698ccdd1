package dev.silentdeals.e2e;

import static dev.silentdeals.testing.SlackPayloads.blockAction;
import static dev.silentdeals.testing.SlackPayloads.eventCallback;
import static dev.silentdeals.testing.SlackPayloads.radio;
import static dev.silentdeals.testing.SlackPayloads.viewSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.silentdeals.deals.CrmSync;
import dev.silentdeals.redis.RedisKeys;
import dev.silentdeals.silence.EpisodeStore;
import dev.silentdeals.testing.MutableClock;
import dev.silentdeals.testing.Resources;
import dev.silentdeals.testing.SignedSlackRequests;
import dev.silentdeals.testing.SlackApiFake;
import dev.silentdeals.testing.SlackApiFake.Call;
import dev.silentdeals.truth.TruthStore;
import dev.silentdeals.workspaces.Workspaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * Many workspaces through OAuth: workspaces install through /slack/install and /slack/oauth_redirect
 * against the Slack fake, their tokens are stored encrypted, each Slack call uses the token of the workspace
 * it acts for, one workspace can never act on another's deals, the CRM feeds the first workspace only, and
 * an uninstall deletes the tokens.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManyWorkspacesEndToEndTest {

    static final String SECRET = "oauth-signing-secret";
    static final String TEAM_A = SlackApiFake.TEAM;
    static final String TEAM_B = "T0OTHER";
    static final String TOKEN_A = "xoxb-workspace-a-0001";
    static final String TOKEN_B = "xoxb-workspace-b-0002";
    static final String ANA = "U0ANA";
    static final String BOB = "U0BOB";
    static final Instant WEDNESDAY_10_UTC = Instant.parse("2026-11-18T10:00:00Z");
    static final Pattern BUTTON_VALUE = Pattern.compile("\"action_id\":\"truth_open\"[^}]*?\"value\":\"([^\"]+)\"");

    @TempDir
    static Path folder;
    static SlackApiFake slack;
    static MutableClock clock = new MutableClock(WEDNESDAY_10_UTC);
    static int redisPort;
    static RunningService service;
    static SignedSlackRequests requests;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        slack = new SlackApiFake()
                .user(ANA, "ana@example.com", "Ana López", "Europe/London")
                .user("U0KENJI", "kenji@example.com", "Kenji Sato", "Asia/Tokyo")
                .installation("code-a", TEAM_A, "Atlas Sales", TOKEN_A)
                .installation("code-b", TEAM_B, "Other Co", TOKEN_B);
        copy("deals.csv");
        copy("touches.csv");
        redisPort = freeLoopbackPort();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("silent-deals.slack.signing-secret", SECRET);
        properties.put("silent-deals.slack.oauth.client-id", "1234.5678");
        properties.put("silent-deals.slack.oauth.client-secret", "oauth-client-secret");
        properties.put("silent-deals.slack.oauth.token-encryption-key", Base64.getEncoder().encodeToString(key));
        properties.put("silent-deals.slack.oauth.redirect-url", "https://silent-deals.example/slack/oauth_redirect");
        properties.put("silent-deals.slack.api-url", slack.apiUrl());
        properties.put("silent-deals.redis.embedded-port", String.valueOf(redisPort));
        properties.put("silent-deals.crm.file.deals", folder.resolve("deals.csv").toString());
        properties.put("silent-deals.crm.file.touches", folder.resolve("touches.csv").toString());
        service = RunningService.start(folder.resolve("data"), clock, properties);
        requests = new SignedSlackRequests(service.port(), SECRET);
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(service, slack);
    }

    @Test
    @Order(1)
    void before_any_install_the_service_is_ready_and_the_crm_feeds_no_one() {
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(service.bean(Workspaces.class).all()).isEmpty();
        service.bean(CrmSync.class).syncOnce();
        assertThat(redisKeys("sd:{*}:deals")).isEmpty();
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    @Order(1)
    void a_redirect_with_a_state_this_service_did_not_issue_installs_nothing() {
        HttpResponse<String> forged = get("/slack/oauth_redirect?code=code-b&state=forged-state",
                "slack-app-oauth-state=forged-state");

        assertThat(forged.statusCode()).isNotEqualTo(500);
        assertThat(slack.calls("oauth.v2.access")).isEmpty();
        assertThat(redisKeys("sd:{*}:slack:*")).isEmpty();
        assertThat(service.bean(Workspaces.class).all()).isEmpty();
    }

    @Test
    @Order(2)
    void an_install_stores_the_workspace_encrypted_and_the_crm_then_feeds_it() {
        HttpResponse<String> done = install("code-a");

        assertThat(done.statusCode()).isEqualTo(200);
        Call exchange = slack.calls("oauth.v2.access").get(0);
        assertThat(exchange.allText()).contains("code-a");
        String stored = raw(RedisKeys.slackBot(TEAM_A));
        assertThat(stored).startsWith("v1:").doesNotContain(TOKEN_A).doesNotContain("xoxb");
        assertThat(raw(RedisKeys.slackInstaller(TEAM_A, "U0INSTALLER" + TEAM_A))).startsWith("v1:")
                .doesNotContain(TOKEN_A);
        assertThat(service.bean(Workspaces.class).all()).containsExactly(TEAM_A);
        assertThat(service.bean(Workspaces.class).primary()).contains(TEAM_A);

        service.bean(CrmSync.class).syncOnce();

        await().atMost(Duration.ofSeconds(20)).until(() -> slack.calls("chat.postMessage").size() >= 3);
        assertThat(slack.calls("chat.postMessage")).allSatisfy(dm -> {
            assertThat(dm.param("channel")).isEqualTo(ANA);
            assertThat(dm.authorization()).isEqualTo("Bearer " + TOKEN_A);
        });
    }

    @Test
    @Order(3)
    void a_used_state_cannot_be_replayed() {
        Matcher state = Pattern.compile("state=([A-Za-z0-9-]+)").matcher(get("/slack/install", null).body());
        assertThat(state.find()).isTrue();
        String cookie = "slack-app-oauth-state=" + state.group(1);
        assertThat(get("/slack/oauth_redirect?code=code-a&state=" + state.group(1), cookie).statusCode())
                .isEqualTo(200);
        int exchanges = slack.calls("oauth.v2.access").size();

        get("/slack/oauth_redirect?code=code-b&state=" + state.group(1), cookie);

        assertThat(slack.calls("oauth.v2.access")).hasSize(exchanges);
        assertThat(service.bean(Workspaces.class).all()).containsExactly(TEAM_A);
    }

    @Test
    @Order(3)
    void the_installed_workspace_is_served_with_its_own_token() {
        String list = requests.slashAnswer(slack, TEAM_A, ANA, "");
        assertThat(list).contains("Your silent deals", "Atlas Freight");

        String value = buttonValue(slack.calls("chat.postMessage").get(0));
        HttpResponse<String> click = requests.interaction(blockAction(TEAM_A, ANA, "truth_open", value, "D0ANA", "1.1"));

        assertThat(click.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("views.open").size() == 1);
        assertThat(slack.calls("views.open").get(0).authorization()).isEqualTo("Bearer " + TOKEN_A);
    }

    @Test
    @Order(4)
    void a_second_workspace_installs_but_the_crm_keeps_feeding_the_first_only() {
        assertThat(install("code-b").statusCode()).isEqualTo(200);
        assertThat(service.bean(Workspaces.class).all()).containsExactlyInAnyOrder(TEAM_A, TEAM_B);
        assertThat(service.bean(Workspaces.class).primary()).contains(TEAM_A);

        service.bean(CrmSync.class).syncOnce();

        try (Jedis jedis = jedis()) {
            assertThat(jedis.scard(RedisKeys.deals(TEAM_A))).isEqualTo(10);
            assertThat(jedis.exists(RedisKeys.deals(TEAM_B))).isFalse();
        }
        assertThat(redisKeys("sd:{" + TEAM_B + "}:*")).containsExactlyInAnyOrder(RedisKeys.slackBot(TEAM_B),
                RedisKeys.slackInstaller(TEAM_B, "U0INSTALLER" + TEAM_B), RedisKeys.slackInstallers(TEAM_B));
    }

    @Test
    @Order(5)
    void a_user_of_the_other_workspace_cannot_touch_the_first_workspaces_deals() {
        String value = buttonValue(slack.calls("chat.postMessage").get(1));
        String dealId = value.substring(0, value.indexOf('|'));
        String episodeId = value.substring(value.indexOf('|') + 1);
        int viewsBefore = slack.calls("views.open").size();

        HttpResponse<String> open = requests.interaction(blockAction(TEAM_B, BOB, "truth_open", value, "D0BOB", "2.1"));
        HttpResponse<String> notReached = requests.interaction(blockAction(TEAM_B, BOB, "truth_not_reached", value,
                "D0BOB", "2.2"));
        HttpResponse<String> submitted = requests.interaction(viewSubmission(TEAM_B, BOB, "V0BOB", "truth_modal", value,
                Map.of("outcome", radio("YES"))));

        assertThat(List.of(open.statusCode(), notReached.statusCode(), submitted.statusCode())).containsOnly(200);
        assertThat(submitted.body()).contains("\"response_action\":\"errors\"");
        await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("chat.postEphemeral").size() == 2);
        assertThat(slack.calls("chat.postEphemeral")).allSatisfy(refusal -> {
            assertThat(refusal.param("user")).isEqualTo(BOB);
            assertThat(refusal.authorization()).isEqualTo("Bearer " + TOKEN_B);
        });
        assertThat(slack.calls("views.open")).hasSize(viewsBefore);
        assertThat(service.bean(TruthStore.class).find(TEAM_A, episodeId)).isEmpty();
        assertThat(service.bean(EpisodeStore.class).openEpisode(TEAM_A, dealId))
                .hasValueSatisfying(episode -> assertThat(episode.notReachedCount()).isZero());

        String bobsList = requests.slashAnswer(slack, TEAM_B, BOB, "");
        assertThat(bobsList).doesNotContain("Atlas Freight", "Fjord Fisheries", "Juniper Labs");
    }

    @Test
    @Order(6)
    void an_uninstall_deletes_the_workspaces_tokens_and_it_is_no_longer_served() {
        HttpResponse<String> uninstalled = requests.event(eventCallback(TEAM_B, Map.of("type", "app_uninstalled",
                "event_ts", "1800000000.000100")));

        assertThat(uninstalled.statusCode()).isEqualTo(200);
        assertThat(redisKeys("sd:{" + TEAM_B + "}:*")).isEmpty();
        assertThat(service.bean(Workspaces.class).all()).containsExactly(TEAM_A);
        assertThat(raw(RedisKeys.slackBot(TEAM_A))).startsWith("v1:");

        HttpResponse<String> revoked = requests.event(eventCallback(TEAM_A, Map.of("type", "tokens_revoked",
                "tokens", Map.of("oauth", List.of("U0INSTALLER" + TEAM_A), "bot", List.of()),
                "event_ts", "1800000000.000200")));
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(raw(RedisKeys.slackInstaller(TEAM_A, "U0INSTALLER" + TEAM_A))).isNull();
        assertThat(raw(RedisKeys.slackBot(TEAM_A))).as("a revoked user grant leaves the bot installed").isNotNull();
    }

    /** The browser's way through the install: /slack/install, then Slack sends it back with a code. */
    private static HttpResponse<String> install(String code) {
        HttpResponse<String> page = get("/slack/install", null);
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher state = Pattern.compile("state=([A-Za-z0-9-]+)").matcher(page.body());
        assertThat(state.find()).as("an authorize link in %s", page.body()).isTrue();
        assertThat(URLDecoder.decode(page.body(), StandardCharsets.UTF_8)).contains("client_id=1234.5678",
                "redirect_uri=https://silent-deals.example/slack/oauth_redirect", "chat:write");
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(cookie).isEqualTo("slack-app-oauth-state=" + state.group(1));
        return get("/slack/oauth_redirect?code=" + code + "&state=" + state.group(1), cookie);
    }

    private static HttpResponse<String> get(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Jedis jedis() {
        return new Jedis("127.0.0.1", redisPort);
    }

    private static String raw(String key) {
        try (Jedis jedis = jedis()) {
            return jedis.get(key);
        }
    }

    private static java.util.Set<String> redisKeys(String pattern) {
        try (Jedis jedis = jedis()) {
            return jedis.keys(pattern);
        }
    }

    private static String buttonValue(Call dm) {
        Matcher matcher = BUTTON_VALUE.matcher(dm.param("blocks"));
        assertThat(matcher.find()).as("a Record the truth button in %s", dm.param("blocks")).isTrue();
        return matcher.group(1);
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void copy(String name) throws IOException {
        try (var in = ManyWorkspacesEndToEndTest.class.getResourceAsStream("/e2e/" + name)) {
            Files.writeString(folder.resolve(name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
