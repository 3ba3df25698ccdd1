package dev.silentdeals.crm.salesforce;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Salesforce's daily API request allocation as we see it: the calls silent-deals made today (UTC) and the
 * org-wide figure Salesforce reports on every REST answer in {@code Sforce-Limit-Info: api-usage=18/15000}.
 * Until Salesforce has reported, our own count is compared with the configured allocation.
 */
final class ApiUsage {

    private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d{1,15})/(\\d{1,15})");

    private final Clock clock;
    private final double stopShare;
    private final long configuredAllocation;
    private LocalDate day;
    private long callsToday;
    private long reportedUsed = -1;
    private long reportedLimit = -1;

    ApiUsage(Clock clock, double stopShare, long configuredAllocation) {
        this.clock = clock;
        this.stopShare = stopShare;
        this.configuredAllocation = configuredAllocation;
        this.day = today();
    }

    void bindTo(MeterRegistry registry) {
        registry.gauge("silentdeals.crm.salesforce.api.calls.today", this, ApiUsage::callsToday);
        registry.gauge("silentdeals.crm.salesforce.api.usage.share", this, ApiUsage::share);
    }

    /** Counts one answered call and reads the org's usage from its headers. */
    synchronized void recordCall(Map<String, List<String>> headers) {
        rollDay();
        callsToday++;
        headers.forEach((name, values) -> {
            if (name != null && name.equalsIgnoreCase("Sforce-Limit-Info")) {
                values.forEach(this::readLimitInfo);
            }
        });
    }

    synchronized long callsToday() {
        rollDay();
        return callsToday;
    }

    /** The share of the daily allocation used, 0..1 (may pass 1 when Salesforce lets an org burst). */
    synchronized double share() {
        rollDay();
        if (reportedLimit > 0) {
            return (double) reportedUsed / reportedLimit;
        }
        return (double) callsToday / configuredAllocation;
    }

    synchronized boolean pastStopShare() {
        return share() >= stopShare;
    }

    synchronized String describe() {
        String org = reportedLimit > 0 ? "api-usage " + reportedUsed + "/" + reportedLimit
                : "no api-usage reported yet, allocation " + configuredAllocation;
        return org + " (" + Math.round(share() * 100) + "%, stop share " + Math.round(stopShare * 100) + "%), "
                + callsToday + " calls by silent-deals today";
    }

    private void readLimitInfo(String value) {
        Matcher matcher = API_USAGE.matcher(value);
        if (matcher.find()) {
            reportedUsed = Long.parseLong(matcher.group(1));
            reportedLimit = Long.parseLong(matcher.group(2));
        }
    }

    private void rollDay() {
        LocalDate now = today();
        if (!now.equals(day)) {
            day = now;
            callsToday = 0;
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
