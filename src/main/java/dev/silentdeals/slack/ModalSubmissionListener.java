package dev.silentdeals.slack;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.silentdeals.silence.PauseResult;
import dev.silentdeals.silence.Pausing;
import dev.silentdeals.texts.Texts;
import dev.silentdeals.truth.NoReason;
import dev.silentdeals.truth.Outcome;
import dev.silentdeals.truth.RecordingResult;
import dev.silentdeals.truth.TruthRecording;
import dev.silentdeals.truth.TruthRules;
import dev.silentdeals.truth.TruthSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The truth and pause forms. Recording is quick (Redis), so it happens before the ack and problems show
 * in the form; updating the DM happens after the ack. A second submission of the same form changes nothing.
 */
class ModalSubmissionListener implements SlackListener {

    private static final Logger log = LoggerFactory.getLogger(ModalSubmissionListener.class);

    private final TruthRecording recording;
    private final Pausing pausing;
    private final DealMessages dealMessages;
    private final AppHome home;
    private final Texts texts;
    private final AfterAck afterAck;

    ModalSubmissionListener(TruthRecording recording, Pausing pausing, DealMessages dealMessages, AppHome home,
                            Texts texts, AfterAck afterAck) {
        this.recording = recording;
        this.pausing = pausing;
        this.dealMessages = dealMessages;
        this.home = home;
        this.texts = texts;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.viewSubmission(ActionIds.TRUTH_MODAL, this::truth);
        app.viewSubmission(ActionIds.PAUSE_MODAL, this::pause);
    }

    private Response truth(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = req.getPayload();
        String team = payload.getTeam().getId();
        String userId = payload.getUser().getId();
        try {
            ActionIds.DealRef ref = ActionIds.parse(payload.getView().getPrivateMetadata());
            ViewValues values = new ViewValues(payload.getView().getState());
            TruthSubmission submission = new TruthSubmission(enumOrNull(Outcome.class, values.selected(Modals.OUTCOME)),
                    enumOrNull(NoReason.class, values.selected(Modals.REASON)), values.text(Modals.NEXT_STEP),
                    values.date(Modals.DATE), values.text(Modals.NOTE));
            // A form is submitted once per view; its id makes a retried submission count once.
            RecordingResult result = recording.record(team, ref.dealId(), ref.episodeId(), userId,
                    "view:" + payload.getView().getId(), submission);
            if (result instanceof RecordingResult.Invalid invalid) {
                return ctx.ack(r -> r.responseAction("errors").errors(formErrors(invalid.problems())));
            }
            if (result instanceof RecordingResult.NotOwner notOwner) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(Modals.OUTCOME,
                        texts.plain("notYours", Map.of("ownerName", notOwner.ownerName())))));
            }
            if (result instanceof RecordingResult.NothingOpen) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(Modals.OUTCOME, texts.plain("dealGone"))));
            }
            afterAck.followUp("show the truth from " + userId + " in the DM and the App Home", () -> {
                dealMessages.showResult(team, result);
                home.publish(team, userId);
            });
            return ctx.ack();
        } catch (RuntimeException e) {
            log.warn("Could not record the truth form from {}: {}", userId, e.getMessage());
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of(Modals.OUTCOME, texts.plain("somethingWrong"))));
        }
    }

    private Response pause(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = req.getPayload();
        String team = payload.getTeam().getId();
        String userId = payload.getUser().getId();
        try {
            ActionIds.DealRef ref = ActionIds.parse(payload.getView().getPrivateMetadata());
            ViewValues values = new ViewValues(payload.getView().getState());
            String reason = values.selected(Modals.PAUSE_REASON);
            LocalDate until = values.date(Modals.UNTIL);
            if (reason == null || !Modals.PAUSE_REASONS.contains(reason) || until == null) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(Modals.UNTIL,
                        texts.plain("paused.error.dateInPast"))));
            }
            PauseResult result = pausing.pause(team, ref.dealId(), userId, reason, until, values.text(Modals.NOTE));
            return switch (result) {
                case PAUSED -> {
                    afterAck.followUp("publish the App Home of " + userId, () -> home.publish(team, userId));
                    yield ctx.ack();
                }
                case DATE_NOT_AHEAD -> ctx.ack(r -> r.responseAction("errors").errors(Map.of(Modals.UNTIL,
                        texts.plain("paused.error.dateInPast"))));
                case NOT_OWNER -> ctx.ack(r -> r.responseAction("errors").errors(Map.of(Modals.PAUSE_REASON,
                        texts.plain("notYours.unnamed"))));
                default -> ctx.ack(r -> r.responseAction("errors").errors(Map.of(Modals.PAUSE_REASON,
                        texts.plain("dealGone"))));
            };
        } catch (RuntimeException e) {
            log.warn("Could not pause a deal for {}: {}", userId, e.getMessage());
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of(Modals.PAUSE_REASON,
                    texts.plain("somethingWrong"))));
        }
    }

    private Map<String, String> formErrors(Map<String, String> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach((field, key) -> errors.put(blockOf(field), texts.plain(key)));
        return errors;
    }

    private static String blockOf(String field) {
        return switch (field) {
            case TruthRules.REASON -> Modals.REASON;
            case TruthRules.DATE -> Modals.DATE;
            default -> Modals.OUTCOME;
        };
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        try {
            return name == null ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
