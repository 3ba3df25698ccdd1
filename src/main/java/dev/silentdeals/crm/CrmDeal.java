package dev.silentdeals.crm;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A deal as the CRM has it. {@code amount} and {@code currency} may be null; {@code contactPhone}
 * too. {@code updatedAt} orders versions of the same deal: an older version never overwrites a newer one.
 */
public record CrmDeal(String id, String name, String company, String stage, BigDecimal amount,
                      String currency, String ownerEmail, String contactName, String contactEmail,
                      String contactPhone, boolean closed, Instant updatedAt) {
}
