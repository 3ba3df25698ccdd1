package dev.silentdeals.crm.pipedrive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.silentdeals.crm.http.CrmHttpClient;
import dev.silentdeals.crm.http.CrmHttpMetrics;
import dev.silentdeals.crm.http.CrmHttpPolicy;
import dev.silentdeals.crm.http.Sleeper;

/** Builds an adapter against the stub with a fixed clock and a sleeper that records instead of sleeping. */
final class PipedriveTestSupport {

    static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");

    private PipedriveTestSupport() {
    }

    static final class RecordingSleeper implements Sleeper {

        private final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }

        List<Duration> waits() {
            return List.copyOf(waits);
        }
    }

    static PipedriveProperties properties(Map<String, String> lostReasons) {
        return new PipedriveProperties(PipedriveStub.TOKEN, null, null, 1000, 50, Duration.ofDays(30),
                Duration.ofMinutes(2), Duration.ofSeconds(5), lostReasons);
    }

    /** Generous burst budget and short timeouts so tests neither wait on the bucket nor hang. */
    static CrmHttpPolicy policy(Duration requestTimeout) {
        return new CrmHttpPolicy(1000, Duration.ofSeconds(1), Duration.ofSeconds(2), requestTimeout, 3,
                Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    static PipedriveCrmAdapter adapter(PipedriveStub stub, RecordingSleeper sleeper) {
        return adapter(stub, sleeper, Duration.ofSeconds(5), Map.of());
    }

    static PipedriveCrmAdapter adapter(PipedriveStub stub, RecordingSleeper sleeper, Duration requestTimeout,
                                       Map<String, String> lostReasons) {
        CrmHttpClient http = new CrmHttpClient("pipedrive", policy(requestTimeout), sleeper, CrmHttpMetrics.noop());
        return new PipedriveCrmAdapter(properties(lostReasons), PipedriveStub.TOKEN, stub.apiUrl(), http, sleeper,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Stages and users every sync with deals needs. */
    static void directory(PipedriveStub stub) {
        stub.on("GET", "/api/v2/stages", PipedriveStub.json("stages.json"));
        stub.on("GET", "/api/v1/users", PipedriveStub.json("users.json"));
    }
}
