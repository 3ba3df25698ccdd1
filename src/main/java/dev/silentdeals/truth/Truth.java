package dev.silentdeals.truth;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A recorded truth, with the episode it ends and the figures at the nudge (quiet days, follow-ups), so
 * digests can say how long the truth took and how much chasing it replaced. {@code truthId} is the
 * episode id: one truth per episode.
 */
public record Truth(String teamId, String truthId, String dealId, Outcome outcome, NoReason reason, String nextStep,
                    LocalDate date, String note, String recordedBy, String ownerEmail, Instant recordedAt,
                    Instant episodeStartedAt, int quietDays, int chaseCount, BigDecimal amount, String currency,
                    String company, String contactName) {
}
