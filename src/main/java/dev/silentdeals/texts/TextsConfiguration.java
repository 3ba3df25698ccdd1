package dev.silentdeals.texts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TextsConfiguration {

    @Bean
    Texts texts() {
        return Texts.english();
    }
}
