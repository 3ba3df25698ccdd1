package dev.silentdeals.silence;

import java.time.Instant;
import java.time.LocalDate;

/** A deal parked by its rep for a known reason until a date; never nudged while paused. */
public record Pause(String dealId, String reason, String note, LocalDate until, String pausedBy, Instant pausedAt) {

    /** Active until the end of {@code until} — the deal is judged afresh on the resume date. */
    public boolean isActiveOn(LocalDate today) {
        return today.isBefore(until);
    }
}
