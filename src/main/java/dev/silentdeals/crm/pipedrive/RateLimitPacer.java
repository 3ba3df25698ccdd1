package dev.silentdeals.crm.pipedrive;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import dev.silentdeals.crm.http.CrmUnavailableException;
import dev.silentdeals.crm.http.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down before Pipedrive has to say 429. Every answer carries {@code x-ratelimit-remaining} (calls left in
 * the current 2-second window) and {@code x-ratelimit-reset} (seconds until it refills): when nothing is left we
 * wait out the window. {@code x-daily-requests-left} (writes left today for an API token) is only reported:
 * waiting would not refill it before midnight UTC, and write-back is retried by its caller anyway.
 */
final class RateLimitPacer {

    private static final Logger log = LoggerFactory.getLogger(RateLimitPacer.class);
    private static final long LOW_DAILY_WRITES = 50;
    private static final Duration DEFAULT_WINDOW = Duration.ofSeconds(2);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    private final Sleeper sleeper;
    private boolean dailyWarningGiven;

    RateLimitPacer(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    synchronized void observe(Map<String, List<String>> headers) {
        OptionalLong remaining = header(headers, "x-ratelimit-remaining");
        if (remaining.isPresent() && remaining.getAsLong() <= 0) {
            OptionalLong reset = header(headers, "x-ratelimit-reset");
            Duration wait = reset.isPresent() ? Duration.ofSeconds(Math.max(1, reset.getAsLong())) : DEFAULT_WINDOW;
            if (wait.compareTo(LONGEST_WAIT) > 0) {
                wait = LONGEST_WAIT;
            }
            log.debug("Pipedrive burst budget used up; waiting {} for the window to refill", wait);
            pause(wait);
        }
        OptionalLong dailyLeft = header(headers, "x-daily-requests-left");
        if (dailyLeft.isPresent()) {
            if (dailyLeft.getAsLong() <= LOW_DAILY_WRITES && !dailyWarningGiven) {
                dailyWarningGiven = true;
                log.warn("Pipedrive reports only {} write requests left today for this API token; write-back may be "
                        + "refused with 429 until the budget resets at midnight UTC", dailyLeft.getAsLong());
            } else if (dailyLeft.getAsLong() > LOW_DAILY_WRITES) {
                dailyWarningGiven = false;
            }
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmUnavailableException("pipedrive request interrupted");
        }
    }

    private static OptionalLong header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (name.equalsIgnoreCase(entry.getKey()) && !entry.getValue().isEmpty()) {
                try {
                    return OptionalLong.of(Long.parseLong(entry.getValue().get(0).strip()));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }
}
