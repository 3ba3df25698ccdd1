package dev.silentdeals.slack;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import dev.silentdeals.deals.DealStore;
import dev.silentdeals.nudges.NudgeComposer;
import dev.silentdeals.nudges.NudgeDelivery;
import dev.silentdeals.nudges.RepWorkingHours;
import dev.silentdeals.nudges.Revisits;
import dev.silentdeals.reps.RepDirectory;
import dev.silentdeals.reps.RepLookup;
import dev.silentdeals.silence.EpisodeStore;
import dev.silentdeals.silence.Pausing;
import dev.silentdeals.silence.SilenceDetection;
import dev.silentdeals.teams.Teams;
import dev.silentdeals.texts.Texts;
import dev.silentdeals.truth.TruthRecording;
import dev.silentdeals.truth.TruthStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Wires Slack: the Web API client (pointed at SLACK_API_URL), the Bolt app with its listeners, and how it
 * is reached (HTTP endpoint at /slack/events, or Socket Mode). Without credentials, preview mode prints
 * nudges instead of sending them. OAuth mode (many workspaces) adds {@link SlackOAuthConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlackProperties.class)
class SlackConfiguration {

    @Bean
    SlackClient slackClient(SlackProperties properties) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(properties.apiUrl());
        config.setPrettyResponseLoggingEnabled(false);
        config.setLibraryMaintainerMode(false);
        return new SlackClient(config);
    }

    /** One workspace (or preview): every call uses SLACK_BOT_TOKEN. OAuth mode has its own provider. */
    @Bean
    @Conditional(SlackModeCondition.SingleToken.class)
    TokenProvider configuredBotToken(SlackProperties properties) {
        return TokenProvider.configured(properties.botToken());
    }

    @Bean
    SlackGateway slackGateway(SlackClient slackClient, TokenProvider tokens, MeterRegistry meters) {
        return new SlackGateway(slackClient, tokens, meters);
    }

    @Bean
    NudgeMessages nudgeMessages(Texts texts) {
        return new NudgeMessages(texts);
    }

    @Bean
    Modals modals(Texts texts, NudgeMessages messages) {
        return new Modals(texts, messages);
    }

    @Bean
    DealMessages dealMessages(SlackGateway gateway, DealStore deals, RepDirectory reps, NudgeComposer composer,
                              NudgeMessages messages, Texts texts) {
        return new DealMessages(gateway, deals, reps, composer, messages, texts);
    }

    @Bean
    RepLookup repLookup(SlackProperties properties, SlackGateway gateway,
                        @Value("${silent-deals.silence.default-time-zone:UTC}") ZoneId fallbackZone) {
        return properties.mode() == SlackProperties.Mode.PREVIEW ? new PreviewRepLookup()
                : new SlackRepLookup(gateway, fallbackZone);
    }

    @Bean
    NudgeDelivery nudgeDelivery(SlackProperties properties, SlackGateway gateway, NudgeMessages messages, Texts texts,
                                @Value("${silent-deals.nudges.working-hours:09:00-17:00}") String workingHours) {
        return properties.mode() == SlackProperties.Mode.PREVIEW
                ? new PreviewNudgeDelivery(texts, System.out, workingHours)
                : new SlackNudgeDelivery(gateway, messages);
    }

    /** Work done after Slack has its ack: DM updates, one-click recordings. Drained on shutdown. */
    @Bean
    ThreadPoolTaskExecutor slackAfterAckExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("slack-after-ack-");
        executor.setCorePoolSize(4);
        executor.setMaxPoolSize(8);
        executor.setQueueCapacity(10_000);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(20);
        return executor;
    }

    /**
     * Opening modals after the ack: a lane of its own so a views.open never queues behind follow-ups (its
     * trigger id is good for 3 seconds). Threads come as needed and go when idle.
     */
    @Bean
    ThreadPoolTaskExecutor slackModalExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("slack-modal-");
        executor.setCorePoolSize(16);
        executor.setMaxPoolSize(16);
        executor.setAllowCoreThreadTimeOut(true);
        executor.setQueueCapacity(256);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(5);
        return executor;
    }

    @Bean
    AfterAck afterAck(ThreadPoolTaskExecutor slackModalExecutor, ThreadPoolTaskExecutor slackAfterAckExecutor) {
        return new AfterAck(slackModalExecutor, slackAfterAckExecutor);
    }

    @Bean
    SlackWorkspace slackWorkspace(SlackProperties properties, SlackGateway gateway,
                                  dev.silentdeals.workspaces.Workspaces workspaces) {
        return new SlackWorkspace(properties, gateway, workspaces);
    }

    @Bean
    NudgeActionListener nudgeActionListener(TruthRecording recording, DealStore deals, EpisodeStore episodes,
                                            SilenceDetection detection, RepDirectory reps, NudgeComposer composer,
                                            Modals modals, DealMessages dealMessages, SlackGateway gateway,
                                            AppHome appHome, Texts texts, AfterAck afterAck) {
        return new NudgeActionListener(recording, deals, episodes, detection, reps, composer, modals, dealMessages,
                gateway, appHome, texts, afterAck);
    }

    @Bean
    ModalSubmissionListener modalSubmissionListener(TruthRecording recording, Pausing pausing,
                                                    DealMessages dealMessages, AppHome appHome, Texts texts,
                                                    AfterAck afterAck) {
        return new ModalSubmissionListener(recording, pausing, dealMessages, appHome, texts, afterAck);
    }

    @Bean
    DealList dealList(Texts texts) {
        return new DealList(texts);
    }

    @Bean
    SilentDealsCommandListener silentDealsCommandListener(SilenceDetection detection, RepDirectory reps, DealList list,
                                                          Texts texts,
                                                          @Value("${silent-deals.nudges.max-per-rep-per-day:3}") int cap,
                                                          List<SilentDealsSubcommand> subcommands, AfterAck afterAck) {
        return new SilentDealsCommandListener(detection, reps, list, texts, cap, subcommands, afterAck);
    }

    @Bean
    AllDealsSubcommand allDealsSubcommand(SilenceDetection detection, Revisits revisits, RepDirectory reps,
                                          DealList list, Texts texts,
                                          @Value("${silent-deals.nudges.max-per-rep-per-day:3}") int cap, Clock clock,
                                          AfterAck afterAck) {
        return new AllDealsSubcommand(detection, revisits, reps, list, texts, cap, clock, afterAck);
    }

    @Bean
    RepDealsSubcommand repDealsSubcommand(SilenceDetection detection, RepDirectory reps, Teams teams, DealList list,
                                          Texts texts, AfterAck afterAck) {
        return new RepDealsSubcommand(detection, reps, teams, list, texts, afterAck);
    }

    @Bean
    AppHome appHome(SilenceDetection detection, RepDirectory reps, TruthStore truths, EpisodeStore episodes,
                    Revisits revisits, RepWorkingHours hours, DealList list, Texts texts, SlackGateway gateway,
                    Clock clock) {
        return new AppHome(detection, reps, truths, episodes, revisits, hours, new AppHomeView(texts, list), gateway,
                clock);
    }

    @Bean
    AppHomeListener appHomeListener(AppHome appHome, AfterAck afterAck) {
        return new AppHomeListener(appHome, afterAck);
    }

    @Bean
    ResumeActionListener resumeActionListener(Pausing pausing, DealStore deals, AppHome appHome, SlackGateway gateway,
                                              Texts texts, AfterAck afterAck) {
        return new ResumeActionListener(pausing, deals, appHome, gateway, texts, afterAck);
    }

    @Bean
    WorkingHoursListener workingHoursListener(RepWorkingHours hours, RepDirectory reps, Modals modals, AppHome appHome,
                                              SlackGateway gateway, Texts texts,
                                              @Value("${silent-deals.silence.default-time-zone:UTC}") ZoneId fallbackZone,
                                              AfterAck afterAck) {
        return new WorkingHoursListener(hours, reps, modals, appHome, gateway, texts, fallbackZone, afterAck);
    }

    @Bean
    @Conditional(SlackModeCondition.Connected.class)
    App slackApp(SlackProperties properties, SlackClient slackClient, List<SlackListener> listeners,
                 ObjectProvider<OAuthInstallFlow> oauth) {
        Slack slack = slackClient.get();
        App app = properties.mode() == SlackProperties.Mode.OAUTH ? oauth.getObject().app(slack)
                : new App(singleWorkspace(properties, slack));
        listeners.forEach(listener -> listener.register(app));
        return app;
    }

    private static AppConfig singleWorkspace(SlackProperties properties, Slack slack) {
        boolean http = properties.mode() == SlackProperties.Mode.HTTP;
        // No client id or secret: Bolt would otherwise take them from the environment and expect installations.
        return AppConfig.builder().slack(slack).singleTeamBotToken(properties.botToken())
                .signingSecret(http ? properties.signingSecret() : null).requestVerificationEnabled(http)
                .clientId(null).clientSecret(null)
                .build();
    }

    @Bean
    @Conditional(SlackModeCondition.Http.class)
    ServletRegistrationBean<SlackAppServlet> slackEventsServlet(App slackApp) {
        return new ServletRegistrationBean<>(new SlackAppServlet(slackApp), "/slack/events");
    }

    @Bean(initMethod = "startAsync", destroyMethod = "close")
    @Conditional(SlackModeCondition.Socket.class)
    SocketModeApp socketModeApp(SlackProperties properties, App slackApp) throws Exception {
        return new SocketModeApp(properties.appToken(), slackApp, SocketModeClient.Backend.JavaWebSocket);
    }

    @Bean
    SlackHealthIndicator slackHealthIndicator(SlackWorkspace workspace) {
        return new SlackHealthIndicator(workspace);
    }
}
