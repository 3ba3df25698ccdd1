package dev.silentdeals.crm.pipedrive;

import static dev.silentdeals.e2e.CrmEndToEnd.ANA;
import static dev.silentdeals.e2e.CrmEndToEnd.dealOf;
import static dev.silentdeals.e2e.CrmEndToEnd.dmTo;
import static dev.silentdeals.e2e.CrmEndToEnd.episodeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.silentdeals.crm.pipedrive.PipedriveStub.Received;
import dev.silentdeals.e2e.CrmEndToEnd;
import dev.silentdeals.e2e.RunningService;
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
import tools.jackson.databind.JsonNode;

/**
 * The whole service on CRM_ADAPTER=pipedrive against a loopback company API (fixtures in crm/pipedrive/e2e): the
 * full sync (open deals with their activities and mail, then recently closed deals), detection and the nudges
 * that go out, then a NO recorded in Slack written back as a note and the deal marked lost. The company has
 * six deals:
 * <ul>
 *   <li>701 (Ana): a real reply on 2 Nov, then two e-mails and a call: silent;</li>
 *   <li>702 (Ben): "Call from Ravi" on 3 Nov, then two e-mails and a call: silent;</li>
 *   <li>703 (Cleo): a real reply on 2 Nov; since then only an out-of-office and an automatic reply: silent;</li>
 *   <li>704 (Ana): chased, then a real reply on 16 Nov: recent reply;</li>
 *   <li>705 (Ben): chased, but a meeting is planned for 24 Nov: meeting ahead;</li>
 *   <li>706 (Cleo): won.</li>
 * </ul>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipedriveEndToEndTest {

    static final String TOKEN = "e2e0pipedrive0token0000000000000000000000";
    static final String NOTES = "/api/v1/notes";
    static final String DEAL_701 = "/api/v2/deals/701";

    @TempDir
    static Path folder;
    static final MutableClock clock = new MutableClock(CrmEndToEnd.WEDNESDAY_10_UTC);
    static PipedriveStub pipedrive;
    static SlackApiFake slack;
    static RunningService service;
    static SignedSlackRequests requests;

    @BeforeAll
    static void start() throws Exception {
        pipedrive = new PipedriveStub()
                .on("GET", "/api/v2/stages", e2e("stages.json"))
                .on("GET", "/api/v1/users", e2e("users.json"))
                .on("GET", "/api/v2/deals", query -> "open".equals(query.get("status")), e2e("deals-open.json"))
                .on("GET", "/api/v2/deals", query -> "won,lost".equals(query.get("status")), e2e("deals-closed.json"))
                .on("GET", "/api/v1/notes", query -> "701".equals(query.get("deal_id")), e2e("notes-none.json"))
                .on("POST", NOTES, e2e("note-created.json"))
                .on("PATCH", DEAL_701, e2e("deal-lost.json"));
        for (String deal : List.of("701", "702", "705")) {
            pipedrive.on("GET", "/api/v2/activities", query -> deal.equals(query.get("deal_id")),
                    e2e("activities-deal-" + deal + ".json"));
        }
        for (String deal : List.of("701", "702", "703", "704", "705")) {
            pipedrive.on("GET", "/api/v1/deals/" + deal + "/mailMessages", e2e("mail-deal-" + deal + ".json"));
        }
        for (int i = 1; i <= 6; i++) {
            pipedrive.on("GET", "/api/v2/persons/60" + i, e2e("person-60" + i + ".json"));
            pipedrive.on("GET", "/api/v2/organizations/50" + i, e2e("organization-50" + i + ".json"));
        }
        slack = CrmEndToEnd.slackWithTheReps();
        service = RunningService.start(folder.resolve("data"), clock, CrmEndToEnd.properties(slack, "pipedrive",
                Map.of("silent-deals.crm.pipedrive.api-token", TOKEN,
                        "silent-deals.crm.pipedrive.api-url", pipedrive.apiUrl().toString())));
        requests = new SignedSlackRequests(service.port(), CrmEndToEnd.SIGNING_SECRET);
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(service, slack, pipedrive);
    }

    @Test
    @Order(1)
    void the_owner_of_each_silent_deal_gets_one_nudge_and_nobody_else_gets_any() {
        CrmEndToEnd.assertOneNudgePerOwner(slack, "701", "702", "703");
        // The token travels only in the x-api-token header, never in a URL.
        assertThat(pipedrive.received()).isNotEmpty().allSatisfy(request -> {
            assertThat(request.headers().get("x-api-token")).isEqualTo(TOKEN);
            assertThat(String.valueOf(request.rawQuery())).doesNotContain(TOKEN);
        });
        assertThat(pipedrive.received("POST", NOTES)).isEmpty();
        assertThat(pipedrive.received("PATCH", DEAL_701)).isEmpty();
    }

    @Test
    @Order(2)
    void a_no_recorded_in_slack_reaches_pipedrive_once_as_a_note_and_the_deal_marked_lost() {
        Call dm = dmTo(slack, ANA);

        CrmEndToEnd.recordNo(requests, slack, ANA, dm, "BUDGET", "Budget frozen until April");

        await().atMost(Duration.ofSeconds(10)).until(() -> pipedrive.received("PATCH", DEAL_701).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> pipedrive.received("POST", NOTES).size() == 1
                        && pipedrive.received().stream().filter(r -> r.method().equals("PATCH")).count() == 1);
        String truthId = episodeOf(dm);
        assertThat(pipedrive.received("GET", NOTES)).singleElement().extracting(Received::query)
                .isEqualTo(Map.of("deal_id", "701", "sort", "add_time DESC", "start", "0", "limit", "500"));
        assertThat(json(pipedrive.received("POST", NOTES).get(0))).isEqualTo(PipedriveApi.JSON.readTree("""
                {"content": "<p><b>Truth recorded with silent-deals</b></p><p>Outcome: not moving forward</p><p>Reason: Budget</p><p>Note from the rep: Budget frozen until April</p><p>Recorded by ana@acme.test on 2026-11-18 10:00 UTC</p><p>[silent-deals truth %s]</p>",
                 "deal_id": 701}
                """.formatted(truthId)));
        Received lost = pipedrive.received("PATCH", DEAL_701).get(0);
        assertThat(json(lost)).isEqualTo(PipedriveApi.JSON.readTree("""
                {"status": "lost", "lost_reason": "Budget"}
                """));
        assertThat(lost.headers().get("x-api-token")).isEqualTo(TOKEN);
    }

    private static PipedriveStub.Answer e2e(String fixture) {
        return PipedriveStub.json("e2e/" + fixture);
    }

    private static JsonNode json(Received request) {
        return PipedriveApi.JSON.readTree(request.body());
    }
}
