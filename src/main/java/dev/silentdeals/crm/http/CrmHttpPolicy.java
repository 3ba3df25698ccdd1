package dev.silentdeals.crm.http;

import java.time.Duration;

/**
 * How patient a CRM client is: its client-side budget ({@code requestsPerWindow} per {@code window}),
 * timeouts, and how many attempts a request gets before the sync gives up on this pass.
 */
public record CrmHttpPolicy(int requestsPerWindow, Duration window, Duration connectTimeout, Duration requestTimeout,
                            int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public CrmHttpPolicy withRequestTimeout(Duration timeout) {
        return new CrmHttpPolicy(requestsPerWindow, window, connectTimeout, timeout, maxAttempts, initialBackoff,
                maxBackoff);
    }
}
