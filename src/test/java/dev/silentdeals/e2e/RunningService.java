package dev.silentdeals.e2e;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.silentdeals.SilentDealsApplication;
import dev.silentdeals.testing.MutableClock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole service started the way `java -jar` starts it, on a random port, with the embedded Redis
 * under a test folder and a clock the test controls. Closing and starting again is a restart.
 */
public final class RunningService implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static RunningService start(Path dataDir, MutableClock clock, Map<String, String> extra) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("silent-deals.redis.data-dir", dataDir.toString());
        properties.put("silent-deals.crm.sync-interval", "1h");
        properties.put("silent-deals.silence.detection-interval", "1h");
        properties.put("spring.main.banner-mode", "off");
        properties.putAll(extra);
        SpringApplication app = new SpringApplicationBuilder(SilentDealsApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock)).build();
        // As command-line arguments, so they win over application.yml as an operator's settings would.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new RunningService(app.run(args));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
