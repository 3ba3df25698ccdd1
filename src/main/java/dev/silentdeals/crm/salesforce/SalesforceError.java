package dev.silentdeals.crm.salesforce;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error code and message from a Salesforce error body: REST answers
 * {@code [{"message": "...", "errorCode": "...", "fields": [...]}]}, the OAuth token endpoint answers
 * {@code {"error": "...", "error_description": "..."}}. Anything else is summarised by its status.
 */
record SalesforceError(String code, String message) {

    private static final int MAX_MESSAGE = 300;

    static SalesforceError from(int status, String body, JsonMapper json) {
        String fallbackCode = "HTTP_" + status;
        if (body == null || body.isBlank()) {
            return new SalesforceError(fallbackCode, "(no body)");
        }
        try {
            JsonNode root = json.readTree(body);
            JsonNode first = root.isArray() && !root.isEmpty() ? root.get(0) : root;
            if (first.hasNonNull("errorCode")) {
                return new SalesforceError(first.get("errorCode").asString(), shorten(first.path("message").asString("")));
            }
            if (first.hasNonNull("error")) {
                return new SalesforceError(first.get("error").asString(),
                        shorten(first.path("error_description").asString("")));
            }
        } catch (JacksonException e) {
            // not JSON (a proxy's HTML page, say): fall through to the status
        }
        return new SalesforceError(fallbackCode, shorten(body.strip()));
    }

    private static String shorten(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }
}
