package dev.silentdeals.crm.salesforce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.silentdeals.crm.http.CrmHttpClient;
import dev.silentdeals.crm.http.CrmHttpMetrics;
import dev.silentdeals.crm.http.CrmHttpPolicy;
import dev.silentdeals.crm.http.Sleeper;

/** Shared test material: fixtures, settings pointing at the stub, a recording sleeper and a clock we move. */
final class Fixtures {

    static final Instant MONDAY_9AM = Instant.parse("2025-06-02T09:00:00Z");
    static final String STATIC_TOKEN = "00DDn000001TEST!AQ0AQStaticTokenValue";

    private Fixtures() {
    }

    static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/crm/salesforce/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SalesforceProperties staticToken(String instanceUrl) {
        return settings(instanceUrl, STATIC_TOKEN, null, null, null, null, null);
    }

    static SalesforceProperties clientCredentials(String instanceUrl) {
        return settings(null, null, "3MVG9testConsumerKey", "test-consumer-secret",
                instanceUrl + "/services/oauth2/token", null, null);
    }

    static SalesforceProperties settings(String instanceUrl, String accessToken, String clientId, String clientSecret,
                                         String tokenUrl, String lossReasonField, Double stopShare) {
        return new SalesforceProperties(instanceUrl, accessToken, clientId, clientSecret, tokenUrl, null, null, null,
                null, lossReasonField, null, null, null, null, stopShare, null, null, null);
    }

    /** Short timeouts and three attempts; the sleeper records instead of sleeping. */
    static CrmHttpPolicy testPolicy() {
        return new CrmHttpPolicy(1000, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(500), 3,
                Duration.ofMillis(100), Duration.ofSeconds(30));
    }

    static CrmHttpClient http(RecordingSleeper sleeper) {
        return new CrmHttpClient("salesforce", testPolicy(), sleeper, CrmHttpMetrics.noop());
    }

    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }

    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
