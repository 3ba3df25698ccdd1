package dev.silentdeals.digests;

/**
 * One rep's line when a team turns per-rep detail on: truths learned in the period and deals waiting for a
 * truth now. Reps are listed by name, never ranked, and how much anyone chased is never shown per rep.
 */
public record RepDetail(String name, int yes, int no, int waiting) {
}
