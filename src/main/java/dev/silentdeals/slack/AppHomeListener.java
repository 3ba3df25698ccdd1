package dev.silentdeals.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;

/**
 * {@code app_home_opened}: publishes the rep's Home tab. Slack gets its ack at once; the view is built and
 * published right after. The Messages tab opening fires the same event and is left alone.
 */
class AppHomeListener implements SlackListener {

    private final AppHome home;
    private final AfterAck afterAck;

    AppHomeListener(AppHome home, AfterAck afterAck) {
        this.home = home;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent event = payload.getEvent();
            if (event != null && "home".equals(event.getTab()) && event.getUser() != null) {
                String team = payload.getTeamId();
                afterAck.followUp("publish the App Home of " + event.getUser(),
                        () -> home.publish(team, event.getUser()));
            }
            return ctx.ack();
        });
    }
}
