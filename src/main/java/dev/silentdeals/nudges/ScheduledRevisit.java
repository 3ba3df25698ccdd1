package dev.silentdeals.nudges;

import java.time.Instant;
import java.time.LocalDate;

import dev.silentdeals.truth.Outcome;

/** A revisit waiting for its date, as the rep's lists show it. */
public record ScheduledRevisit(String dealId, String truthId, String ownerEmail, Outcome outcome, LocalDate date,
                               String nextStep, String company, String contactName, Instant truthRecordedAt) {
}
