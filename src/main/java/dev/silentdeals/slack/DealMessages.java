package dev.silentdeals.slack;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.slack.api.model.block.LayoutBlock;
import dev.silentdeals.deals.DealStore;
import dev.silentdeals.deals.StoredDeal;
import dev.silentdeals.nudges.Nudge;
import dev.silentdeals.nudges.NudgeComposer;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.reps.RepDirectory;
import dev.silentdeals.silence.Episode;
import dev.silentdeals.texts.Texts;
import dev.silentdeals.truth.RecordingResult;
import dev.silentdeals.truth.Truth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Updates the nudge DM in place after the rep acted: what was recorded, or the attempt count. */
final class DealMessages {

    private static final Logger log = LoggerFactory.getLogger(DealMessages.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final SlackGateway gateway;
    private final DealStore deals;
    private final RepDirectory reps;
    private final NudgeComposer composer;
    private final NudgeMessages messages;
    private final Texts texts;

    DealMessages(SlackGateway gateway, DealStore deals, RepDirectory reps, NudgeComposer composer,
                 NudgeMessages messages, Texts texts) {
        this.gateway = gateway;
        this.deals = deals;
        this.reps = reps;
        this.composer = composer;
        this.messages = messages;
        this.texts = texts;
    }

    /** Rewrites the nudge DM (if the episode has one) to show a new result; a repeat changes nothing. */
    void showResult(String team, RecordingResult result) {
        if (result instanceof RecordingResult.Recorded recorded) {
            showTruth(team, recorded.truth(), recorded.episode());
        } else if (result instanceof RecordingResult.NotReachedCounted counted) {
            showNotReached(team, counted.episode());
        }
    }

    /** One line saying what was recorded, for the DM and for ephemeral confirmations. */
    String recordedLine(Truth truth, String contactFirstName) {
        Map<String, Object> values = new HashMap<>();
        values.put("nextStep", truth.nextStep());
        values.put("revisitOn", truth.date() == null ? null : DAY.format(truth.date()));
        values.put("reason", truth.reason() == null ? "" : texts.plain("reason." + truth.reason().name()));
        values.put("contactFirstName", contactFirstName);
        String line = texts.slack("recorded." + truth.outcome().name(), values);
        return truth.note() == null ? line : line + "\n" + texts.slack("recorded.note", Map.of("note", truth.note()));
    }

    String notReachedLine(int attempts) {
        return texts.slack("recorded.NOT_REACHED", Map.of("attempts", texts.count("attempts", attempts)));
    }

    private void showTruth(String team, Truth truth, Episode episode) {
        withNudge(team, episode, (nudge, zone) -> {
            String by = texts.slack("recorded.by", Map.of("userId", truth.recordedBy(),
                    "date", DAY.format(LocalDate.ofInstant(truth.recordedAt(), zone))));
            List<LayoutBlock> blocks = messages.recorded(nudge, recordedLine(truth, nudge.contact().firstName()), by);
            gateway.update(team, episode.nudgeChannel(), episode.nudgeTs(), messages.notification(nudge), blocks);
        });
    }

    private void showNotReached(String team, Episode episode) {
        withNudge(team, episode, (nudge, zone) -> gateway.update(team, episode.nudgeChannel(), episode.nudgeTs(),
                messages.notification(nudge), messages.notReached(nudge, notReachedLine(episode.notReachedCount()))));
    }

    private void withNudge(String team, Episode episode, NudgeAction action) {
        if (episode == null || episode.nudgeChannel() == null || episode.nudgeTs() == null) {
            return;
        }
        Optional<StoredDeal> stored = deals.find(team, episode.dealId());
        Optional<Rep> rep = stored.flatMap(s -> reps.find(team, s.deal().ownerEmail()));
        if (stored.isEmpty() || rep.isEmpty()) {
            return;
        }
        try {
            action.apply(composer.composeForEpisode(stored.get(), episode, rep.get()), rep.get().timeZone());
        } catch (RuntimeException e) {
            log.warn("Could not update the nudge message for deal {}: {}", episode.dealId(), e.getMessage());
        }
    }

    @FunctionalInterface
    private interface NudgeAction {
        void apply(Nudge nudge, ZoneId zone);
    }
}
