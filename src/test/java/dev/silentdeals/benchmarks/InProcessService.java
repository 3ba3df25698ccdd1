package dev.silentdeals.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import dev.silentdeals.SilentDealsApplication;
import dev.silentdeals.testing.MutableClock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.Ordered;

/**
 * The real service in this JVM, on a random port, against the benchmark's Redis, with a clock the
 * benchmark sets and the Quartz scheduler off: nothing runs unless a benchmark calls it.
 */
final class InProcessService implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final EventTimes events;

    private InProcessService(ConfigurableApplicationContext context, EventTimes events) {
        this.context = context;
        this.events = events;
    }

    static InProcessService start(LoopbackRedis redis, MutableClock clock, Map<String, String> extra) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("silent-deals.redis.url", redis.uri().toString());
        properties.put("spring.quartz.auto-startup", "false");
        properties.put("silent-deals.crm.sync-interval", "24h");
        properties.put("silent-deals.silence.detection-interval", "24h");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        properties.putAll(extra);
        EventTimes events = new EventTimes();
        SpringApplication app = new SpringApplicationBuilder(SilentDealsApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
                .listeners(events)
                .build();
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new InProcessService(app.run(args), events);
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    EventTimes events() {
        return events;
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * Notes when each domain event is published (before any other listener runs: a synchronous listener,
     * such as the nudge dispatcher after a detection pass, would otherwise count as part of the pass) and
     * runs a benchmark's hook at that moment.
     */
    static final class EventTimes implements ApplicationListener<PayloadApplicationEvent<?>>, Ordered {

        private final Map<Class<?>, Long> lastNanos = new ConcurrentHashMap<>();
        private final Map<Class<?>, Consumer<Object>> hooks = new ConcurrentHashMap<>();

        @Override
        public void onApplicationEvent(PayloadApplicationEvent<?> event) {
            Object payload = event.getPayload();
            lastNanos.put(payload.getClass(), System.nanoTime());
            Consumer<Object> hook = hooks.get(payload.getClass());
            if (hook != null) {
                hook.accept(payload);
            }
        }

        long lastNanos(Class<?> type) {
            Long at = lastNanos.get(type);
            if (at == null) {
                throw new IllegalStateException("no " + type.getSimpleName() + " was published");
            }
            return at;
        }

        <T> void onEvent(Class<T> type, Consumer<T> hook) {
            hooks.put(type, payload -> hook.accept(type.cast(payload)));
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
