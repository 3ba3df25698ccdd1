package dev.silentdeals.nudges;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When nudges may go out (NUDGE_WORKING_HOURS, NUDGE_WORKING_DAYS, in each rep's time zone), how many a
 * rep gets a day at most (NUDGE_MAX_PER_REP_PER_DAY), and the seller's company name for the script
 * (SELLER_COMPANY_NAME; blank leaves it out).
 */
@ConfigurationProperties(prefix = "silent-deals.nudges")
record NudgeProperties(String workingHours, String workingDays, int maxPerRepPerDay, String sellerCompany) {

    NudgeProperties {
        workingHours = workingHours == null || workingHours.isBlank() ? "09:00-17:00" : workingHours;
        workingDays = workingDays == null || workingDays.isBlank() ? "MON-FRI" : workingDays;
        maxPerRepPerDay = maxPerRepPerDay <= 0 ? 3 : maxPerRepPerDay;
        sellerCompany = sellerCompany == null ? "" : sellerCompany.strip();
    }

    WorkingHours hours() {
        return WorkingHours.parse(workingHours, workingDays);
    }
}
