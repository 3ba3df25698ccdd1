package dev.silentdeals.nudges;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * When nudges may go out (NUDGE_WORKING_HOURS, NUDGE_WORKING_DAYS, in each rep's time zone; a rep may set
 * their own in the App Home), how many a rep gets a day at most (NUDGE_MAX_PER_REP_PER_DAY), the seller's
 * company name for the script (SELLER_COMPANY_NAME; blank leaves it out), after how many of the rep's
 * business days a nudge without any truth gets its one reminder (NUDGE_REMINDER_BUSINESS_DAYS), how often
 * due revisits are looked for (REVISIT_CHECK_INTERVAL), and the time zone for reps Slack gives none.
 */
@ConfigurationProperties(prefix = "silent-deals.nudges")
record NudgeProperties(String workingHours, String workingDays, int maxPerRepPerDay, String sellerCompany,
                       int reminderBusinessDays, Duration revisitCheckInterval, ZoneId defaultTimeZone) {

    @ConstructorBinding
    NudgeProperties {
        reminderBusinessDays = reminderBusinessDays <= 0 ? 3 : reminderBusinessDays;
        revisitCheckInterval = revisitCheckInterval == null ? Duration.ofMinutes(15) : revisitCheckInterval;
        defaultTimeZone = defaultTimeZone == null ? ZoneId.of("UTC") : defaultTimeZone;
        workingHours = workingHours == null || workingHours.isBlank() ? "09:00-17:00" : workingHours;
        workingDays = workingDays == null || workingDays.isBlank() ? "MON-FRI" : workingDays;
        maxPerRepPerDay = maxPerRepPerDay <= 0 ? 3 : maxPerRepPerDay;
        sellerCompany = sellerCompany == null ? "" : sellerCompany.strip();
    }

    /** The nudge settings alone, with the defaults for reminders, revisits and the time zone. */
    NudgeProperties(String workingHours, String workingDays, int maxPerRepPerDay, String sellerCompany) {
        this(workingHours, workingDays, maxPerRepPerDay, sellerCompany, 0, null, null);
    }

    WorkingHours hours() {
        return WorkingHours.parse(workingHours, workingDays);
    }
}
