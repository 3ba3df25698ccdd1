package dev.silentdeals.crm.salesforce;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.silentdeals.crm.http.CrmHttpClient;
import dev.silentdeals.crm.http.CrmHttpResponse;

/**
 * Holds the current Salesforce session: the configured access token, or one fetched with the OAuth 2.0
 * client credentials flow (POST grant_type=client_credentials, form-encoded; the answer carries
 * {@code access_token} and {@code instance_url}). Tokens and secrets are never logged.
 */
final class SalesforceTokens {

    private static final Logger log = LoggerFactory.getLogger(SalesforceTokens.class);

    private final SalesforceProperties properties;
    private final CrmHttpClient http;
    private final JsonMapper json;
    private SalesforceSession session;

    SalesforceTokens(SalesforceProperties properties, CrmHttpClient http, JsonMapper json) {
        this.properties = properties;
        this.http = http;
        this.json = json;
        if (!properties.accessToken().isEmpty() && !properties.instanceUrl().isEmpty()) {
            this.session = new SalesforceSession(properties.accessToken(), properties.instanceUrl());
        }
    }

    /** The session to use now; fetches a token on first use when only client credentials are configured. */
    synchronized SalesforceSession current() {
        if (session == null) {
            session = fetch();
        }
        return session;
    }

    /**
     * A new session after Salesforce refused {@code stale} (401 INVALID_SESSION_ID). Empty when only a static
     * token is configured: nothing can renew it.
     */
    synchronized Optional<SalesforceSession> renew(SalesforceSession stale) {
        if (!properties.hasClientCredentials()) {
            return Optional.empty();
        }
        if (session != null && !session.equals(stale)) {
            return Optional.of(session); // another caller renewed it meanwhile
        }
        session = fetch();
        return Optional.of(session);
    }

    private SalesforceSession fetch() {
        String form = "grant_type=client_credentials"
                + "&client_id=" + URLEncoder.encode(properties.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(properties.clientSecret(), StandardCharsets.UTF_8);
        CrmHttpResponse response = http.postForm(URI.create(properties.effectiveTokenUrl()), Map.of(), form);
        if (!response.isSuccess()) {
            SalesforceError error = SalesforceError.from(response.status(), response.body(), json);
            throw new SalesforceApiException(response.status(), error.code(), error.message(),
                    "the client credentials token request");
        }
        String accessToken;
        String instanceUrl;
        try {
            JsonNode answer = json.readTree(response.body());
            accessToken = answer.path("access_token").asString("");
            instanceUrl = answer.path("instance_url").asString("");
        } catch (JacksonException e) {
            throw new SalesforceApiException(response.status(), "UNREADABLE_TOKEN_RESPONSE",
                    "the token endpoint did not answer JSON", "the client credentials token request");
        }
        if (accessToken.isBlank()) {
            throw new SalesforceApiException(response.status(), "NO_ACCESS_TOKEN",
                    "the token endpoint's answer has no access_token", "the client credentials token request");
        }
        String instance = instanceUrl.isBlank() ? properties.instanceUrl() : stripSlash(instanceUrl);
        log.info("Salesforce: fetched an access token for {} with the client credentials flow", instance);
        return new SalesforceSession(accessToken, instance);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
