package dev.silentdeals.crm.pipedrive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import dev.silentdeals.crm.CrmAdapter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PipedriveConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PipedriveConfiguration.class)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void providesThePipedriveAdapterWhenSelected() {
        runner.withPropertyValues("silent-deals.crm.adapter=pipedrive",
                        "silent-deals.crm.pipedrive.api-token=" + PipedriveStub.TOKEN,
                        "silent-deals.crm.pipedrive.api-url=https://acme.pipedrive.com/api/")
                .run(context -> {
                    assertThat(context).hasSingleBean(CrmAdapter.class);
                    assertThat(context.getBean(CrmAdapter.class).name()).isEqualTo("pipedrive");
                    assertThat(context.getBean(PipedriveProperties.class).toString())
                            .doesNotContain(PipedriveStub.TOKEN);
                });
    }

    @Test
    void failsAtStartNamingTheMissingTokenVariable() {
        runner.withPropertyValues("silent-deals.crm.adapter=pipedrive",
                        "silent-deals.crm.pipedrive.api-url=https://acme.pipedrive.com/api")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("PIPEDRIVE_API_TOKEN"));
    }

    @Test
    void failsAtStartNamingTheMissingUrlVariable() {
        runner.withPropertyValues("silent-deals.crm.adapter=pipedrive",
                        "silent-deals.crm.pipedrive.api-token=" + PipedriveStub.TOKEN)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("PIPEDRIVE_API_URL")
                        .message().doesNotContain(PipedriveStub.TOKEN));
    }

    @Test
    void readsTheTokenFromAMountedSecretFile(@TempDir Path secrets) throws IOException {
        Path tokenFile = Files.writeString(secrets.resolve("pipedrive-token"), PipedriveStub.TOKEN + "\n");

        runner.withPropertyValues("silent-deals.crm.adapter=pipedrive",
                        "silent-deals.crm.pipedrive.api-token-file=" + tokenFile,
                        "silent-deals.crm.pipedrive.api-url=https://acme.pipedrive.com/api")
                .run(context -> {
                    assertThat(context).hasSingleBean(CrmAdapter.class);
                    assertThat(context.getBean(PipedriveProperties.class).resolveApiToken())
                            .isEqualTo(PipedriveStub.TOKEN);
                });
    }

    @Test
    void staysOutOfTheWayForAnotherAdapter() {
        runner.withPropertyValues("silent-deals.crm.adapter=file")
                .run(context -> assertThat(context).doesNotHaveBean(CrmAdapter.class));
    }
}
