package dev.silentdeals.deals;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A deal as silent-deals keeps it, scoped to one Slack workspace ({@code teamId}). {@code gone} marks a
 * deal that no longer appears in the CRM; it is kept for history but never judged again.
 */
public record Deal(String teamId, String id, String name, String company, String stage, BigDecimal amount,
                   String currency, String ownerEmail, Contact contact, boolean closed, boolean gone,
                   Instant updatedAt) {

    public boolean isOpen() {
        return !closed && !gone;
    }
}
