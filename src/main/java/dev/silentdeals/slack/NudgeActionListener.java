package dev.silentdeals.slack;

import java.util.Map;
import java.util.Optional;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import dev.silentdeals.deals.DealStore;
import dev.silentdeals.deals.StoredDeal;
import dev.silentdeals.nudges.NudgeComposer;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.reps.RepDirectory;
import dev.silentdeals.silence.Episode;
import dev.silentdeals.silence.EpisodeStore;
import dev.silentdeals.silence.SilenceDetection;
import dev.silentdeals.texts.Texts;
import dev.silentdeals.truth.Outcome;
import dev.silentdeals.truth.RecordingResult;
import dev.silentdeals.truth.TruthRecording;
import dev.silentdeals.truth.TruthSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nudge's buttons. Every click is acked first. Modals open right after, in their own lane (the trigger id
 * expires in 3 seconds); one-click outcomes are recorded right after, then the DM is updated. Only the deal's
 * owner may act; anyone else gets an ephemeral refusal.
 */
class NudgeActionListener implements SlackListener {

    private static final Logger log = LoggerFactory.getLogger(NudgeActionListener.class);

    private final TruthRecording recording;
    private final DealStore deals;
    private final EpisodeStore episodes;
    private final SilenceDetection detection;
    private final RepDirectory reps;
    private final NudgeComposer composer;
    private final Modals modals;
    private final DealMessages dealMessages;
    private final SlackGateway gateway;
    private final AppHome home;
    private final Texts texts;
    private final AfterAck afterAck;

    NudgeActionListener(TruthRecording recording, DealStore deals, EpisodeStore episodes, SilenceDetection detection,
                        RepDirectory reps, NudgeComposer composer, Modals modals, DealMessages dealMessages,
                        SlackGateway gateway, AppHome home, Texts texts, AfterAck afterAck) {
        this.recording = recording;
        this.deals = deals;
        this.episodes = episodes;
        this.detection = detection;
        this.reps = reps;
        this.composer = composer;
        this.modals = modals;
        this.dealMessages = dealMessages;
        this.gateway = gateway;
        this.home = home;
        this.texts = texts;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.blockAction(ActionIds.OPEN_TRUTH, (req, ctx) -> openModal(req, ctx, ModalKind.TRUTH));
        app.blockAction(ActionIds.OPEN_PAUSE, (req, ctx) -> openModal(req, ctx, ModalKind.PAUSE));
        app.blockAction(ActionIds.OPEN_SCRIPT, (req, ctx) -> openModal(req, ctx, ModalKind.SCRIPT));
        app.blockAction(ActionIds.NOT_REACHED, (req, ctx) -> recordOneClick(req, ctx, Outcome.NOT_REACHED));
        app.blockAction(ActionIds.REPLIED, (req, ctx) -> recordOneClick(req, ctx, Outcome.REPLIED));
    }

    private Response openModal(BlockActionRequest req, ActionContext ctx, ModalKind kind) {
        BlockActionPayload payload = req.getPayload();
        afterAck.modal("open the " + kind + " modal for " + payload.getUser().getId(), () -> open(payload, kind));
        return ctx.ack();
    }

    private void open(BlockActionPayload payload, ModalKind kind) {
        String team = payload.getTeam().getId();
        String userId = payload.getUser().getId();
        try {
            ActionIds.DealRef ref = ActionIds.parse(payload.getActions().get(0).getValue());
            Optional<StoredDeal> stored = deals.find(team, ref.dealId());
            if (stored.isEmpty() || !stored.get().deal().isOpen()) {
                tellUser(payload, texts.slack("dealGone"));
                return;
            }
            Optional<Rep> owner = reps.find(team, stored.get().deal().ownerEmail());
            if (owner.isEmpty() || !owner.get().userId().equals(userId)) {
                tellUser(payload, texts.slack("notYours", Map.of("ownerName",
                        owner.map(Rep::realName).orElse(stored.get().deal().ownerEmail()))));
                return;
            }
            String episodeId = ref.episodeId().isEmpty()
                    ? episodes.openEpisode(team, ref.dealId()).map(Episode::episodeId).orElse("")
                    : ref.episodeId();
            View view = switch (kind) {
                case TRUTH -> modals.truth(stored.get().deal(), episodeId);
                case PAUSE -> modals.pause(stored.get().deal(), episodeId);
                case SCRIPT -> modals.script(composer.compose(detection.judgeNow(team, ref.dealId()).orElseThrow(),
                        owner.get()));
            };
            // On top of an open modal the new one is pushed; from a message or the App Home it is opened.
            if (payload.getView() != null && "modal".equals(payload.getView().getType())) {
                gateway.pushView(team, payload.getTriggerId(), view);
            } else {
                gateway.openView(team, payload.getTriggerId(), view);
            }
        } catch (RuntimeException e) {
            log.warn("Could not open the {} modal for {}: {}", kind, userId, e.getMessage());
            tellUser(payload, texts.slack("somethingWrong"));
        }
    }

    private Response recordOneClick(BlockActionRequest req, ActionContext ctx, Outcome outcome) {
        BlockActionPayload payload = req.getPayload();
        String team = payload.getTeam().getId();
        String userId = payload.getUser().getId();
        BlockActionPayload.Action action = payload.getActions().get(0);
        afterAck.followUp("record " + outcome + " for " + userId, () -> {
            try {
                ActionIds.DealRef ref = ActionIds.parse(action.getValue());
                RecordingResult result = recording.record(team, ref.dealId(), ref.episodeId(), userId,
                        action.getActionTs(), TruthSubmission.of(outcome));
                Replies.tell(result, payload, this::tellUser, texts);
                dealMessages.showResult(team, result);
                home.publish(team, userId);
            } catch (RuntimeException e) {
                log.warn("Could not record {} for {}: {}", outcome, userId, e.getMessage());
                tellUser(payload, texts.slack("somethingWrong"));
            }
        });
        return ctx.ack();
    }

    private void tellUser(BlockActionPayload payload, String text) {
        String team = payload.getTeam().getId();
        String channel = payload.getChannel() != null ? payload.getChannel().getId()
                : payload.getContainer() == null ? null : payload.getContainer().getChannelId();
        try {
            if (channel != null) {
                gateway.postEphemeral(team, channel, payload.getUser().getId(), text);
            } else {
                gateway.post(team, payload.getUser().getId(), text, null);
            }
        } catch (RuntimeException e) {
            log.warn("Could not tell {} about their click: {}", payload.getUser().getId(), e.getMessage());
        }
    }

    private enum ModalKind { TRUTH, PAUSE, SCRIPT }
}
