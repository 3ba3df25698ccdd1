package dev.silentdeals.slack;

import java.util.Map;
import java.util.function.BiConsumer;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import dev.silentdeals.texts.Texts;
import dev.silentdeals.truth.RecordingResult;

/** The short ephemeral answers to a click that changed nothing. */
final class Replies {

    private Replies() {
    }

    static void tell(RecordingResult result, BlockActionPayload payload, BiConsumer<BlockActionPayload, String> tell,
                     Texts texts) {
        if (result instanceof RecordingResult.NotOwner notOwner) {
            tell.accept(payload, texts.slack("notYours", Map.of("ownerName", notOwner.ownerName())));
        } else if (result instanceof RecordingResult.NothingOpen) {
            tell.accept(payload, texts.slack("dealGone"));
        } else if (result instanceof RecordingResult.AlreadyRecorded already) {
            tell.accept(payload, texts.slack("recorded.already", Map.of("outcome",
                    texts.plain("truthModal.outcome." + already.truth().outcome().name()))));
        }
    }
}
