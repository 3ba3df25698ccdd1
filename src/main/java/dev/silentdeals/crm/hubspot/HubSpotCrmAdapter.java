package dev.silentdeals.crm.hubspot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.silentdeals.crm.CrmAdapter;
import dev.silentdeals.crm.CrmChanges;
import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.TruthWriteBack;
import dev.silentdeals.crm.WriteBackResult;
import dev.silentdeals.crm.http.CrmHttpClient;
import dev.silentdeals.crm.http.CrmHttpMetrics;
import dev.silentdeals.crm.http.CrmHttpPolicy;
import dev.silentdeals.crm.http.CrmUnavailableException;
import dev.silentdeals.crm.http.Sleeper;
import dev.silentdeals.crm.hubspot.DealMapper.ReadableDeal;
import dev.silentdeals.crm.hubspot.TouchMapper.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HubSpot CRM adapter: deals through the CRM search API (one page per call, see {@link HubSpotCursor}),
 * their contacts, companies and engagements through v4 associations and batch reads, and truths written back
 * as notes on the deal (plus closed-lost for a NO when configured).
 */
final class HubSpotCrmAdapter implements CrmAdapter {

    /** HubSpot's association type id for "note to deal". */
    static final int NOTE_TO_DEAL = 214;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(HubSpotCrmAdapter.class);

    private final HubSpotApi api;
    private final HubSpotProperties settings;
    private final Clock clock;
    private final JsonMapper json;
    private final DealMapper deals;
    private final TouchMapper touches;

    HubSpotCrmAdapter(HubSpotApi api, HubSpotProperties settings, Clock clock, JsonMapper json) {
        this.api = api;
        this.settings = settings;
        this.clock = clock;
        this.json = json;
        PortalDirectory directory = new PortalDirectory(api, clock, settings.directoryTtl());
        this.deals = new DealMapper(directory, settings.closedLostStage());
        this.touches = new TouchMapper(new AutoReplyDetector(), directory, json);
    }

    /** Wires the adapter with HubSpot's limits: a general budget and a stricter one for search calls. */
    static HubSpotCrmAdapter create(HubSpotProperties settings, String accessToken, Sleeper sleeper,
                                    CrmHttpMetrics metrics, Clock clock) {
        CrmHttpPolicy general = new CrmHttpPolicy(settings.requestsPerTenSeconds(), Duration.ofSeconds(10),
                CONNECT_TIMEOUT, settings.requestTimeout(), settings.maxAttempts(), INITIAL_BACKOFF, MAX_BACKOFF);
        CrmHttpPolicy search = new CrmHttpPolicy(settings.searchRequestsPerSecond(), Duration.ofSeconds(1),
                CONNECT_TIMEOUT, settings.requestTimeout(), settings.maxAttempts(), INITIAL_BACKOFF, MAX_BACKOFF);
        JsonMapper json = JsonMapper.builder().build();
        HubSpotApi api = new HubSpotApi(settings.apiUrl(), accessToken,
                new CrmHttpClient(HubSpotApi.VENDOR, general, sleeper, metrics),
                new CrmHttpClient(HubSpotApi.VENDOR, search, sleeper, metrics), json);
        return new HubSpotCrmAdapter(api, settings, clock, json);
    }

    @Override
    public String name() {
        return HubSpotApi.VENDOR;
    }

    @Override
    public CrmChanges changesSince(CrmCursor stored) {
        HubSpotCursor read = HubSpotCursor.read(stored, json);
        HubSpotCursor cursor = read.started(clock.instant(), settings.fullSyncEvery());
        // This page is the first of a pass over every open deal, so the sync job may collect the deals from here.
        boolean startsFullPass = read.passStartedAt() == 0 && cursor.mode() == HubSpotCursor.Mode.FULL;
        if (startsFullPass && read.mode() == HubSpotCursor.Mode.INCREMENTAL) {
            log.info("HubSpot: a periodic full pass begins (the last one began {}), so archived deals can be marked "
                    + "gone", read.lastFullStartedAt() == 0 ? "before this cursor kept track"
                    : Instant.ofEpochMilli(read.lastFullStartedAt()));
        }
        JsonNode page = api.searchDeals(searchBody(cursor));

        List<ReadableDeal> readable = new ArrayList<>();
        Instant lastModified = null;
        int skippedDeals = 0;
        for (JsonNode result : page.path("results")) {
            try {
                ReadableDeal deal = DealMapper.readable(result);
                readable.add(deal);
                lastModified = lastModified == null || deal.modifiedAt().isAfter(lastModified) ? deal.modifiedAt()
                        : lastModified;
            } catch (MalformedRecordException e) {
                String id = Json.text(result, "id");
                log.warn("HubSpot deal {} skipped: {}", id == null ? "(without id)" : id, e.getMessage());
                skippedDeals++;
            }
        }
        Page content = readDealsAndTouches(readable);

        boolean skippedDeal = skippedDeals > 0;
        String nextAfter = Json.text(page.path("paging").path("next"), "after");
        boolean hasMore = nextAfter != null && !page.path("results").isEmpty();
        HubSpotCursor next = hasMore ? cursor.nextPage(lastModified, nextAfter, skippedDeal, settings.pageSize())
                : cursor.nextPass(settings.syncOverlap());
        boolean complete = !hasMore && cursor.completesFullSync(skippedDeal);
        int skipped = skippedDeals + content.skipped();
        log.debug("HubSpot {} page since {}: {} deals, {} touches, {} skipped, more: {}", cursor.mode(),
                Instant.ofEpochMilli(cursor.since()), content.deals().size(), content.touches().size(), skipped,
                hasMore);
        return new CrmChanges(content.deals(), content.touches(), next.write(json), hasMore, complete, skipped,
                startsFullPass);
    }

    /**
     * A full pass reads open deals and deals closed within {@code recentlyClosed}; an incremental pass reads
     * every deal modified since the cursor, so a deal that just closed is seen closing.
     */
    private ObjectNode searchBody(HubSpotCursor cursor) {
        ObjectNode body = api.object();
        ArrayNode groups = body.putArray("filterGroups");
        String since = Long.toString(cursor.since());
        if (cursor.mode() == HubSpotCursor.Mode.FULL) {
            String closedSince = Long.toString(clock.instant().minus(settings.recentlyClosed()).toEpochMilli());
            filterGroup(groups, "hs_lastmodifieddate", "GTE", since, "hs_is_closed", "EQ", "false");
            filterGroup(groups, "hs_lastmodifieddate", "GTE", since, "closedate", "GTE", closedSince);
        } else {
            filterGroup(groups, "hs_lastmodifieddate", "GTE", since);
        }
        body.putArray("sorts").addObject().put("propertyName", "hs_lastmodifieddate").put("direction", "ASCENDING");
        ArrayNode properties = body.putArray("properties");
        DealMapper.DEAL_PROPERTIES.forEach(properties::add);
        body.put("limit", settings.pageSize());
        if (!cursor.after().isEmpty()) {
            body.put("after", cursor.after());
        }
        return body;
    }

    /** Adds one AND-group; {@code triples} are property name, operator, value. */
    private static void filterGroup(ArrayNode groups, String... triples) {
        ArrayNode filters = groups.addObject().putArray("filters");
        for (int i = 0; i < triples.length; i += 3) {
            filters.addObject().put("propertyName", triples[i]).put("operator", triples[i + 1])
                    .put("value", triples[i + 2]);
        }
    }

    private record Page(List<CrmDeal> deals, List<CrmTouch> touches, int skipped) {
    }

    private Page readDealsAndTouches(List<ReadableDeal> readable) {
        if (readable.isEmpty()) {
            return new Page(List.of(), List.of(), 0);
        }
        Set<String> dealIds = new LinkedHashSet<>();
        readable.forEach(deal -> dealIds.add(deal.id()));

        Map<String, String> contactOf = primaryOf(api.associations("deals", "contacts", dealIds), -1);
        Map<String, String> companyOf = primaryOf(api.associations("deals", "companies", dealIds),
                HubSpotAssociation.DEAL_TO_PRIMARY_COMPANY);
        Map<String, JsonNode> contacts = byId(api.batchRead("contacts", Set.copyOf(contactOf.values()),
                DealMapper.CONTACT_PROPERTIES));
        Map<String, JsonNode> companies = byId(api.batchRead("companies", Set.copyOf(companyOf.values()),
                DealMapper.COMPANY_PROPERTIES));
        List<CrmDeal> crmDeals = new ArrayList<>();
        for (ReadableDeal deal : readable) {
            crmDeals.add(deals.toCrmDeal(deal, contacts.get(contactOf.get(deal.id())),
                    companies.get(companyOf.get(deal.id()))));
        }

        List<CrmTouch> crmTouches = new ArrayList<>();
        int skipped = 0;
        for (Kind kind : Kind.values()) {
            Map<String, Set<String>> dealsOfEngagement = new LinkedHashMap<>();
            api.associations("deals", kind.objectType, dealIds).forEach((dealId, associated) -> associated
                    .forEach(a -> dealsOfEngagement.computeIfAbsent(a.toObjectId(), id -> new LinkedHashSet<>())
                            .add(dealId)));
            for (JsonNode engagement : api.batchRead(kind.objectType, dealsOfEngagement.keySet(), kind.properties)) {
                String id = Json.text(engagement, "id");
                Set<String> onDeals = id == null ? null : dealsOfEngagement.get(id);
                if (onDeals == null) {
                    continue; // HubSpot sent a record we did not ask for; nothing to attach it to
                }
                try {
                    touches.toTouch(kind, engagement).ifPresent(facts -> onDeals.forEach(
                            dealId -> crmTouches.add(facts.on(dealId))));
                } catch (MalformedRecordException e) {
                    log.warn("HubSpot {} {} skipped: {}", kind.singular, id, e.getMessage());
                    skipped++;
                }
            }
        }
        return new Page(crmDeals, crmTouches, skipped);
    }

    private static Map<String, String> primaryOf(Map<String, List<HubSpotAssociation>> associations,
                                                 int primaryTypeId) {
        Map<String, String> primary = new HashMap<>();
        associations.forEach((dealId, list) -> {
            HubSpotAssociation chosen = HubSpotAssociation.primary(list, primaryTypeId);
            if (chosen != null) {
                primary.put(dealId, chosen.toObjectId());
            }
        });
        return primary;
    }

    private static Map<String, JsonNode> byId(List<JsonNode> records) {
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode record : records) {
            String id = Json.text(record, "id");
            if (id != null) {
                byId.put(id, record);
            }
        }
        return byId;
    }

    @Override
    public WriteBackResult writeBack(TruthWriteBack truth) {
        if (truth.dealId() == null || truth.dealId().isBlank() || truth.truthId() == null
                || truth.truthId().isBlank()) {
            log.warn("HubSpot write-back refused: truth {} for deal {} lacks a truth id or deal id",
                    truth.truthId(), truth.dealId());
            return WriteBackResult.refused("the truth has no deal id or no truth id");
        }
        try {
            String detail = noteAlreadyOnDeal(truth) ? "note already on deal " + truth.dealId()
                    : "note " + Json.text(api.createNote(noteRequest(truth)), "id") + " added to deal "
                            + truth.dealId();
            if ("NO".equals(truth.outcome()) && truth.closeLost()) {
                api.updateDeal(truth.dealId(), closedLostRequest(truth));
                detail += "; deal moved to " + settings.closedLostStage();
            }
            log.info("HubSpot write-back of truth {}: {}", truth.truthId(), detail);
            return WriteBackResult.written(detail);
        } catch (HubSpotRefusedException e) {
            log.warn("HubSpot write-back of truth {} on deal {} refused: {}", truth.truthId(), truth.dealId(),
                    e.getMessage());
            return WriteBackResult.refused(e.getMessage());
        } catch (CrmUnavailableException e) {
            log.warn("HubSpot write-back of truth {} on deal {} will be retried: {}", truth.truthId(),
                    truth.dealId(), e.getMessage());
            return WriteBackResult.retryLater(e.getMessage());
        }
    }

    /**
     * Reads the deal's notes through its associations (immediately consistent, unlike the search index) and
     * looks for this truth's marker, so a retry never writes the note twice.
     */
    private boolean noteAlreadyOnDeal(TruthWriteBack truth) {
        Set<String> noteIds = new LinkedHashSet<>();
        api.associations("deals", "notes", List.of(truth.dealId())).getOrDefault(truth.dealId(), List.of())
                .forEach(a -> noteIds.add(a.toObjectId()));
        return api.batchRead("notes", noteIds, List.of("hs_note_body")).stream()
                .anyMatch(note -> TruthNote.carriesMarker(Json.text(note.path("properties"), "hs_note_body"),
                        truth.truthId()));
    }

    private ObjectNode noteRequest(TruthWriteBack truth) {
        ObjectNode body = api.object();
        Instant at = truth.recordedAt() == null ? clock.instant() : truth.recordedAt();
        body.putObject("properties").put("hs_timestamp", at.toString()).put("hs_note_body", TruthNote.body(truth));
        ObjectNode association = body.putArray("associations").addObject();
        association.putObject("to").put("id", truth.dealId());
        association.putArray("types").addObject().put("associationCategory", "HUBSPOT_DEFINED")
                .put("associationTypeId", NOTE_TO_DEAL);
        return body;
    }

    private ObjectNode closedLostRequest(TruthWriteBack truth) {
        ObjectNode body = api.object();
        ObjectNode properties = body.putObject("properties").put("dealstage", settings.closedLostStage());
        String reason = truth.reasonText() != null && !truth.reasonText().isBlank() ? truth.reasonText()
                : truth.reason();
        if (reason != null && !reason.isBlank()) {
            properties.put(settings.closedLostReasonProperty(), reason);
        }
        return body;
    }
}
