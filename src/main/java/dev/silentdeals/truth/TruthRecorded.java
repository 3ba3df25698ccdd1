package dev.silentdeals.truth;

/** A truth was stored for the first time (never published for a repeat of the same truth). */
public record TruthRecorded(Truth truth) {
}
