package dev.silentdeals.crm.salesforce;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.silentdeals.crm.http.CrmHttpPolicy;

/**
 * How silent-deals reaches one Salesforce org. Credentials come from the environment (or a mounted secret
 * file through Spring's {@code configtree:}); {@link #toString()} never shows them.
 *
 * @param instanceUrl        the org's My Domain URL, e.g. {@code https://acme.my.salesforce.com}
 * @param accessToken        a ready access token (static); optional when client credentials are given
 * @param clientId           the connected app's consumer key for the client credentials flow
 * @param clientSecret       the connected app's consumer secret
 * @param tokenUrl           the token endpoint; defaults to {@code <instanceUrl>/services/oauth2/token}
 * @param apiVersion         REST API version, e.g. {@code v62.0}
 * @param currencyField      the Opportunity field holding the ISO currency ({@code CurrencyIsoCode} in
 *                           multi-currency orgs); blank for single-currency orgs
 * @param defaultCurrency    the currency used when the field is blank or empty on a record
 * @param closedLostStage    the StageName a NO with close-lost moves the deal to
 * @param lossReasonField    the Opportunity field that receives the reason; blank = leave it alone
 * @param closedLookbackDays closed deals with a CloseDate this recent are still read by a full sync
 * @param pageSize           records per query batch (Salesforce allows 200..2000)
 * @param syncOverlap        how far before the last pass's start an incremental pass looks again
 * @param fullSyncEvery      a full pass (which also notices deleted deals) runs at least this often; 0 = never
 * @param apiUsageStopShare  stop a pass early once the org's daily API usage passes this share (0..1]
 * @param dailyApiAllocation the org's daily request allocation, used only until Salesforce reports its own
 * @param requestsPerSecond  our client-side request budget
 * @param requestTimeout     how long one request may take (SOQL queries can run up to two minutes)
 */
@ConfigurationProperties(prefix = "silent-deals.crm.salesforce")
record SalesforceProperties(String instanceUrl, String accessToken, String clientId, String clientSecret,
                            String tokenUrl, String apiVersion, String currencyField, String defaultCurrency,
                            String closedLostStage, String lossReasonField, Integer closedLookbackDays,
                            Integer pageSize, Duration syncOverlap, Duration fullSyncEvery,
                            Double apiUsageStopShare, Long dailyApiAllocation, Integer requestsPerSecond,
                            Duration requestTimeout) {

    private static final Pattern API_VERSION = Pattern.compile("v\\d{2,3}\\.\\d");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");

    SalesforceProperties {
        instanceUrl = trimTrailingSlash(clean(instanceUrl));
        accessToken = clean(accessToken);
        clientId = clean(clientId);
        clientSecret = clean(clientSecret);
        tokenUrl = clean(tokenUrl);
        apiVersion = orDefault(apiVersion, "v62.0");
        currencyField = clean(currencyField);
        defaultCurrency = orDefault(defaultCurrency, "USD");
        closedLostStage = orDefault(closedLostStage, "Closed Lost");
        lossReasonField = lossReasonField == null ? "Loss_Reason__c" : lossReasonField.strip();
        closedLookbackDays = closedLookbackDays == null ? 30 : closedLookbackDays;
        pageSize = pageSize == null ? 200 : pageSize;
        syncOverlap = syncOverlap == null ? Duration.ofMinutes(5) : syncOverlap;
        fullSyncEvery = fullSyncEvery == null ? Duration.ofHours(24) : fullSyncEvery;
        apiUsageStopShare = apiUsageStopShare == null ? 0.8 : apiUsageStopShare;
        dailyApiAllocation = dailyApiAllocation == null ? 15_000L : dailyApiAllocation;
        requestsPerSecond = requestsPerSecond == null ? 10 : requestsPerSecond;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(120) : requestTimeout;
    }

    boolean hasClientCredentials() {
        return !clientId.isEmpty();
    }

    /** The token endpoint for the client credentials flow. */
    String effectiveTokenUrl() {
        return tokenUrl.isEmpty() ? instanceUrl + "/services/oauth2/token" : tokenUrl;
    }

    /**
     * Fails fast at start-up with every problem at once, naming environment variables, never values.
     */
    void validate() {
        List<String> problems = new ArrayList<>();
        if (accessToken.isEmpty() && clientId.isEmpty()) {
            problems.add("no credentials: set SALESFORCE_ACCESS_TOKEN (with SALESFORCE_INSTANCE_URL), or "
                    + "SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET (with SALESFORCE_TOKEN_URL or "
                    + "SALESFORCE_INSTANCE_URL) for the client credentials flow");
        }
        if (!accessToken.isEmpty() && instanceUrl.isEmpty() && clientId.isEmpty()) {
            problems.add("SALESFORCE_INSTANCE_URL is required with SALESFORCE_ACCESS_TOKEN");
        }
        if (!clientId.isEmpty() && clientSecret.isEmpty()) {
            problems.add("SALESFORCE_CLIENT_SECRET is required with SALESFORCE_CLIENT_ID");
        }
        if (!clientId.isEmpty() && tokenUrl.isEmpty() && instanceUrl.isEmpty()) {
            problems.add("SALESFORCE_TOKEN_URL (or SALESFORCE_INSTANCE_URL) is required with SALESFORCE_CLIENT_ID");
        }
        if (!API_VERSION.matcher(apiVersion).matches()) {
            problems.add("SALESFORCE_API_VERSION must look like v62.0");
        }
        if (!currencyField.isEmpty() && !FIELD_NAME.matcher(currencyField).matches()) {
            problems.add("SALESFORCE_CURRENCY_FIELD is not a Salesforce field name");
        }
        if (!lossReasonField.isEmpty() && !FIELD_NAME.matcher(lossReasonField).matches()) {
            problems.add("SALESFORCE_LOSS_REASON_FIELD is not a Salesforce field name");
        }
        if (pageSize < 200 || pageSize > 2000) {
            problems.add("SALESFORCE_PAGE_SIZE must be between 200 and 2000 (Salesforce's batch size range)");
        }
        if (apiUsageStopShare <= 0 || apiUsageStopShare > 1) {
            problems.add("SALESFORCE_API_USAGE_STOP_SHARE must be above 0 and at most 1");
        }
        if (closedLookbackDays < 0 || requestsPerSecond < 1 || dailyApiAllocation < 1) {
            problems.add("SALESFORCE_CLOSED_LOOKBACK_DAYS, SALESFORCE_REQUESTS_PER_SECOND and "
                    + "SALESFORCE_DAILY_API_ALLOCATION must be positive");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("CRM_ADAPTER=salesforce cannot start: " + String.join("; ", problems));
        }
    }

    /** Salesforce documents no per-second limit (its limit is the daily allocation), so we stay polite. */
    CrmHttpPolicy httpPolicy() {
        return new CrmHttpPolicy(requestsPerSecond, Duration.ofSeconds(1), Duration.ofSeconds(10), requestTimeout,
                4, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    @Override
    public String toString() {
        return "SalesforceProperties[instanceUrl=" + instanceUrl + ", accessToken=" + mask(accessToken)
                + ", clientId=" + mask(clientId) + ", clientSecret=" + mask(clientSecret) + ", tokenUrl=" + tokenUrl
                + ", apiVersion=" + apiVersion + ", currencyField=" + currencyField + ", defaultCurrency="
                + defaultCurrency + ", closedLostStage=" + closedLostStage + ", lossReasonField=" + lossReasonField
                + ", pageSize=" + pageSize + "]";
    }

    private static String mask(String secret) {
        return secret.isEmpty() ? "(unset)" : "(set)";
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String trimTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
