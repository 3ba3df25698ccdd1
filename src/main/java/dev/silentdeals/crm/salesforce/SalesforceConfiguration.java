package dev.silentdeals.crm.salesforce;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.silentdeals.crm.CrmAdapter;
import dev.silentdeals.crm.http.CrmHttpClient;
import dev.silentdeals.crm.http.CrmHttpMetrics;
import dev.silentdeals.crm.http.Sleeper;

/** Wires the Salesforce adapter when {@code CRM_ADAPTER=salesforce}; refuses to start without credentials. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "silent-deals.crm", name = "adapter", havingValue = "salesforce")
@EnableConfigurationProperties(SalesforceProperties.class)
class SalesforceConfiguration {

    @Bean
    CrmAdapter salesforceCrmAdapter(SalesforceProperties properties, MeterRegistry meterRegistry, Clock clock) {
        properties.validate();
        CrmHttpClient http = new CrmHttpClient("salesforce", properties.httpPolicy(), Sleeper.real(),
                new CrmHttpMetrics(meterRegistry));
        SalesforceCrmAdapter adapter = new SalesforceCrmAdapter(properties, http, clock);
        adapter.apiUsage().bindTo(meterRegistry);
        return adapter;
    }
}
