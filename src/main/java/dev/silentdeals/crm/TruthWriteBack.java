package dev.silentdeals.crm;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A truth to record on the CRM deal. {@code truthId} is stable for one recorded truth, so an adapter
 * can recognise a retry of a write it already made.
 *
 * @param outcome    YES, NO or NOT_REACHED
 * @param reason     for NO: the reason's code (e.g. {@code WENT_ANOTHER_WAY}); null otherwise
 * @param reasonText the reason in words, for the CRM note
 * @param revisitOn  a date the rep will reconnect (timing no, or yes next step); may be null
 * @param closeLost  true when the deal should also be moved to closed-lost (configured per adapter)
 */
public record TruthWriteBack(String truthId, String dealId, String outcome, String reason, String reasonText,
                             String note, LocalDate revisitOn, String repEmail, Instant recordedAt,
                             boolean closeLost) {
}
