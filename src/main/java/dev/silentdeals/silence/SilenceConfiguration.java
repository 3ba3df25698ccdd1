package dev.silentdeals.silence;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SilenceProperties.class)
class SilenceConfiguration {
}
