package dev.silentdeals.slack;

import java.util.Map;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.silentdeals.deals.DealStore;
import dev.silentdeals.deals.StoredDeal;
import dev.silentdeals.silence.PauseResult;
import dev.silentdeals.silence.Pausing;
import dev.silentdeals.texts.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * *Resume now* on a paused deal, from {@code /silent-deals all} or the App Home: only the owner may; the
 * deal is judged afresh at the next detection pass (and nudged only if it is still silent then).
 */
class ResumeActionListener implements SlackListener {

    private static final Logger log = LoggerFactory.getLogger(ResumeActionListener.class);

    private final Pausing pausing;
    private final DealStore deals;
    private final AppHome home;
    private final SlackGateway gateway;
    private final Texts texts;
    private final AfterAck afterAck;

    ResumeActionListener(Pausing pausing, DealStore deals, AppHome home, SlackGateway gateway, Texts texts,
                         AfterAck afterAck) {
        this.pausing = pausing;
        this.deals = deals;
        this.home = home;
        this.gateway = gateway;
        this.texts = texts;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.blockAction(ActionIds.RESUME, this::resume);
    }

    private Response resume(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload payload = req.getPayload();
        String team = payload.getTeam().getId();
        String userId = payload.getUser().getId();
        String value = payload.getActions().get(0).getValue();
        afterAck.followUp("resume a deal for " + userId, () -> {
            try {
                String dealId = ActionIds.parse(value).dealId();
                PauseResult result = pausing.resume(team, dealId, userId);
                String company = deals.find(team, dealId).map(StoredDeal::deal).map(d -> d.company()).orElse(dealId);
                log.info("Resume of deal {} by {}: {}", dealId, userId, result);
                tell(payload, switch (result) {
                    case RESUMED -> texts.slack("resume.done", Map.of("company", company));
                    case NOT_PAUSED -> texts.slack("resume.notPaused", Map.of("company", company));
                    case NOT_OWNER -> texts.slack("notYours.unnamed");
                    default -> texts.slack("dealGone");
                });
                home.publish(team, userId);
            } catch (RuntimeException e) {
                log.warn("Could not resume a deal for {}: {}", userId, e.getMessage());
                tell(payload, texts.slack("somethingWrong"));
            }
        });
        return ctx.ack();
    }

    /** In a channel (the ephemeral list) an ephemeral answer; in the App Home the refreshed view says it. */
    private void tell(BlockActionPayload payload, String text) {
        String channel = payload.getChannel() != null ? payload.getChannel().getId()
                : payload.getContainer() == null ? null : payload.getContainer().getChannelId();
        if (channel == null) {
            return;
        }
        try {
            gateway.postEphemeral(payload.getTeam().getId(), channel, payload.getUser().getId(), text);
        } catch (RuntimeException e) {
            log.warn("Could not tell {} about their resume: {}", payload.getUser().getId(), e.getMessage());
        }
    }
}
