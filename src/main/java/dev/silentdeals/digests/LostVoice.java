package dev.silentdeals.digests;

import dev.silentdeals.truth.NoReason;

/**
 * The note a rep left with a NO, already shortened; with per-rep detail off it names neither the prospect
 * nor the rep ({@code company} and {@code rep} are null, and names in the note are masked).
 */
public record LostVoice(NoReason reason, String note, String company, String rep) {
}
