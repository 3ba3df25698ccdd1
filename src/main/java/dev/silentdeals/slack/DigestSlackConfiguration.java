package dev.silentdeals.slack;

import java.nio.file.Path;

import dev.silentdeals.digests.DigestDelivery;
import dev.silentdeals.digests.TeamViews;
import dev.silentdeals.texts.Texts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Digests in Slack: where they are posted (the team's channel, or the console in preview mode) and the
 * {@code /silent-deals digest} and {@code /silent-deals team} subcommands.
 */
@Configuration(proxyBeanMethods = false)
class DigestSlackConfiguration {

    @Bean
    DigestDelivery digestDelivery(SlackProperties properties, SlackGateway gateway,
                                  @Value("${silent-deals.redis.data-dir:./data}") String dataDir) {
        return properties.mode() == SlackProperties.Mode.PREVIEW
                ? new DigestPreviewDelivery(System.out, Path.of(dataDir, "digests"))
                : new DigestChannelDelivery(gateway);
    }

    @Bean
    DigestSubcommand digestSubcommand(TeamViews views, Texts texts) {
        return new DigestSubcommand(views, texts);
    }

    @Bean
    TeamSubcommand teamSubcommand(TeamViews views, Texts texts) {
        return new TeamSubcommand(views, texts);
    }
}
