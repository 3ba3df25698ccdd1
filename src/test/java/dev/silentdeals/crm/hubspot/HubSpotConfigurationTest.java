package dev.silentdeals.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import dev.silentdeals.crm.CrmAdapter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class HubSpotConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(HubSpotConfiguration.class)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void withAdapterHubspotAndATokenTheHubSpotAdapterIsTheCrmAdapter() {
        context.withPropertyValues("silent-deals.crm.adapter=hubspot",
                        "silent-deals.crm.hubspot.access-token=pat-eu1-secret",
                        "silent-deals.crm.hubspot.closed-lost-stage=lost-for-good")
                .run(app -> {
                    assertThat(app).hasSingleBean(CrmAdapter.class);
                    assertThat(app.getBean(CrmAdapter.class).name()).isEqualTo("hubspot");
                    HubSpotProperties properties = app.getBean(HubSpotProperties.class);
                    assertThat(properties.closedLostStage()).isEqualTo("lost-for-good");
                    assertThat(properties.apiUrl()).hasToString("https://api.hubapi.com");
                    assertThat(properties.requestsPerTenSeconds()).isEqualTo(100);
                    assertThat(properties.fullSyncEvery()).isEqualTo(Duration.ofHours(24));
                    assertThat(properties.toString()).doesNotContain("pat-eu1-secret");
                });
    }

    @Test
    void zeroTurnsTheForcedFullPassOff() {
        context.withPropertyValues("silent-deals.crm.adapter=hubspot",
                        "silent-deals.crm.hubspot.access-token=pat-eu1-secret",
                        "silent-deals.crm.hubspot.full-sync-every=0")
                .run(app -> assertThat(app.getBean(HubSpotProperties.class).fullSyncEvery()).isZero());
    }

    @Test
    void aMissingTokenStopsTheStartNamingTheVariableNotAValue() {
        context.withPropertyValues("silent-deals.crm.adapter=hubspot", "silent-deals.crm.hubspot.access-token=")
                .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("HUBSPOT_ACCESS_TOKEN"));
    }

    @Test
    void theTokenMayComeFromAMountedSecretFile(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("hubspot-token"), "pat-eu1-from-file\n");

        context.withPropertyValues("silent-deals.crm.adapter=hubspot",
                        "silent-deals.crm.hubspot.access-token-file=" + secret)
                .run(app -> {
                    assertThat(app).hasSingleBean(CrmAdapter.class);
                    assertThat(app.getBean(HubSpotProperties.class).resolveAccessToken())
                            .isEqualTo("pat-eu1-from-file");
                });
    }

    @Test
    void withoutAClockBeanTheAdapterUsesTheSystemClock() {
        new ApplicationContextRunner().withUserConfiguration(HubSpotConfiguration.class)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("silent-deals.crm.adapter=hubspot",
                        "silent-deals.crm.hubspot.access-token=pat-eu1-secret")
                .run(app -> assertThat(app).hasSingleBean(CrmAdapter.class));
    }

    @Test
    void anotherAdapterLeavesHubSpotOut() {
        context.withPropertyValues("silent-deals.crm.adapter=file")
                .run(app -> assertThat(app).doesNotHaveBean(CrmAdapter.class));
    }
}
