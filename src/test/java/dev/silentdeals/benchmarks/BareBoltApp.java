package dev.silentdeals.benchmarks;

import java.net.InetAddress;
import java.util.regex.Pattern;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;

/**
 * The physical reference for acks: a Bolt app that verifies the signature and acks, nothing else, served
 * the way the service serves Bolt (SlackAppServlet at /slack/events in an embedded Tomcat).
 */
final class BareBoltApp implements AutoCloseable {

    private final WebServer server;

    private BareBoltApp(WebServer server) {
        this.server = server;
    }

    static BareBoltApp start(String apiUrl, String botToken, String signingSecret) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl);
        App app = new App(AppConfig.builder().slack(Slack.getInstance(config)).singleTeamBotToken(botToken)
                .signingSecret(signingSecret).build());
        app.command("/silent-deals", (req, ctx) -> ctx.ack());
        app.blockAction(Pattern.compile(".*"), (req, ctx) -> ctx.ack());
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        factory.setAddress(InetAddress.getLoopbackAddress());
        WebServer server = factory.getWebServer(context ->
                context.addServlet("slack", new SlackAppServlet(app)).addMapping("/slack/events"));
        server.start();
        return new BareBoltApp(server);
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.stop();
    }
}
