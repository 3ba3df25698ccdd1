package dev.silentdeals.crm.pipedrive;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.silentdeals.crm.http.CrmHttpPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pipedrive settings, bound from {@code silent-deals.crm.pipedrive.*}.
 *
 * @param apiToken              the API token (PIPEDRIVE_API_TOKEN); sent only as the {@code x-api-token} header
 * @param apiTokenFile          a mounted secret file holding the token, used when {@code apiToken} is blank
 * @param apiUrl                the company's API base, e.g. {@code https://yourcompany.pipedrive.com/api}
 * @param requestsPerTwoSeconds client-side burst budget; Pipedrive's smallest plan allows 20 per 2 s per token
 * @param pageSize              deals per page of a sync (each deal may cost a few more calls)
 * @param closedLookback        how far back a full sync reads won and lost deals
 * @param syncOverlap           how much an incremental pass re-reads before the previous pass started
 * @param requestTimeout        how long one HTTP call may take before it counts as a timeout
 * @param lostReasons           optional mapping from our NO reason codes to the company's lost reasons
 */
@ConfigurationProperties(prefix = "silent-deals.crm.pipedrive")
record PipedriveProperties(String apiToken, String apiTokenFile, String apiUrl,
                           @DefaultValue("20") int requestsPerTwoSeconds,
                           @DefaultValue("50") int pageSize,
                           @DefaultValue("30d") Duration closedLookback,
                           @DefaultValue("2m") Duration syncOverlap,
                           @DefaultValue("30s") Duration requestTimeout,
                           Map<String, String> lostReasons) {

    PipedriveProperties {
        lostReasons = lostReasons == null ? Map.of() : Map.copyOf(lostReasons);
    }

    /** The token from the environment or the secret file; fails naming the variable, never showing a value. */
    String resolveApiToken() {
        if (apiToken != null && !apiToken.isBlank()) {
            return apiToken.strip();
        }
        if (apiTokenFile != null && !apiTokenFile.isBlank()) {
            try {
                String fromFile = Files.readString(Path.of(apiTokenFile)).strip();
                if (!fromFile.isEmpty()) {
                    return fromFile;
                }
            } catch (IOException e) {
                throw new IllegalStateException("CRM_ADAPTER=pipedrive: cannot read the token file named by "
                        + "PIPEDRIVE_API_TOKEN_FILE (" + apiTokenFile + "): " + e.getClass().getSimpleName());
            }
            throw new IllegalStateException("CRM_ADAPTER=pipedrive: the token file named by PIPEDRIVE_API_TOKEN_FILE ("
                    + apiTokenFile + ") is empty");
        }
        throw new IllegalStateException("CRM_ADAPTER=pipedrive but PIPEDRIVE_API_TOKEN is not set "
                + "(or set PIPEDRIVE_API_TOKEN_FILE to a mounted secret file)");
    }

    /** The API base without a trailing slash; fails naming PIPEDRIVE_API_URL when missing or not http(s). */
    URI resolveApiUrl() {
        if (apiUrl == null || apiUrl.isBlank()) {
            throw new IllegalStateException("CRM_ADAPTER=pipedrive but PIPEDRIVE_API_URL is not set "
                    + "(e.g. https://yourcompany.pipedrive.com/api)");
        }
        String trimmed = apiUrl.strip().replaceAll("/+$", "");
        URI uri = URI.create(trimmed);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalStateException("PIPEDRIVE_API_URL must be an http(s) URL such as "
                    + "https://yourcompany.pipedrive.com/api");
        }
        return uri;
    }

    /** Pipedrive's burst limits are counted per 2-second window; retries back off up to a minute. */
    CrmHttpPolicy httpPolicy() {
        return new CrmHttpPolicy(Math.max(1, requestsPerTwoSeconds), Duration.ofSeconds(2), Duration.ofSeconds(10),
                requestTimeout, 4, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    @Override
    public String toString() {
        // The token never reaches a log line, even through a debug dump of the configuration.
        return "PipedriveProperties[apiUrl=" + apiUrl + ", apiToken=" + (apiToken == null || apiToken.isBlank()
                ? "<unset>" : "<set>") + ", apiTokenFile=" + apiTokenFile + ", requestsPerTwoSeconds="
                + requestsPerTwoSeconds + ", pageSize=" + pageSize + ", closedLookback=" + closedLookback
                + ", syncOverlap=" + syncOverlap + ", requestTimeout=" + requestTimeout + ", lostReasons="
                + lostReasons + "]";
    }
}
