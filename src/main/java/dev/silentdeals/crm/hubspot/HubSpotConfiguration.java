package dev.silentdeals.crm.hubspot;

import java.time.Clock;

import dev.silentdeals.crm.CrmAdapter;
import dev.silentdeals.crm.http.CrmHttpMetrics;
import dev.silentdeals.crm.http.Sleeper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provides the HubSpot adapter when {@code CRM_ADAPTER=hubspot}; fails at start without a token. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "silent-deals.crm", name = "adapter", havingValue = "hubspot")
@EnableConfigurationProperties(HubSpotProperties.class)
class HubSpotConfiguration {

    @Bean
    CrmAdapter hubSpotCrmAdapter(HubSpotProperties properties, MeterRegistry meterRegistry,
                                 ObjectProvider<Clock> clock) {
        return HubSpotCrmAdapter.create(properties, properties.resolveAccessToken(), Sleeper.real(),
                new CrmHttpMetrics(meterRegistry), clock.getIfAvailable(Clock::systemUTC));
    }
}
