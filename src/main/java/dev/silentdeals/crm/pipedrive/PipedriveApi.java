package dev.silentdeals.crm.pipedrive;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import dev.silentdeals.crm.http.CrmHttpClient;
import dev.silentdeals.crm.http.CrmHttpResponse;
import dev.silentdeals.crm.http.CrmUnavailableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pipedrive's REST API as JSON trees, over the shared {@link CrmHttpClient} (rate limit, 429, retries). The
 * token travels only in the {@code x-api-token} header, never in a URL, so it cannot reach an access log.
 * Paths are relative to the company's API base, e.g. {@code /v2/deals} or {@code /v1/users}.
 */
final class PipedriveApi {

    /** Deal values are money: read them as exact decimals, as Pipedrive wrote them. */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final CrmHttpClient http;
    private final String base;
    private final Map<String, String> authorization;
    private final RateLimitPacer pacer;

    PipedriveApi(CrmHttpClient http, URI apiUrl, String apiToken, RateLimitPacer pacer) {
        this.http = http;
        this.base = apiUrl.toString().replaceAll("/+$", "");
        this.authorization = Map.of("x-api-token", apiToken);
        this.pacer = pacer;
    }

    JsonNode get(String path, Map<String, String> query) {
        return exchange("GET", path, query, null);
    }

    JsonNode post(String path, JsonNode body) {
        return exchange("POST", path, Map.of(), JSON.writeValueAsString(body));
    }

    JsonNode patch(String path, JsonNode body) {
        return exchange("PATCH", path, Map.of(), JSON.writeValueAsString(body));
    }

    /** A query built in insertion order; null values are left out. */
    static Map<String, String> query(String... keysAndValues) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                query.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return query;
    }

    private JsonNode exchange(String method, String path, Map<String, String> query, String body) {
        CrmHttpResponse response = http.send(method, uri(path, query), authorization, body);
        pacer.observe(response.headers());
        if (!response.isSuccess()) {
            throw new PipedriveRefusedException(method, path, response.status(), errorMessage(response));
        }
        try {
            return JSON.readTree(response.body() == null ? "" : response.body());
        } catch (JacksonException e) {
            throw new CrmUnavailableException("Pipedrive answered " + method + " " + path
                    + " with a body that is not JSON");
        }
    }

    private URI uri(String path, Map<String, String> query) {
        if (query.isEmpty()) {
            return URI.create(base + path);
        }
        StringJoiner joined = new StringJoiner("&");
        query.forEach((key, value) -> joined.add(encode(key) + "=" + encode(value)));
        return URI.create(base + path + "?" + joined);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Pipedrive errors look like {"success":false,"error":"Deal not found","error_info":"..."}. */
    private static String errorMessage(CrmHttpResponse response) {
        try {
            JsonNode error = JSON.readTree(response.body() == null ? "" : response.body());
            String message = PipedriveFields.text(error, "error");
            if (message != null && !message.isBlank()) {
                return message.strip();
            }
        } catch (JacksonException e) {
            // not JSON: fall through to the status alone
        }
        return "no error message in the answer";
    }
}
