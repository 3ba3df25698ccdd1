package dev.silentdeals.silence;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The silence thresholds (SILENCE_QUIET_BUSINESS_DAYS, SILENCE_MIN_FOLLOW_UPS, per-stage overrides in
 * SILENCE_STAGE_QUIET_BUSINESS_DAYS as "Negotiation=5,Proposal=10"), which days are business days
 * (SILENCE_BUSINESS_DAYS), how often detection runs (DETECTION_INTERVAL), and how often a pass judges every deal
 * that could be silent rather than only what changed (DETECTION_FULL_PASS_INTERVAL).
 */
@ConfigurationProperties(prefix = "silent-deals.silence")
record SilenceProperties(int quietBusinessDays, int minFollowUps, String stageQuietBusinessDays, String businessDays,
                         Duration detectionInterval, ZoneId defaultTimeZone, Duration fullPassInterval) {

    SilenceProperties {
        quietBusinessDays = quietBusinessDays <= 0 ? 7 : quietBusinessDays;
        minFollowUps = minFollowUps < 0 ? 2 : minFollowUps;
        businessDays = businessDays == null || businessDays.isBlank() ? "MON-FRI" : businessDays;
        detectionInterval = detectionInterval == null ? Duration.ofMinutes(15) : detectionInterval;
        defaultTimeZone = defaultTimeZone == null ? ZoneId.of("UTC") : defaultTimeZone;
        fullPassInterval = fullPassInterval == null ? Duration.ofDays(1) : fullPassInterval;
    }

    SilencePolicy policy() {
        return new SilencePolicy(quietBusinessDays, minFollowUps,
                SilencePolicy.parseStageOverrides(stageQuietBusinessDays), WorkingWeek.parse(businessDays));
    }
}
