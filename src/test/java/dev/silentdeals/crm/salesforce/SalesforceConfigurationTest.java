package dev.silentdeals.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.silentdeals.crm.CrmAdapter;

class SalesforceConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(SalesforceConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void withAStaticTokenTheSalesforceAdapterIsTheCrmAdapter() {
        context.withPropertyValues("silent-deals.crm.adapter=salesforce",
                        "silent-deals.crm.salesforce.instance-url=https://acme.my.salesforce.com",
                        "silent-deals.crm.salesforce.access-token=00Dxx!secret-token-value",
                        "silent-deals.crm.salesforce.sync-overlap=10m")
                .run(started -> {
                    assertThat(started).hasSingleBean(CrmAdapter.class);
                    assertThat(started.getBean(CrmAdapter.class).name()).isEqualTo("salesforce");
                    SalesforceProperties properties = started.getBean(SalesforceProperties.class);
                    assertThat(properties.syncOverlap()).hasMinutes(10);
                    assertThat(properties.apiVersion()).isEqualTo("v62.0");
                    assertThat(properties.toString()).doesNotContain("secret-token-value");
                    assertThat(started.getBean(MeterRegistry.class)
                            .find("silentdeals.crm.salesforce.api.usage.share").gauge()).isNotNull();
                });
    }

    @Test
    void withClientCredentialsTheTokenUrlDefaultsToTheInstance() {
        context.withPropertyValues("silent-deals.crm.adapter=salesforce",
                        "silent-deals.crm.salesforce.instance-url=https://acme.my.salesforce.com/",
                        "silent-deals.crm.salesforce.client-id=3MVGconsumerkey",
                        "silent-deals.crm.salesforce.client-secret=consumer-secret-value")
                .run(started -> assertThat(started.getBean(SalesforceProperties.class).effectiveTokenUrl())
                        .isEqualTo("https://acme.my.salesforce.com/services/oauth2/token"));
    }

    @Test
    void withoutCredentialsTheServiceRefusesToStartAndNamesTheVariables() {
        context.withPropertyValues("silent-deals.crm.adapter=salesforce")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("SALESFORCE_ACCESS_TOKEN")
                        .hasMessageContaining("SALESFORCE_CLIENT_ID"));
    }

    @Test
    void aClientIdWithoutItsSecretNamesTheMissingVariableButNoValue() {
        context.withPropertyValues("silent-deals.crm.adapter=salesforce",
                        "silent-deals.crm.salesforce.instance-url=https://acme.my.salesforce.com",
                        "silent-deals.crm.salesforce.client-id=3MVGconsumerkey")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("SALESFORCE_CLIENT_SECRET")
                        .hasMessageNotContaining("3MVGconsumerkey"));
    }

    @Test
    void anotherAdapterLeavesSalesforceAlone() {
        context.withPropertyValues("silent-deals.crm.adapter=file")
                .run(started -> assertThat(started).doesNotHaveBean(CrmAdapter.class));
    }
}
