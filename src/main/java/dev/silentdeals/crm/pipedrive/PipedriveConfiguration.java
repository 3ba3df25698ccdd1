package dev.silentdeals.crm.pipedrive;

import java.time.Clock;

import dev.silentdeals.crm.CrmAdapter;
import dev.silentdeals.crm.http.CrmHttpClient;
import dev.silentdeals.crm.http.CrmHttpMetrics;
import dev.silentdeals.crm.http.Sleeper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Pipedrive adapter when {@code CRM_ADAPTER=pipedrive}; fails at start-up if a credential is missing. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "silent-deals.crm", name = "adapter", havingValue = "pipedrive")
@EnableConfigurationProperties(PipedriveProperties.class)
class PipedriveConfiguration {

    @Bean
    CrmAdapter pipedriveCrmAdapter(PipedriveProperties properties, MeterRegistry meterRegistry, Clock clock) {
        String apiToken = properties.resolveApiToken();
        var apiUrl = properties.resolveApiUrl();
        Sleeper sleeper = Sleeper.real();
        CrmHttpClient http = new CrmHttpClient(PipedriveCrmAdapter.NAME, properties.httpPolicy(), sleeper,
                new CrmHttpMetrics(meterRegistry));
        return new PipedriveCrmAdapter(properties, apiToken, apiUrl, http, sleeper, clock);
    }
}
