package dev.silentdeals.crm.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP client every CRM adapter shares: a client-side rate limit (Bucket4j) sized to the vendor's
 * documented budget, 429 handling that honours {@code Retry-After}, and bounded retries with
 * exponential backoff for 5xx answers and timeouts. Request headers are never logged (they carry tokens).
 */
public final class CrmHttpClient {

    private static final Logger log = LoggerFactory.getLogger(CrmHttpClient.class);

    private final String vendor;
    private final HttpClient http;
    private final CrmHttpPolicy policy;
    private final Sleeper sleeper;
    private final Bucket bucket;
    private final CrmHttpMetrics metrics;

    public CrmHttpClient(String vendor, CrmHttpPolicy policy, Sleeper sleeper, CrmHttpMetrics metrics) {
        this.vendor = vendor;
        this.policy = policy;
        this.sleeper = sleeper;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().connectTimeout(policy.connectTimeout()).build();
        this.bucket = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(policy.requestsPerWindow())
                        .refillGreedy(policy.requestsPerWindow(), policy.window()).build())
                .build();
    }

    public CrmHttpResponse get(URI uri, Map<String, String> headers) {
        return send("GET", uri, headers, null);
    }

    public CrmHttpResponse post(URI uri, Map<String, String> headers, String jsonBody) {
        return send("POST", uri, headers, jsonBody);
    }

    public CrmHttpResponse patch(URI uri, Map<String, String> headers, String jsonBody) {
        return send("PATCH", uri, headers, jsonBody);
    }

    public CrmHttpResponse put(URI uri, Map<String, String> headers, String jsonBody) {
        return send("PUT", uri, headers, jsonBody);
    }

    /**
     * A form-encoded POST (OAuth token endpoints accept nothing else), with the same limits and retries.
     * The body may carry a client secret: like headers, it is never logged.
     */
    public CrmHttpResponse postForm(URI uri, Map<String, String> headers, String formBody) {
        return send("POST", uri, headers, formBody, "application/x-www-form-urlencoded");
    }

    /**
     * Sends the request, retrying what is worth retrying. Returns the last response (which may still be
     * a 4xx the caller must judge); throws {@link CrmUnavailableException} when every attempt failed
     * with a timeout, an I/O error, a 429 or a 5xx.
     */
    public CrmHttpResponse send(String method, URI uri, Map<String, String> headers, String jsonBody) {
        return send(method, uri, headers, jsonBody, "application/json");
    }

    private CrmHttpResponse send(String method, URI uri, Map<String, String> headers, String body,
                                 String contentType) {
        String lastProblem = "";
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            waitForRateLimit();
            HttpRequest request = buildRequest(method, uri, headers, body, contentType);
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                metrics.requested(vendor, status);
                if (status == 429) {
                    Duration wait = retryAfter(response).orElse(backoff(attempt));
                    lastProblem = "429 Too Many Requests";
                    log.warn("{} rate-limited us on {} {}; waiting {} (attempt {}/{})", vendor, method,
                            uri.getPath(), wait, attempt, policy.maxAttempts());
                    pause(wait);
                    continue;
                }
                if (status >= 500 && !safeToRepeat(method, uri)) {
                    log.warn("{} answered {} on {} {}; not repeating a write that may have happened", vendor, status,
                            method, uri.getPath());
                    throw new CrmUnavailableException(vendor + " answered " + status + " on " + method + " "
                            + uri.getPath() + "; the write is retried later, after checking it did not happen");
                }
                if (status >= 500) {
                    lastProblem = "HTTP " + status;
                    log.warn("{} answered {} on {} {} (attempt {}/{})", vendor, status, method, uri.getPath(),
                            attempt, policy.maxAttempts());
                    pause(backoff(attempt));
                    continue;
                }
                return new CrmHttpResponse(status, response.body(), response.headers().map());
            } catch (HttpTimeoutException e) {
                metrics.failed(vendor, "timeout");
                if (!safeToRepeat(method, uri)) {
                    throw new CrmUnavailableException(vendor + " timed out on " + method + " " + uri.getPath()
                            + "; the write is retried later, after checking it did not happen");
                }
                lastProblem = "timeout";
                log.warn("{} timed out on {} {} (attempt {}/{})", vendor, method, uri.getPath(), attempt,
                        policy.maxAttempts());
                pause(backoff(attempt));
            } catch (IOException e) {
                metrics.failed(vendor, "io");
                lastProblem = e.getClass().getSimpleName();
                log.warn("{} I/O error on {} {}: {} (attempt {}/{})", vendor, method, uri.getPath(),
                        e.getClass().getSimpleName(), attempt, policy.maxAttempts());
                pause(backoff(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CrmUnavailableException(vendor + " request interrupted");
            }
        }
        throw new CrmUnavailableException(vendor + " did not answer " + method + " " + uri.getPath() + " after "
                + policy.maxAttempts() + " attempts (" + lastProblem + ")");
    }

    /**
     * Reads may be repeated after a 5xx or a timeout; a creating POST may not, since the CRM may have done it
     * before failing. Those surface at once, and the write-back queue retries after the adapter's own
     * "already written?" check. POSTs that only read (search, batch read, token) are safe.
     */
    static boolean safeToRepeat(String method, URI uri) {
        if (!"POST".equals(method)) {
            return true;
        }
        String path = uri.getPath();
        return path.endsWith("/search") || path.contains("/batch/read") || path.contains("/oauth2/token")
                || path.endsWith("/token");
    }

    private HttpRequest buildRequest(String method, URI uri, Map<String, String> headers, String body,
                                     String contentType) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(policy.requestTimeout())
                .header("Accept", "application/json");
        headers.forEach(builder::header);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return builder.build();
    }

    private void waitForRateLimit() {
        try {
            bucket.asBlocking().consume(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmUnavailableException(vendor + " request interrupted");
        }
    }

    private Duration backoff(int attempt) {
        long millis = policy.initialBackoff().toMillis() * (1L << Math.min(attempt - 1, 10));
        return Duration.ofMillis(Math.min(millis, policy.maxBackoff().toMillis()));
    }

    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                return Optional.of(Duration.ofSeconds(Math.min(seconds, policy.maxBackoff().toSeconds())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmUnavailableException(vendor + " request interrupted");
        }
    }
}
