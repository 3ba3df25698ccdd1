package dev.silentdeals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SilentDealsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SilentDealsApplication.class, args);
    }
}
