package dev.silentdeals.crm.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.silentdeals.crm.CrmAdapter;
import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.silentdeals.crm.file.LocationsTest.ONE_DEAL;
import static dev.silentdeals.crm.file.LocationsTest.ONE_TOUCH;
import static org.assertj.core.api.Assertions.assertThat;

class FileCrmConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(FileCrmConfiguration.class);

    @TempDir
    Path dir;

    @Test
    void theFileAdapterIsTheDefaultAndReadsTheBundledSample() {
        context.run(app -> {
            assertThat(app).hasSingleBean(CrmAdapter.class);
            CrmAdapter adapter = app.getBean(CrmAdapter.class);
            assertThat(adapter.name()).isEqualTo("file");
            assertThat(adapter.changesSince(CrmCursor.initial()).deals()).hasSizeGreaterThanOrEqualTo(28);
        });
    }

    @Test
    void anotherAdapterNameLeavesTheFileAdapterOut() {
        context.withPropertyValues("silent-deals.crm.adapter=hubspot")
                .run(app -> assertThat(app).doesNotHaveBean(CrmAdapter.class));
    }

    @Test
    void configuredLocationsAndTheApplicationClockAreUsed() throws IOException {
        Path deals = Files.writeString(dir.resolve("deals.csv"), ONE_DEAL, StandardCharsets.UTF_8);
        Path touches = Files.writeString(dir.resolve("touches.csv"), ONE_TOUCH, StandardCharsets.UTF_8);

        context.withPropertyValues("silent-deals.crm.adapter=file",
                        "silent-deals.crm.file.deals=" + deals, "silent-deals.crm.file.touches=file:" + touches)
                .withBean(Clock.class, () -> Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC))
                .run(app -> {
                    var changes = app.getBean(CrmAdapter.class).changesSince(CrmCursor.initial());
                    assertThat(changes.deals()).extracting(CrmDeal::id).containsExactly("F-1");
                    assertThat(changes.touches()).extracting(CrmTouch::at)
                            .containsExactly(Instant.parse("2026-11-29T00:00:00Z"));
                });
    }

    @Test
    void blankLocationsFallBackToTheSample() {
        assertThat(new FileCrmProperties(" ", null))
                .isEqualTo(new FileCrmProperties(FileCrmProperties.SAMPLE_DEALS, FileCrmProperties.SAMPLE_TOUCHES));
    }
}
