package dev.silentdeals.crm.salesforce;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.silentdeals.crm.http.CrmHttpClient;
import dev.silentdeals.crm.http.CrmHttpResponse;
import dev.silentdeals.crm.http.CrmUnavailableException;

/**
 * The few Salesforce REST calls silent-deals makes, over the shared {@link CrmHttpClient}: SOQL queries
 * (GET /services/data/vXX.X/query?q=, then the {@code nextRecordsUrl} pages), creating a record and
 * updating one. A 401 renews the session once and retries; a 403 REQUEST_LIMIT_EXCEEDED means "try later";
 * any other refusal becomes a {@link SalesforceApiException} carrying Salesforce's own words.
 */
final class SalesforceClient {

    private static final Logger log = LoggerFactory.getLogger(SalesforceClient.class);
    private static final String DATA_PATH = "/services/data/";

    private final SalesforceProperties properties;
    private final CrmHttpClient http;
    private final SalesforceTokens tokens;
    private final ApiUsage usage;
    private final JsonMapper json;

    SalesforceClient(SalesforceProperties properties, CrmHttpClient http, SalesforceTokens tokens, ApiUsage usage,
                     JsonMapper json) {
        this.properties = properties;
        this.http = http;
        this.tokens = tokens;
        this.usage = usage;
        this.json = json;
    }

    /** Runs a SOQL query; the answer has {@code totalSize}, {@code done}, {@code records}, maybe {@code nextRecordsUrl}. */
    JsonNode query(String soql, String what) {
        String path = DATA_PATH + properties.apiVersion() + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8);
        return readJson(call("GET", path, null, queryOptions(), what), what);
    }

    /** Fetches the next batch of a query from the {@code nextRecordsUrl} Salesforce gave. */
    JsonNode queryMore(String nextRecordsUrl, String what) {
        if (!isQueryLocator(nextRecordsUrl)) {
            throw new IllegalArgumentException("not a Salesforce query locator: " + nextRecordsUrl);
        }
        return readJson(call("GET", nextRecordsUrl, null, queryOptions(), what), what);
    }

    /** POST /sobjects/{type}: answers {@code {"id": ..., "success": true, "errors": []}}. */
    JsonNode create(String sobject, ObjectNode fields, String what) {
        String path = DATA_PATH + properties.apiVersion() + "/sobjects/" + sobject;
        return readJson(call("POST", path, json.writeValueAsString(fields), Map.of(), what), what);
    }

    /** PATCH /sobjects/{type}/{id}: Salesforce answers 204 No Content. */
    void update(String sobject, String id, ObjectNode fields, String what) {
        String path = DATA_PATH + properties.apiVersion() + "/sobjects/" + sobject + "/" + id;
        call("PATCH", path, json.writeValueAsString(fields), Map.of(), what);
    }

    static boolean isQueryLocator(String url) {
        return url != null && url.startsWith(DATA_PATH) && !url.contains("..") && !url.contains("//");
    }

    private Map<String, String> queryOptions() {
        return Map.of("Sforce-Query-Options", "batchSize=" + properties.pageSize());
    }

    private CrmHttpResponse call(String method, String pathAndQuery, String body, Map<String, String> extraHeaders,
                                 String what) {
        SalesforceSession session = tokens.current();
        CrmHttpResponse response = send(session, method, pathAndQuery, body, extraHeaders);
        if (response.status() == 401) {
            SalesforceError error = SalesforceError.from(response.status(), response.body(), json);
            Optional<SalesforceSession> renewed = tokens.renew(session);
            if (renewed.isPresent()) {
                log.info("Salesforce answered 401 {} on {}; renewed the session and retrying once", error.code(), what);
                response = send(renewed.get(), method, pathAndQuery, body, extraHeaders);
            }
        }
        if (response.isSuccess()) {
            return response;
        }
        SalesforceError error = SalesforceError.from(response.status(), response.body(), json);
        if (response.status() == 403 && "REQUEST_LIMIT_EXCEEDED".equals(error.code())) {
            throw new CrmUnavailableException("Salesforce daily API request limit reached (REQUEST_LIMIT_EXCEEDED) on "
                    + what + "; " + usage.describe() + "; trying again on a later pass");
        }
        throw new SalesforceApiException(response.status(), error.code(), error.message(), what);
    }

    private CrmHttpResponse send(SalesforceSession session, String method, String pathAndQuery, String body,
                                 Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Authorization", "Bearer " + session.accessToken());
        CrmHttpResponse response = http.send(method, URI.create(session.instanceUrl() + pathAndQuery), headers, body);
        usage.recordCall(response.headers());
        return response;
    }

    private JsonNode readJson(CrmHttpResponse response, String what) {
        try {
            return json.readTree(response.body());
        } catch (JacksonException e) {
            throw new SalesforceApiException(response.status(), "UNREADABLE_RESPONSE",
                    "the answer is not JSON (" + e.getOriginalMessage() + ")", what);
        }
    }
}
