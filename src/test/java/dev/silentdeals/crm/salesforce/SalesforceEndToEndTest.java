package dev.silentdeals.crm.salesforce;

import static dev.silentdeals.crm.salesforce.SalesforceStub.DATA;
import static dev.silentdeals.e2e.CrmEndToEnd.ANA;
import static dev.silentdeals.e2e.CrmEndToEnd.BEN;
import static dev.silentdeals.e2e.CrmEndToEnd.dealOf;
import static dev.silentdeals.e2e.CrmEndToEnd.dmTo;
import static dev.silentdeals.e2e.CrmEndToEnd.episodeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.silentdeals.crm.salesforce.SalesforceStub.Reply;
import dev.silentdeals.deals.CrmSync;
import dev.silentdeals.deals.DealStore;
import dev.silentdeals.crm.salesforce.SalesforceStub.Request;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on CRM_ADAPTER=salesforce against a loopback org (fixtures in crm/salesforce/e2e): the first
 * (full) sync, detection and the nudges that go out, then a NO recorded in Slack written back as a completed Task
 * and the Opportunity moved to Closed Lost with its loss reason. The org holds six opportunities:
 * <ul>
 *   <li>Atlas (Ana): incoming email 2 Nov, then two emails and a call: silent;</li>
 *   <li>Bright (Ben): an inbound call on 3 Nov, then two emails and a call: silent;</li>
 *   <li>Fjord (Cleo): incoming email 2 Nov; since then only automatic answers (one marked by its
 *       Auto-Submitted header, one by its subject): silent;</li>
 *   <li>Iris (Ana): chased, then a real reply on 16 Nov: recent reply;</li>
 *   <li>Juniper (Ben): chased, but an Event is booked for 24 Nov: meeting ahead;</li>
 *   <li>Kestrel (Cleo): chased, but Closed Won.</li>
 * </ul>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SalesforceEndToEndTest {

    static final String TOKEN = "00DFx0000000E2E!AQ0AQe2eAccessTokenValue";
    static final String ATLAS = "006Fx00000AtlasAAA";
    static final String BRIGHT = "006Fx00000BrighAAA";
    static final String FJORD = "006Fx00000FjordAAA";
    static final String JUNIPER = "006Fx00000JunipAAA";
    static final String CREATE_TASK = DATA + "/sobjects/Task";
    static final String ATLAS_OPPORTUNITY = DATA + "/sobjects/Opportunity/" + ATLAS;
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path folder;
    static final MutableClock clock = new MutableClock(CrmEndToEnd.WEDNESDAY_10_UTC);
    static SalesforceStub salesforce;
    static SlackApiFake slack;
    static RunningService service;
    static SignedSlackRequests requests;

    @BeforeAll
    static void start() throws Exception {
        salesforce = SalesforceStub.start()
                // A full pass reads open deals and those closed within 30 days of 18 November.
                .onQuery("FROM Opportunity WHERE (IsClosed = false OR CloseDate >= 2026-10-19)",
                        e2e("opportunities.json").withHeader("Sforce-Limit-Info", "api-usage=212/15000"))
                .onQuery(List.of("FROM EmailMessage WHERE RelatedToId IN", BRIGHT), e2e("email-messages.json"))
                .onQuery(List.of("FROM Task WHERE WhatId IN", BRIGHT), e2e("tasks.json"))
                .onQuery("FROM Event WHERE WhatId IN", e2e("events.json"))
                // The next day's full pass: Bright was deleted, Atlas is Closed Lost as the write-back left it.
                .onQuery("FROM Opportunity WHERE (IsClosed = false OR CloseDate >= 2026-10-20)",
                        e2e("opportunities-next-day.json"))
                .onQuery("FROM EmailMessage WHERE RelatedToId IN", e2e("email-messages-next-day.json"))
                .onQuery("FROM Task WHERE WhatId IN", e2e("tasks-next-day.json"))
                .onQuery("FROM Task WHERE WhatId = '" + ATLAS + "' AND Subject LIKE", e2e("empty.json"))
                .onPath("POST", CREATE_TASK, new Reply(201, Fixtures.read("e2e/task-created.json"), Map.of(), false))
                .onPath("PATCH", ATLAS_OPPORTUNITY, Reply.noContent());
        slack = CrmEndToEnd.slackWithTheReps();
        service = RunningService.start(folder.resolve("data"), clock, CrmEndToEnd.properties(slack, "salesforce",
                Map.of("silent-deals.crm.salesforce.instance-url", salesforce.url(),
                        "silent-deals.crm.salesforce.access-token", TOKEN)));
        requests = new SignedSlackRequests(service.port(), CrmEndToEnd.SIGNING_SECRET);
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(service, slack, salesforce);
    }

    @Test
    @Order(1)
    void the_owner_of_each_silent_opportunity_gets_one_nudge_and_nobody_else_gets_any() {
        CrmEndToEnd.assertOneNudgePerOwner(slack, ATLAS, BRIGHT, FJORD);
        assertThat(salesforce.requests()).isNotEmpty()
                .allSatisfy(request -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN));
        assertThat(salesforce.requestsTo("POST", CREATE_TASK)).isEmpty();
        assertThat(salesforce.requestsTo("PATCH", ATLAS_OPPORTUNITY)).isEmpty();
    }

    @Test
    @Order(2)
    void a_no_recorded_in_slack_reaches_salesforce_once_as_a_task_and_a_move_to_closed_lost() {
        Call dm = dmTo(slack, ANA);

        CrmEndToEnd.recordNo(requests, slack, ANA, dm, "BUDGET", "Budget frozen until April");

        await().atMost(Duration.ofSeconds(10)).until(() -> salesforce.requestsTo("PATCH", ATLAS_OPPORTUNITY).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> salesforce.requestsTo("POST", CREATE_TASK).size() == 1
                        && salesforce.requests().stream().filter(r -> r.method().equals("PATCH")).count() == 1);
        String truthId = episodeOf(dm);
        assertThat(salesforce.queriesContaining("FROM Task WHERE WhatId = '" + ATLAS + "'")).singleElement()
                .extracting(Request::soql).isEqualTo("SELECT Id FROM Task WHERE WhatId = '" + ATLAS
                        + "' AND Subject LIKE '%[truth " + truthId + "]%' LIMIT 1");
        assertThat(json(salesforce.requestsTo("POST", CREATE_TASK).get(0))).isEqualTo(JSON.readTree("""
                {"WhatId": "%s",
                 "Subject": "silent-deals: NO [truth %s]",
                 "Description": "silent-deals recorded what the rep learned on this deal.\\nOutcome: NO (not moving forward)\\nReason: Budget (BUDGET)\\nRep's note: Budget frozen until April\\nRecorded by: ana@acme.test at 2026-11-18T10:00:00Z\\n[silent-deals truth %s]",
                 "Status": "Completed",
                 "ActivityDate": "2026-11-18"}
                """.formatted(ATLAS, truthId, truthId)));
        Request closedLost = salesforce.requestsTo("PATCH", ATLAS_OPPORTUNITY).get(0);
        assertThat(json(closedLost)).isEqualTo(JSON.readTree("""
                {"StageName": "Closed Lost", "Loss_Reason__c": "Budget"}
                """));
        assertThat(closedLost.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    @Order(3)
    void an_opportunity_deleted_in_salesforce_is_gone_after_the_next_daily_full_pass_and_its_episode_ends() {
        String brightEpisode = episodeOf(dmTo(slack, BEN));
        // Thursday, a little over SALESFORCE_FULL_SYNC_EVERY (24 h) after the first pass: the next pass is full.
        clock.set(Instant.parse("2026-11-19T10:30:00Z"));

        service.bean(CrmSync.class).syncOnce();

        assertThat(salesforce.queriesContaining("CloseDate >= 2026-10-20")).hasSize(1);
        assertThat(service.bean(DealStore.class).find(SlackApiFake.TEAM, BRIGHT))
                .hasValueSatisfying(stored -> assertThat(stored.deal().gone()).isTrue());
        assertThat(service.bean(SilenceDetection.class).dealsOf(SlackApiFake.TEAM, "ben@acme.test"))
                .extracting(SilentDeal::dealId).containsExactly(JUNIPER);
        assertThat(service.bean(EpisodeStore.class).find(SlackApiFake.TEAM, BRIGHT, brightEpisode))
                .hasValueSatisfying(episode -> assertThat(episode.endedAt()).isNotNull());
        assertThat(slack.calls("chat.postMessage")).hasSize(3);
    }

    private static Reply e2e(String fixture) {
        return Reply.fixture("e2e/" + fixture);
    }

    private static JsonNode json(Request request) {
        return JSON.readTree(request.body());
    }
}
