package dev.silentdeals.crm.hubspot;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How silent-deals talks to HubSpot. Only the access token is required; every other setting has a default
 * that follows HubSpot's documented limits for private apps.
 *
 * @param accessToken              the private app token ({@code HUBSPOT_ACCESS_TOKEN}), sent as a Bearer token
 * @param accessTokenFile          a mounted secret file holding the token, used when {@code accessToken} is blank
 * @param apiUrl                   {@code HUBSPOT_API_URL}, default {@code https://api.hubapi.com}
 * @param requestsPerTenSeconds    client-side budget for ordinary calls (HubSpot allows 100 to 190 per 10 s)
 * @param searchRequestsPerSecond  client-side budget for CRM search calls, which HubSpot limits separately
 * @param pageSize                 deals per page (at most 100, the batch-read limit)
 * @param syncOverlap              how far before a pass's start the next pass looks again (search index lag)
 * @param recentlyClosed           how far back a full sync reads closed deals
 * @param fullSyncEvery            a full pass (the only way to notice deals archived in HubSpot) runs at least this
 *                                 often; zero turns it off
 * @param requestTimeout           how long one HTTP request may take before it is retried
 * @param maxAttempts              attempts per request before the pass gives up
 * @param directoryTtl             how long owner e-mails and pipeline stage labels are cached
 * @param closedLostStage          the deal stage id a NO with close-lost moves the deal to
 * @param closedLostReasonProperty the deal property that receives the loss reason
 */
@ConfigurationProperties(prefix = "silent-deals.crm.hubspot")
public record HubSpotProperties(String accessToken, String accessTokenFile, URI apiUrl, int requestsPerTenSeconds,
                                int searchRequestsPerSecond, int pageSize, Duration syncOverlap,
                                Duration recentlyClosed, Duration fullSyncEvery, Duration requestTimeout,
                                int maxAttempts, Duration directoryTtl, String closedLostStage,
                                String closedLostReasonProperty) {

    static final URI DEFAULT_API_URL = URI.create("https://api.hubapi.com");
    static final int MAX_PAGE_SIZE = 100;

    public HubSpotProperties {
        apiUrl = apiUrl == null || apiUrl.toString().isBlank() ? DEFAULT_API_URL : apiUrl;
        requestsPerTenSeconds = requestsPerTenSeconds > 0 ? requestsPerTenSeconds : 100;
        // The search endpoints allow about 4-5 requests per second per account; stay on the safe side.
        searchRequestsPerSecond = searchRequestsPerSecond > 0 ? searchRequestsPerSecond : 4;
        pageSize = pageSize > 0 ? Math.min(pageSize, MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
        syncOverlap = syncOverlap == null ? Duration.ofMinutes(5) : syncOverlap;
        recentlyClosed = recentlyClosed == null ? Duration.ofDays(30) : recentlyClosed;
        fullSyncEvery = fullSyncEvery == null || fullSyncEvery.isNegative() ? Duration.ofHours(24) : fullSyncEvery;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
        maxAttempts = maxAttempts > 0 ? maxAttempts : 4;
        directoryTtl = directoryTtl == null ? Duration.ofHours(1) : directoryTtl;
        closedLostStage = isBlank(closedLostStage) ? "closedlost" : closedLostStage.strip();
        closedLostReasonProperty = isBlank(closedLostReasonProperty) ? "closed_lost_reason"
                : closedLostReasonProperty.strip();
    }

    /**
     * The token from {@code accessToken}, else from {@code accessTokenFile}.
     *
     * @throws IllegalStateException naming the environment variable (never the value) when no token is configured
     */
    String resolveAccessToken() {
        if (!isBlank(accessToken)) {
            return accessToken.strip();
        }
        if (!isBlank(accessTokenFile)) {
            try {
                String fromFile = Files.readString(Path.of(accessTokenFile.strip())).strip();
                if (!fromFile.isEmpty()) {
                    return fromFile;
                }
                throw new IllegalStateException("The HubSpot token file " + accessTokenFile
                        + " (HUBSPOT_ACCESS_TOKEN_FILE) is empty");
            } catch (IOException e) {
                throw new IllegalStateException("The HubSpot token file " + accessTokenFile
                        + " (HUBSPOT_ACCESS_TOKEN_FILE) cannot be read: " + e.getClass().getSimpleName());
            }
        }
        throw new IllegalStateException("CRM_ADAPTER=hubspot needs a HubSpot private app token: set "
                + "HUBSPOT_ACCESS_TOKEN (or HUBSPOT_ACCESS_TOKEN_FILE pointing at a mounted secret)");
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "HubSpotProperties[accessToken=" + (isBlank(accessToken) ? "<unset>" : "<redacted>")
                + ", accessTokenFile=" + accessTokenFile + ", apiUrl=" + apiUrl
                + ", requestsPerTenSeconds=" + requestsPerTenSeconds
                + ", searchRequestsPerSecond=" + searchRequestsPerSecond + ", pageSize=" + pageSize
                + ", syncOverlap=" + syncOverlap + ", recentlyClosed=" + recentlyClosed
                + ", fullSyncEvery=" + fullSyncEvery
                + ", requestTimeout=" + requestTimeout + ", maxAttempts=" + maxAttempts
                + ", directoryTtl=" + directoryTtl + ", closedLostStage=" + closedLostStage
                + ", closedLostReasonProperty=" + closedLostReasonProperty + "]";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
