package dev.silentdeals;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** silent-deals: turns prospects gone quiet into truths learned, not chases. */
@SpringBootApplication
public class SilentDealsApplication {

    /** The one clock every rule and job reads; tests register one they control before start. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(SilentDealsApplication.class, args);
    }
}
