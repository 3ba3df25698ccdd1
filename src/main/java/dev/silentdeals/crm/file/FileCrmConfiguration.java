package dev.silentdeals.crm.file;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** The file CRM is the default adapter: it runs unless {@code CRM_ADAPTER} names another one. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "silent-deals.crm", name = "adapter", havingValue = "file", matchIfMissing = true)
@EnableConfigurationProperties(FileCrmProperties.class)
class FileCrmConfiguration {

    @Bean
    FileCrmAdapter fileCrmAdapter(FileCrmProperties properties, ResourceLoader resourceLoader,
                                  ObjectProvider<Clock> clock) {
        return new FileCrmAdapter(properties.deals(), properties.touches(), resourceLoader,
                clock.getIfAvailable(Clock::systemUTC));
    }
}
