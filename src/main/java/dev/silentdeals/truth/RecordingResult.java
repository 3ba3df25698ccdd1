package dev.silentdeals.truth;

import java.util.Map;

import dev.silentdeals.silence.Episode;

/** What happened when a rep acted on a deal. Listeners turn each case into a message. */
public sealed interface RecordingResult {

    /** Stored now; {@code episode} is the one it ended (or kept open for NOT_REACHED). */
    record Recorded(Truth truth, Episode episode) implements RecordingResult {
    }

    /** A "couldn't reach them" counted; {@code attempts} on this episode so far. */
    record NotReachedCounted(Episode episode, int attempts, boolean repeat) implements RecordingResult {
    }

    /** This episode already has its truth; nothing changed. */
    record AlreadyRecorded(Truth truth, Episode episode) implements RecordingResult {
    }

    /** Someone other than the deal's owner clicked; nothing changed. */
    record NotOwner(String ownerName) implements RecordingResult {
    }

    /** The deal is closed, gone, or has no episode matching the button; nothing changed. */
    record NothingOpen() implements RecordingResult {
    }

    /** The submission has problems, as message keys by field. */
    record Invalid(Map<String, String> problems) implements RecordingResult {
    }
}
