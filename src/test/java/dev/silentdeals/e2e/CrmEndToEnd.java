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
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.silentdeals.testing.SignedSlackRequests;
import dev.silentdeals.testing.SlackApiFake;
import dev.silentdeals.testing.SlackApiFake.Call;

/**
 * What the adapters' end-to-end tests share: the Slack settings for a service talking to {@link SlackApiFake},
 * reading the nudge DMs it sent, and recording a NO through the Record-the-truth button and form, exactly as
 * Slack would deliver the clicks.
 */
public final class CrmEndToEnd {

    public static final String SIGNING_SECRET = "crm-e2e-signing-secret";
    public static final String BOT_TOKEN = "xoxb-crm-e2e-token";
    /**
     * Wednesday 18 November 2026, 10:00 UTC: inside 09:00-17:00 in London and UTC. The fixtures' real replies
     * of Monday 2 and Tuesday 3 November are 11-12 business days old; a reply of Monday 16 November is recent.
     */
    public static final Instant WEDNESDAY_10_UTC = Instant.parse("2026-11-18T10:00:00Z");

    private static final Pattern TRUTH_BUTTON_VALUE =
            Pattern.compile("\"action_id\":\"truth_open\"[^}]*?\"value\":\"([^\"]+)\"");

    private CrmEndToEnd() {
    }

    /** The three reps every CRM fixture assigns deals to: Ana and Cleo in London, Ben in UTC. */
    public static final String ANA = "U0ANA";
    public static final String BEN = "U0BEN";
    public static final String CLEO = "U0CLEO";

    /** A Slack fake that knows the three reps. */
    public static SlackApiFake slackWithTheReps() throws IOException {
        return new SlackApiFake()
                .user(ANA, "ana@acme.test", "Ana López", "Europe/London")
                .user(BEN, "ben@acme.test", "Ben Okafor", "UTC")
                .user(CLEO, "cleo@acme.test", "Cleo Martin", "Europe/London");
    }

    /**
     * Every fixture has one silent deal per rep (Cleo's with only automatic answers since the last real reply):
     * each owner gets one nudge about her own deal, sent with the bot token, and nobody else gets any.
     */
    public static void assertOneNudgePerOwner(SlackApiFake slack, String anasDeal, String bensDeal, String cleosDeal) {
        List<Call> dms = awaitDms(slack, 3);

        assertThat(dealOf(dmTo(slack, ANA))).isEqualTo(anasDeal);
        assertThat(dealOf(dmTo(slack, BEN))).isEqualTo(bensDeal);
        assertThat(dealOf(dmTo(slack, CLEO))).as("only automatic answers since the last real reply")
                .isEqualTo(cleosDeal);
        assertThat(dmTo(slack, ANA).allText()).contains("Atlas Freight Ltd", "Olivia", "tel:+442079460101");
        assertThat(dms).allSatisfy(dm -> assertThat(dm.authorization()).isEqualTo("Bearer " + BOT_TOKEN));
    }

    /** The service's properties: the CRM adapter's own, Slack pointed at the fake, and closed-lost on a NO. */
    public static Map<String, String> properties(SlackApiFake slack, String adapter, Map<String, String> crm) {
        Map<String, String> properties = new LinkedHashMap<>(crm);
        properties.put("silent-deals.crm.adapter", adapter);
        properties.put("silent-deals.crm.close-lost-on-no", "true");
        properties.put("silent-deals.slack.bot-token", BOT_TOKEN);
        properties.put("silent-deals.slack.signing-secret", SIGNING_SECRET);
        properties.put("silent-deals.slack.api-url", slack.apiUrl());
        return properties;
    }

    /** Waits for {@code expected} nudge DMs, then makes sure no further one follows. */
    public static List<Call> awaitDms(SlackApiFake slack, int expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> slack.calls("chat.postMessage").size() >= expected);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> slack.calls("chat.postMessage").size() == expected);
        return slack.calls("chat.postMessage");
    }

    /** The Record-the-truth button's value, "dealId|episodeId". */
    public static String truthButtonValue(Call dm) {
        Matcher matcher = TRUTH_BUTTON_VALUE.matcher(dm.param("blocks"));
        assertThat(matcher.find()).as("a Record the truth button in %s", dm.param("blocks")).isTrue();
        return matcher.group(1);
    }

    public static String dealOf(Call dm) {
        String value = truthButtonValue(dm);
        return value.substring(0, value.indexOf('|'));
    }

    public static String episodeOf(Call dm) {
        String value = truthButtonValue(dm);
        return value.substring(value.indexOf('|') + 1);
    }

    /** The DM sent to {@code userId} (exactly one). */
    public static Call dmTo(SlackApiFake slack, String userId) {
        List<Call> dms = slack.calls("chat.postMessage").stream().filter(dm -> dm.param("channel").equals(userId))
                .toList();
        assertThat(dms).as("DMs to %s", userId).hasSize(1);
        return dms.get(0);
    }

    /**
     * Clicks Record the truth on {@code dm} as {@code userId}, then submits the form: NO, {@code reason},
     * {@code note}. Asserts each request was acknowledged and the form had nothing to object to.
     */
    public static void recordNo(SignedSlackRequests requests, SlackApiFake slack, String userId, Call dm,
                                String reason, String note) {
        String value = truthButtonValue(dm);
        int modalsBefore = slack.calls("views.open").size();
        String dmChannel = "D" + userId.substring(1);
        HttpResponse<String> click = requests.interaction(blockAction(userId, "truth_open", value, dmChannel,
                "1.000001"));
        assertThat(click.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("views.open").size() == modalsBefore + 1);
        assertThat(slack.calls("views.open").get(modalsBefore).allText()).contains("truth_modal");

        HttpResponse<String> submitted = requests.interaction(viewSubmission(userId, "V0CRMTRUTH", "truth_modal",
                value, Map.of("outcome", radio("NO"), "reason", selected(reason), "note", text(note))));
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.body()).doesNotContain("errors");
    }
}
