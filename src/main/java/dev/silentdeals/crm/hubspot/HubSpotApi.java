package dev.silentdeals.crm.hubspot;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.silentdeals.crm.http.CrmHttpClient;
import dev.silentdeals.crm.http.CrmHttpResponse;
import dev.silentdeals.crm.http.CrmUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HubSpot REST calls the adapter makes, in HubSpot's own JSON shapes. Search calls go through their own
 * client because HubSpot limits the search endpoints separately (a few requests per second per account).
 * The token travels only in the Authorization header, which {@link CrmHttpClient} never logs.
 */
final class HubSpotApi {

    static final String VENDOR = "hubspot";
    /** HubSpot's limit for inputs in one batch read. */
    static final int BATCH_LIMIT = 100;
    /** Association pages followed per record before we stop (500 associations per page). */
    private static final int MAX_ASSOCIATION_ROUNDS = 20;

    private static final Logger log = LoggerFactory.getLogger(HubSpotApi.class);

    private final String baseUrl;
    private final Map<String, String> headers;
    private final CrmHttpClient http;
    private final CrmHttpClient searchHttp;
    private final JsonMapper json;

    HubSpotApi(URI baseUrl, String accessToken, CrmHttpClient http, CrmHttpClient searchHttp, JsonMapper json) {
        String base = baseUrl.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.headers = Map.of("Authorization", "Bearer " + accessToken);
        this.http = http;
        this.searchHttp = searchHttp;
        this.json = json;
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    ArrayNode array() {
        return json.createArrayNode();
    }

    /** POST /crm/v3/objects/deals/search: one page of deals. */
    JsonNode searchDeals(ObjectNode body) {
        return call(searchHttp, "POST", "/crm/v3/objects/deals/search", body, "the deal search");
    }

    /**
     * POST /crm/v4/associations/{from}/{to}/batch/read for every id, following each record's own paging.
     * Records without associations are simply absent from the result.
     */
    Map<String, List<HubSpotAssociation>> associations(String fromType, String toType, Collection<String> ids) {
        Map<String, List<HubSpotAssociation>> found = new LinkedHashMap<>();
        for (List<String> chunk : chunks(ids)) {
            Map<String, String> pending = new LinkedHashMap<>();
            chunk.forEach(id -> pending.put(id, ""));
            for (int round = 0; !pending.isEmpty(); round++) {
                if (round == MAX_ASSOCIATION_ROUNDS) {
                    log.warn("HubSpot {}->{} associations: stopped following pages after {} rounds for {}",
                            fromType, toType, round, pending.keySet());
                    break;
                }
                ObjectNode body = object();
                ArrayNode inputs = body.putArray("inputs");
                pending.forEach((id, after) -> {
                    ObjectNode input = inputs.addObject().put("id", id);
                    if (!after.isEmpty()) {
                        input.put("after", after);
                    }
                });
                JsonNode answer = call(http, "POST", "/crm/v4/associations/" + fromType + "/" + toType
                        + "/batch/read", body, "reading " + fromType + "->" + toType + " associations");
                pending.clear();
                for (JsonNode result : answer.path("results")) {
                    String fromId = Json.text(result.path("from"), "id");
                    if (fromId == null) {
                        continue;
                    }
                    List<HubSpotAssociation> list = found.computeIfAbsent(fromId, key -> new ArrayList<>());
                    for (JsonNode to : result.path("to")) {
                        HubSpotAssociation association = HubSpotAssociation.from(to);
                        if (association != null) {
                            list.add(association);
                        }
                    }
                    String after = Json.text(result.path("paging").path("next"), "after");
                    if (after != null) {
                        pending.put(fromId, after);
                    }
                }
            }
        }
        return found;
    }

    /** POST /crm/v3/objects/{type}/batch/read in chunks of 100; records HubSpot cannot find are left out. */
    List<JsonNode> batchRead(String objectType, Collection<String> ids, List<String> properties) {
        List<JsonNode> records = new ArrayList<>();
        for (List<String> chunk : chunks(ids)) {
            ObjectNode body = object();
            ArrayNode props = body.putArray("properties");
            properties.forEach(props::add);
            body.putArray("propertiesWithHistory");
            ArrayNode inputs = body.putArray("inputs");
            chunk.forEach(id -> inputs.addObject().put("id", id));
            JsonNode answer = call(http, "POST", "/crm/v3/objects/" + objectType + "/batch/read", body,
                    "reading " + objectType);
            answer.path("results").forEach(records::add);
        }
        return records;
    }

    /** GET /crm/v3/owners, every page. */
    List<JsonNode> owners() {
        List<JsonNode> owners = new ArrayList<>();
        String after = null;
        do {
            String query = "/crm/v3/owners?limit=500" + (after == null ? "" : "&after=" + encode(after));
            JsonNode page = call(http, "GET", query, null, "listing owners");
            page.path("results").forEach(owners::add);
            after = Json.text(page.path("paging").path("next"), "after");
        } while (after != null);
        return owners;
    }

    /** GET /crm/v3/pipelines/deals. */
    JsonNode dealPipelines() {
        return call(http, "GET", "/crm/v3/pipelines/deals", null, "listing deal pipelines");
    }

    /** POST /crm/v3/objects/notes; returns the created note. */
    JsonNode createNote(ObjectNode body) {
        return call(http, "POST", "/crm/v3/objects/notes", body, "creating the note");
    }

    /** PATCH /crm/v3/objects/deals/{id}. */
    JsonNode updateDeal(String dealId, ObjectNode body) {
        return call(http, "PATCH", "/crm/v3/objects/deals/" + encode(dealId), body, "updating deal " + dealId);
    }

    private JsonNode call(CrmHttpClient client, String method, String pathAndQuery, JsonNode body, String what) {
        String text = body == null ? null : json.writeValueAsString(body);
        CrmHttpResponse response = client.send(method, URI.create(baseUrl + pathAndQuery), headers, text);
        if (!response.isSuccess()) {
            throw new HubSpotRefusedException(what, response.status(), errorMessage(response.body()));
        }
        if (response.body() == null || response.body().isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(response.body());
        } catch (JacksonException e) {
            throw new CrmUnavailableException("HubSpot answered " + what + " with a body that is not JSON");
        }
    }

    /** HubSpot's human-readable {@code message}, else the status line we can offer. */
    private String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "no details given";
        }
        try {
            String message = Json.text(json.readTree(body), "message");
            return message == null ? abbreviate(body) : message;
        } catch (JacksonException e) {
            return abbreviate(body);
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += BATCH_LIMIT) {
            chunks.add(all.subList(from, Math.min(all.size(), from + BATCH_LIMIT)));
        }
        return chunks;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
