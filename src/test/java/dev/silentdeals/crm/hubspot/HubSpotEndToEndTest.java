package dev.silentdeals.crm.hubspot;

import static dev.silentdeals.crm.hubspot.HubSpotStub.JSON;
import static dev.silentdeals.crm.hubspot.HubSpotStub.fixture;
import static dev.silentdeals.crm.hubspot.HubSpotStub.ok;
import static dev.silentdeals.e2e.CrmEndToEnd.ANA;
import static dev.silentdeals.e2e.CrmEndToEnd.BEN;
import static dev.silentdeals.e2e.CrmEndToEnd.dealOf;
import static dev.silentdeals.e2e.CrmEndToEnd.dmTo;
import static dev.silentdeals.e2e.CrmEndToEnd.episodeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.silentdeals.crm.hubspot.HubSpotStub.Request;
import dev.silentdeals.deals.CrmSync;
import dev.silentdeals.deals.DealStore;
import dev.silentdeals.e2e.CrmEndToEnd;
import dev.silentdeals.e2e.RunningService;
import dev.silentdeals.silence.EpisodeStore;
import dev.silentdeals.silence.SilenceDetection;
import dev.silentdeals.silence.SilentDeal;
import dev.silentdeals.testing.MutableClock;
import dev.silentdeals.testing.SignedSlackRequests;
import dev.silentdeals.testing.Resources;
import dev.silentdeals.testing.SlackApiFake;
import dev.silentdeals.testing.SlackApiFake.Call;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service on CRM_ADAPTER=hubspot against a loopback HubSpot portal (fixtures in crm/hubspot/e2e):
 * the first sync, detection and the nudges that go out, then a NO recorded in Slack written back to HubSpot as
 * a note on the deal and a move to closed-lost, and a day later the daily full pass that notices an archived deal.
 * The portal holds six deals:
 * <ul>
 *   <li>31001 (Ana): real reply 2 Nov, then two e-mails and a call: silent;</li>
 *   <li>31002 (Ben): the prospect called on 3 Nov, then two e-mails and a call: silent;</li>
 *   <li>31003 (Cleo): real reply 2 Nov; since then only an out-of-office and an automatic reply: silent;</li>
 *   <li>31004 (Ana): chased, then a real reply on 16 Nov: recent reply;</li>
 *   <li>31005 (Ben): chased, but a meeting is booked for 24 Nov: meeting ahead;</li>
 *   <li>31006 (Cleo): chased, but closed won.</li>
 * </ul>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubSpotEndToEndTest {

    static final String TOKEN = "pat-eu1-e2e-0000-test";
    static final String NOTES = "/crm/v3/objects/notes";
    static final String DEAL_31001 = "/crm/v3/objects/deals/31001";

    @TempDir
    static Path folder;
    static final MutableClock clock = new MutableClock(CrmEndToEnd.WEDNESDAY_10_UTC);
    static HubSpotStub hubspot;
    static SlackApiFake slack;
    static RunningService service;
    static SignedSlackRequests requests;

    @BeforeAll
    static void start() throws IOException {
        hubspot = new HubSpotStub();
        new FakePortal(hubspot, "e2e/");
        hubspot.on("POST", "/crm/v3/objects/deals/search", request -> ok(fixture("e2e/deals-search.json")));
        slack = CrmEndToEnd.slackWithTheReps();
        service = RunningService.start(folder.resolve("data"), clock, CrmEndToEnd.properties(slack, "hubspot", Map.of(
                "silent-deals.crm.hubspot.access-token", TOKEN,
                "silent-deals.crm.hubspot.api-url", hubspot.baseUrl().toString())));
        requests = new SignedSlackRequests(service.port(), CrmEndToEnd.SIGNING_SECRET);
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(service, slack, hubspot);
    }

    @Test
    @Order(1)
    void the_owner_of_each_silent_deal_gets_one_nudge_and_nobody_else_gets_any() {
        CrmEndToEnd.assertOneNudgePerOwner(slack, "31001", "31002", "31003");
        // The service read HubSpot with the private app token, and wrote nothing yet.
        assertThat(hubspot.requests()).isNotEmpty()
                .allSatisfy(request -> assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN));
        assertThat(hubspot.requests("POST", NOTES)).isEmpty();
        assertThat(hubspot.requests("PATCH", DEAL_31001)).isEmpty();
    }

    @Test
    @Order(2)
    void health_shows_the_crm_sync_up_after_the_first_pass() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.port() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("components").path("crmSync").path("status").asString())
                .isEqualTo("UP");
    }

    @Test
    @Order(3)
    void a_no_recorded_in_slack_reaches_hubspot_once_as_a_note_and_a_move_to_closed_lost() {
        Call dm = dmTo(slack, ANA);

        CrmEndToEnd.recordNo(requests, slack, ANA, dm, "BUDGET", "Budget frozen until April");

        await().atMost(Duration.ofSeconds(10)).until(() -> hubspot.requests("PATCH", DEAL_31001).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> hubspot.requests("POST", NOTES).size() == 1
                        && hubspot.requests("PATCH", "/crm/v3/objects/deals/\\d+").size() == 1);
        String truthId = episodeOf(dm);
        assertThat(hubspot.requests("POST", NOTES)).singleElement().extracting(Request::json).isEqualTo(JSON.readTree("""
                {"properties": {
                   "hs_timestamp": "2026-11-18T10:00:00Z",
                   "hs_note_body": "<p><strong>Truth recorded with silent-deals</strong></p><p>Outcome: Not moving forward</p><p>Reason: Budget</p><p>Rep's note: Budget frozen until April</p><p>Recorded by ana@acme.test on 2026-11-18 10:00 UTC</p><p>[silent-deals truth %s]</p>"},
                 "associations": [{"to": {"id": "31001"},
                                   "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 214}]}]}
                """.formatted(truthId)));
        assertThat(hubspot.requests("PATCH", DEAL_31001)).singleElement().extracting(Request::json).isEqualTo(
                JSON.readTree("""
                        {"properties": {"dealstage": "closedlost", "closed_lost_reason": "Budget"}}
                        """));
        assertThat(hubspot.requests("PATCH", DEAL_31001).get(0).authorization()).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    @Order(4)
    void a_deal_archived_in_hubspot_is_gone_after_the_next_daily_full_pass_and_its_episode_ends() {
        String episode31002 = episodeOf(dmTo(slack, BEN));
        // 31002 was archived; 31001 is closed lost as the write-back left it. A little over HUBSPOT_FULL_SYNC_EVERY
        // (24 h) after the first pass, the next pass is a full one.
        hubspot.on("POST", "/crm/v3/objects/deals/search", request -> ok(fixture("e2e/deals-search-next-day.json")));
        clock.set(Instant.parse("2026-11-19T10:30:00Z"));

        service.bean(CrmSync.class).syncOnce();

        List<Request> searches = hubspot.requests("POST", "/crm/v3/objects/deals/search");
        assertThat(searches.get(searches.size() - 1).json().path("filterGroups")).as("a full pass").hasSize(2);
        assertThat(service.bean(DealStore.class).find(SlackApiFake.TEAM, "31002"))
                .hasValueSatisfying(stored -> assertThat(stored.deal().gone()).isTrue());
        assertThat(service.bean(SilenceDetection.class).dealsOf(SlackApiFake.TEAM, "ben@acme.test"))
                .extracting(SilentDeal::dealId).containsExactly("31005");
        assertThat(service.bean(EpisodeStore.class).find(SlackApiFake.TEAM, "31002", episode31002))
                .hasValueSatisfying(ended -> assertThat(ended.endedAt()).isNotNull());
        assertThat(slack.calls("chat.postMessage")).hasSize(3);
    }
}
